package cn.huinong.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/**
 * A region's reserved share for a year (API.md): approved buyer units, how many filed, reserved and counted money,
 * completionRate = eligibleSpentFen / reservedFen (4 decimals rounded down; null when nothing is reserved), and the
 * same per child region of the next administrative level. {@code region.code} is "000000" (全国) for the country.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RegionSummary(
        int year,
        RegionRef region,
        long units,
        long filedUnits,
        long reservedFen,
        long eligibleSpentFen,
        @Nullable BigDecimal completionRate,
        long completedUnits,
        long laggingUnits,
        List<ChildSummary> children) {

    @Serdeable
    public record RegionRef(String code, String name) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ChildSummary(
            String code,
            String name,
            long units,
            long filedUnits,
            long reservedFen,
            long eligibleSpentFen,
            @Nullable BigDecimal completionRate,
            long completedUnits,
            long laggingUnits) {}
}
