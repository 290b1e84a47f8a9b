package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A unit's plan for a year (its current version). {@code floorPercent}/{@code minimumReservedFen} are the floor
 * that applied when it was filed (the approved ratio exception's, if any); {@code late} when first filed after the
 * deadline.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlanView(
        int year,
        long organizationId,
        Canteen canteen,
        long annualCanteenProcurementFen,
        long reservedFen,
        @Nullable Long representativeOrganizationId,
        boolean unionPurchase,
        @Nullable String contactName,
        @Nullable String contactPhone,
        @Nullable String note,
        int version,
        BigDecimal floorPercent,
        long minimumReservedFen,
        @Nullable Long ratioExceptionId,
        LocalDate deadline,
        boolean late,
        Instant firstFiledAt,
        Instant updatedAt,
        String updatedBy) {}
