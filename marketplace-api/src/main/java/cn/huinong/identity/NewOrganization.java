package cn.huinong.identity;

import io.micronaut.core.annotation.Nullable;

/** Everything needed to create an organisation and its first (administrator) user. */
public record NewOrganization(
        OrganizationKind kind,
        String name,
        String creditCode,
        String regionCode,
        String contactName,
        String contactPhone,
        @Nullable SupplierType supplierType,
        @Nullable Long parentOrganizationId,
        @Nullable DepartmentKind departmentKind,
        @Nullable String scopeRegionCode,
        String adminUsername,
        String adminPassword) {}
