package cn.huinong.monitoring.internal;

import cn.huinong.monitoring.ExportFormat;
import cn.huinong.monitoring.Monitoring;
import cn.huinong.monitoring.MonthlyTrend;
import cn.huinong.monitoring.Notice;
import cn.huinong.monitoring.NoticeFormat;
import cn.huinong.monitoring.RegionSummary;
import cn.huinong.monitoring.SlowProductPage;
import cn.huinong.monitoring.SlowProductQuery;
import cn.huinong.monitoring.SupplyDimension;
import cn.huinong.monitoring.SupplyQuery;
import cn.huinong.monitoring.SupplySide;
import cn.huinong.monitoring.UnitPage;
import cn.huinong.monitoring.internal.MonitoringScope.Target;
import cn.huinong.quota.QuotaFigures;
import cn.huinong.quota.UnitFigures;
import cn.huinong.quota.UnitFilter;
import cn.huinong.quota.UnitQuery;
import cn.huinong.quota.UnitSort;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facade of monitoring: every read checks the caller's scope first ({@link MonitoringScope}); summaries and
 * trends are {@link RegionReports}', the notice {@link NoticeAssembler}'s, the supply side and slow products
 * {@link SupplyQueries}', the files {@link Exports}' and {@link NoticeWriter}'s.
 */
@Singleton
class MonitoringService implements Monitoring {

    private final MonitoringScope scope;
    private final RegionReports reports;
    private final NoticeAssembler notices;
    private final QuotaFigures figures;
    private final Exports exports;
    private final SupplyQueries supply;

    MonitoringService(
            MonitoringScope scope,
            RegionReports reports,
            NoticeAssembler notices,
            QuotaFigures figures,
            Exports exports,
            SupplyQueries supply) {
        this.scope = scope;
        this.reports = reports;
        this.notices = notices;
        this.figures = figures;
        this.exports = exports;
        this.supply = supply;
    }

    @Override
    public RegionSummary summary(int year, @Nullable String region, Actor actor, Instant now) {
        return reports.summary(year, region, actor, now, null);
    }

    @Override
    public MonthlyTrend trend(int year, @Nullable String region, Actor actor, Instant now) {
        return reports.trend(year, region, actor, now);
    }

    @Override
    public UnitPage units(
            int year,
            @Nullable String region,
            UnitFilter filter,
            UnitSort sort,
            Actor actor,
            PageQuery page,
            Instant now) {
        UnitQuery q = exportQuery(year, region, filter, sort, actor, now);
        PageResponse<UnitFigures> p = figures.units(q, page);
        return new UnitPage(p.items(), p.page(), p.size(), p.total());
    }

    @Override
    public UnitQuery exportQuery(
            int year, @Nullable String region, UnitFilter filter, UnitSort sort, Actor actor, Instant now) {
        Target t = scope.target(year, region, actor);
        return new UnitQuery(year, t.prefix(), t.scope().supervisorId(), filter, sort, now);
    }

    @Override
    public void export(UnitQuery query, ExportFormat format, OutputStream out) {
        exports.write(query, format, out);
    }

    @Override
    public SupplySide supply(int year, @Nullable String region, int top, Actor actor) {
        MonitoringScope.checkYear(year);
        if (top < 1 || top > 100) {
            throw new InvalidInputException("top应在1到100之间", List.of(new Violation("top", "top应在1到100之间")));
        }
        Target t = scope.supervisorTarget(region, actor);
        SupplyQueries.Supply s = supply.supply(year, t.prefix(), top);
        Map<String, SupplySide.Grouping> g = s.groupings();
        return new SupplySide(
                year,
                t.ref(),
                s.totals(),
                g.get("COUNTY"),
                g.get("CATEGORY"),
                g.get("BRAND"),
                g.get("SUPPLIER"),
                g.get("PRODUCT"));
    }

    @Override
    public void writeSummary(RegionSummary summary, ExportFormat format, OutputStream out) {
        exports.table(
                Exports.SUMMARY_HEADERS, sink -> Exports.summaryRows(summary).forEach(sink), format, "各地完成情况", out);
    }

    @Override
    public void writeTrend(MonthlyTrend trend, ExportFormat format, OutputStream out) {
        exports.table(
                Exports.TREND_HEADERS,
                sink -> trend.months()
                        .forEach(mo -> sink.accept(List.of(
                                trend.year() + "年" + mo.month() + "月",
                                Exports.yuan(mo.eligibleSpentFen()),
                                Exports.yuan(mo.cumulativeFen()),
                                Exports.yuan(mo.expectedCumulativeFen())))),
                format,
                "月度趋势",
                out);
    }

    @Override
    public SupplyQuery supplyQuery(int year, @Nullable String region, Actor actor) {
        MonitoringScope.checkYear(year);
        Target t = scope.supervisorTarget(region, actor);
        RegionSummary.RegionRef ref = t.ref();
        return new SupplyQuery(year, ref.code(), ref.name(), t.prefix());
    }

    @Override
    public void exportSupply(SupplyQuery query, @Nullable SupplyDimension by, ExportFormat format, OutputStream out) {
        SupplyQueries.Supply s = supply.supply(query.year(), query.regionPrefix(), Integer.MAX_VALUE);
        Map<SupplyDimension, List<SupplySide.Entry>> groupings = new LinkedHashMap<>();
        for (SupplyDimension d : SupplyDimension.values()) {
            if (by == null || by == d) {
                groupings.put(d, s.groupings().get(d.name()).items());
            }
        }
        exports.supply(s.totals(), groupings, format, out);
    }

    @Override
    public SlowProductPage slowProducts(@Nullable String region, int days, Actor actor, PageQuery page, Instant now) {
        SlowProductQuery q = slowProductsQuery(region, days, actor, now);
        return new SlowProductPage(supply.slowPage(q, page), page.page(), page.size(), supply.slowCount(q), days);
    }

    @Override
    public SlowProductQuery slowProductsQuery(@Nullable String region, int days, Actor actor, Instant now) {
        if (days < 1 || days > 3660) {
            throw new InvalidInputException("天数应在1到3660之间", List.of(new Violation("days", "天数应在1到3660之间")));
        }
        Target t = scope.supervisorTarget(region, actor);
        return new SlowProductQuery(t.ref().code(), t.prefix(), days, now);
    }

    @Override
    public void exportSlowProducts(SlowProductQuery query, ExportFormat format, OutputStream out) {
        exports.table(
                Exports.SLOW_HEADERS,
                sink -> supply.forEachSlow(query, p -> sink.accept(Exports.slowCells(p))),
                format,
                "滞销预警",
                out);
    }

    @Override
    public Notice notice(int year, int half, @Nullable String region, Actor actor, Instant now) {
        return notices.notice(year, half, region, actor, now);
    }

    @Override
    public void writeNotice(Notice notice, NoticeFormat format, OutputStream out) {
        NoticeWriter.write(notice, format, out);
    }
}
