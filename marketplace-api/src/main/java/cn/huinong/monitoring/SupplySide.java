package cn.huinong.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The supply side of a region for a year: sales of products that ORIGINATE in the region (the origin frozen in the
 * order line), whoever bought them, from orders paid in the year (Asia/Shanghai). {@code paidFen} is what was paid,
 * {@code refundedFen} what was refunded of it since (a line's share of its order's refunds, rounded down),
 * {@code totalFen = paidFen - refundedFen}, {@code eligibleFen} the part that counts toward reserved shares.
 * Each grouping lists its top {@code top} entries by totalFen ({@code groups} says how many there are).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SupplySide(
        int year,
        RegionSummary.RegionRef region,
        Sales totals,
        Grouping byCounty,
        Grouping byCategory,
        Grouping byBrand,
        Grouping bySupplier,
        Grouping topProducts) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Sales(long paidFen, long refundedFen, long totalFen, long eligibleFen, long orders, long quantity) {}

    /** One entry of a grouping; {@code key} is null for the products without a brand (name "无品牌"). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Entry(
            @Nullable String key,
            String name,
            long paidFen,
            long refundedFen,
            long totalFen,
            long eligibleFen,
            long orders,
            long quantity) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Grouping(long groups, List<Entry> items) {}
}
