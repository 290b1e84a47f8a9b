package cn.huinong.identity.internal;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A row of {@code organization} as {@link OrganizationStore} reads it; {@code id} is null before it is inserted. */
record OrganizationRow(
        @Nullable Long id,
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
