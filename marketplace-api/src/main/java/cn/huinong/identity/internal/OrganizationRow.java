package cn.huinong.identity.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("organization")
record OrganizationRow(
        @Id @GeneratedValue @Nullable Long id,
        String kind,
        @Nullable String supplierType,
        @Nullable String departmentKind,
        String name,
        String creditCode,
        String regionCode,
        @Nullable String scopeRegionCode,
        @Nullable Long parentOrganizationId,
        String contactName,
        String contactPhone,
        String status,
        @Nullable String decisionReason,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        Instant createdAt) {}
