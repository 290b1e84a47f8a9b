package cn.huinong.monitoring;

import cn.huinong.quota.UnitFilter;
import cn.huinong.quota.UnitQuery;
import cn.huinong.quota.UnitSort;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import io.micronaut.core.annotation.Nullable;
import java.io.OutputStream;
import java.time.Instant;

/**
 * Monitoring of the reserved share for regulators (scoped to their region), operators (everything) and supervising
 * departments (主管部门, buyer units with subordinate units: their subtree). A region outside the caller's scope is
 * 403 everywhere.
 */
public interface Monitoring {

    /** The region (default: the regulator's scope, or the whole country) and its children for the year. */
    RegionSummary summary(int year, @Nullable String region, Actor actor, Instant now);

    /** Month by month spending of the region (same scope rules as the summary). */
    MonthlyTrend trend(int year, @Nullable String region, Actor actor, Instant now);

    /** The summary's table: one row per child region, then the region's total (合计). */
    void writeSummary(RegionSummary summary, ExportFormat format, OutputStream out);

    /** The trend's table: one row per month with its spending, the running total and the pace. */
    void writeTrend(MonthlyTrend trend, ExportFormat format, OutputStream out);

    UnitPage units(
            int year,
            @Nullable String region,
            UnitFilter filter,
            UnitSort sort,
            Actor actor,
            PageQuery page,
            Instant now);

    /** Checks the caller's scope (403) before anything is written, and returns the query to export. */
    UnitQuery exportQuery(
            int year, @Nullable String region, UnitFilter filter, UnitSort sort, Actor actor, Instant now);

    /** Writes every unit of an authorised query as CSV or XLSX, streaming. */
    void export(UnitQuery query, ExportFormat format, OutputStream out);

    /** Sales of the products originating in the region, by county, category, brand, supplier and product. */
    SupplySide supply(int year, @Nullable String region, int top, Actor actor);

    /** Checks the caller's scope (403) and returns the supply-side query to export. */
    SupplyQuery supplyQuery(int year, @Nullable String region, Actor actor);

    /**
     * Writes every entry (not only the top ones) of one grouping, or of all of them when {@code by} is null: CSV as
     * one table (a 分组 column, the total first), XLSX with one sheet per grouping.
     */
    void exportSupply(SupplyQuery query, @Nullable SupplyDimension by, ExportFormat format, OutputStream out);

    /** Listed products originating in the region without a sale in the last {@code days} days (滞销预警). */
    SlowProductPage slowProducts(@Nullable String region, int days, Actor actor, PageQuery page, Instant now);

    /** Checks the caller's scope (403) and returns the slow-product query to export. */
    SlowProductQuery slowProductsQuery(@Nullable String region, int days, Actor actor, Instant now);

    /** Writes every slow product of an authorised query as CSV or XLSX, streaming. */
    void exportSlowProducts(SlowProductQuery query, ExportFormat format, OutputStream out);

    /** The half-yearly notice (通报) of the region; {@code half} is 1 (January to June) or 2. */
    Notice notice(int year, int half, @Nullable String region, Actor actor, Instant now);

    void writeNotice(Notice notice, NoticeFormat format, OutputStream out);
}
