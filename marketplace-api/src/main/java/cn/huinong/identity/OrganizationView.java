package cn.huinong.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * {@code pendingAdminUsername}: a self-registration whose admin username was already taken (ADR 9); an operator
 * approves it under another username ({@code adminUsername} in the decision) and tells the applicant.
 */
@Serdeable
public record OrganizationView(
        long id,
        OrganizationKind kind,
        String name,
        String creditCode,
        String regionCode,
        @Nullable String regionName,
        OrganizationStatus status,
        @Nullable String scopeRegionCode,
        @Nullable DepartmentKind departmentKind,
        @Nullable SupplierType supplierType,
        @Nullable Long parentOrganizationId,
        String contactName,
        String contactPhone,
        Instant createdAt,
        @Nullable Instant decidedAt,
        @Nullable String decisionReason,
        @Nullable String pendingAdminUsername) {}
