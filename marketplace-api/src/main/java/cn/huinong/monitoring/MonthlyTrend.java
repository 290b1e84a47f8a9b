package cn.huinong.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Eligible spending per month of a region's units (month of the original payment, Asia/Shanghai; refunds lower the
 * month they refund), with the running total and what the pace of the year asks for by the end of each month
 * ({@code expectedCumulativeFen}: the region's reserve x the elapsed fraction of the year, rounded up).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MonthlyTrend(int year, RegionSummary.RegionRef region, long reservedFen, List<Month> months) {

    @Serdeable
    public record Month(int month, long eligibleSpentFen, long cumulativeFen, long expectedCumulativeFen) {}
}
