package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One unit's figures for a year, as monitoring lists them. {@code eligibleSpentFen} counts where it belongs (a
 * SHARED member's purchases at its representative); {@code completionRate} is null without a reserve;
 * {@code deadline} is the last day of filing for the unit's province (for reminders to units not filed).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UnitFigures(
        long organizationId,
        String name,
        String creditCode,
        String regionCode,
        @Nullable String regionName,
        @Nullable Long parentOrganizationId,
        boolean filed,
        @Nullable Canteen canteen,
        boolean late,
        long annualCanteenProcurementFen,
        long reservedFen,
        long eligibleSpentFen,
        @Nullable BigDecimal completionRate,
        UnitStatus status,
        @Nullable Long representativeOrganizationId,
        LocalDate deadline) {}
