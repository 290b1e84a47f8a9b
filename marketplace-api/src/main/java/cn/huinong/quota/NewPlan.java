package cn.huinong.quota;

import io.micronaut.core.annotation.Nullable;

/** A filing or amendment of a unit's yearly plan, as the unit states it. */
public record NewPlan(
        Canteen canteen,
        long annualCanteenProcurementFen,
        long reservedFen,
        @Nullable Long representativeOrganizationId,
        boolean unionPurchase,
        @Nullable String contactName,
        @Nullable String contactPhone,
        @Nullable String note) {}
