package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A unit's progress for a year (API.md). {@code eligibleSpentFen}: PAID eligible amounts with payment time in the
 * year (Asia/Shanghai) minus their refunds, counted where they belong (a SHARED member's purchases count at its
 * representative; the member sees the representative's figures). {@code completionRate} = spent / reserved and
 * {@code shareOfTotal} = spent / annual total, 4 decimals rounded down, null without a reserve or total.
 * {@code onPace}: spent >= reserved x elapsed fraction of the year; always true without a reserve.
 * Not filed: {@code filed: false}, zero plan figures, the unit's own spending, onPace false.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProgressView(
        int year,
        long annualCanteenProcurementFen,
        long reservedFen,
        long eligibleSpentFen,
        @Nullable BigDecimal completionRate,
        @Nullable BigDecimal shareOfTotal,
        boolean onPace,
        long remainingFen,
        boolean filed,
        @Nullable Canteen canteen,
        boolean late,
        long expectedByNowFen,
        @Nullable Long countedAtOrganizationId,
        long ownSpentFen,
        LocalDate deadline) {}
