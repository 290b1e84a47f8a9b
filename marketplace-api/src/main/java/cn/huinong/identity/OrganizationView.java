package cn.huinong.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

@Serdeable
public record OrganizationView(long id, OrganizationKind kind, String name, String creditCode, String regionCode,
                               @Nullable String regionName, OrganizationStatus status,
                               @Nullable String scopeRegionCode, @Nullable DepartmentKind departmentKind,
                               @Nullable SupplierType supplierType, @Nullable Long parentOrganizationId,
                               String contactName, String contactPhone, Instant createdAt,
                               @Nullable Instant decidedAt, @Nullable String decisionReason) {
}
