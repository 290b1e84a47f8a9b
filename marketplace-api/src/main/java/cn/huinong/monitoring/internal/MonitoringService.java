package cn.huinong.monitoring.internal;

import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
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
import cn.huinong.quota.QuotaFigures;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.RegionFigures;
import cn.huinong.quota.UnitFilter;
import cn.huinong.quota.UnitQuery;
import cn.huinong.quota.UnitSort;
import cn.huinong.region.RegionView;
import cn.huinong.region.Regions;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NoSupervisionScope;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.OutsideScope;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Singleton
class MonitoringService implements Monitoring {

    static final String COUNTRY = "000000";

    private final QuotaFigures figures;
    private final Regions regions;
    private final Organizations organizations;
    private final Exports exports;

    private final SupplyQueries supply;

    MonitoringService(
            QuotaFigures figures, Regions regions, Organizations organizations, Exports exports, SupplyQueries supply) {
        this.supply = supply;
        this.figures = figures;
        this.regions = regions;
        this.organizations = organizations;
        this.exports = exports;
    }

    /** Who may see what: a region prefix ("" = everything) and, for a supervising department, its subtree. */
    private record Scope(String prefix, @Nullable Long supervisorId) {}

    /** The region asked for (or the caller's default), checked against the caller's scope: 400, 403, 404. */
    private record Target(@Nullable RegionView region, Scope scope) {
        String prefix() {
            return region == null ? "" : QuotaRules.regionPrefix(region.code());
        }
    }

    private Target target(int year, @Nullable String region, Actor actor) {
        checkYear(year);
        return target(region, actor);
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2200) {
            throw new InvalidInputException("年度有误", List.of(new Violation("year", "年度应在2000到2200之间")));
        }
    }

    /** The supply side, slow products and notices are for regulators and operators only (not 主管部门). */
    private Target supervisorTarget(@Nullable String region, Actor actor) {
        if (!actor.is(Role.REGULATOR) && !actor.is(Role.OPERATOR)) {
            throw new ForbiddenException("只有监管部门和平台运营可以查看");
        }
        return target(region, actor);
    }

    private Target target(@Nullable String region, Actor actor) {
        if (region != null && !region.matches("\\d{6}")) {
            throw new InvalidInputException("行政区划代码应为6位数字", List.of(new Violation("region", "行政区划代码应为6位数字")));
        }
        Scope scope = scopeOf(actor);
        String code =
                region != null ? region : scope.prefix().isEmpty() ? null : (scope.prefix() + "0000").substring(0, 6);
        if (code != null && !QuotaRules.regionPrefix(code).startsWith(scope.prefix())) {
            throw new OutsideScope("该地区不在本部门的监管范围内");
        }
        if (code == null || code.equals(COUNTRY)) {
            if (!scope.prefix().isEmpty()) {
                throw new OutsideScope("该地区不在本部门的监管范围内");
            }
            return new Target(null, scope);
        }
        RegionView r = regions.find(code).orElseThrow(() -> new NotFoundException("未知的行政区划：" + code));
        return new Target(r, scope);
    }

    private Scope scopeOf(Actor actor) {
        if (actor.is(Role.OPERATOR)) {
            return new Scope("", null);
        }
        if (actor.is(Role.BUYER) && actor.organizationId() != null) {
            // a supervising department (主管部门) sees the units below it, wherever they are registered
            return new Scope("", actor.organizationId());
        }
        if (!actor.is(Role.REGULATOR) || actor.organizationId() == null) {
            throw new ForbiddenException("只有监管部门和平台运营可以查看");
        }
        OrganizationView org =
                organizations.find(actor.organizationId()).orElseThrow(() -> new ForbiddenException("只有监管部门和平台运营可以查看"));
        if (org.scopeRegionCode() == null) {
            throw new NoSupervisionScope("监管部门未设置监管区域");
        }
        return new Scope(QuotaRules.regionPrefix(org.scopeRegionCode()), null);
    }

    @Override
    public RegionSummary summary(int year, @Nullable String region, Actor actor, Instant now) {
        return summary(year, region, actor, now, null);
    }

    /** The summary with the money booked before {@code moneyAsOf} only (all of it when null). */
    private RegionSummary summary(
            int year, @Nullable String region, Actor actor, Instant now, @Nullable Instant moneyAsOf) {
        Target t = target(year, region, actor);
        String prefix = t.prefix();
        int groupLength = Math.min(6, prefix.length() + 2);
        UnitQuery q =
                new UnitQuery(year, prefix, t.scope().supervisorId(), UnitFilter.ALL, UnitSort.REGION, now, moneyAsOf);
        Map<String, RegionFigures> groups = figures.grouped(q, groupLength).stream()
                .collect(Collectors.toMap(RegionFigures::codePrefix, Function.identity()));
        List<RegionView> childRegions = t.region() == null
                ? regions.provinces()
                : regions.children(t.region().code());
        List<RegionSummary.ChildSummary> children = new ArrayList<>();
        for (RegionView c : childRegions) {
            RegionFigures g = groups.get(QuotaRules.regionPrefix(c.code()));
            children.add(
                    g == null
                            ? new RegionSummary.ChildSummary(c.code(), c.name(), 0, 0, 0, 0, null, 0, 0)
                            : new RegionSummary.ChildSummary(
                                    c.code(),
                                    c.name(),
                                    g.units(),
                                    g.filedUnits(),
                                    g.reservedFen(),
                                    g.eligibleSpentFen(),
                                    QuotaRules.rate(g.eligibleSpentFen(), g.reservedFen()),
                                    g.completedUnits(),
                                    g.laggingUnits()));
        }
        long units = 0, filed = 0, reserved = 0, spent = 0, completed = 0, lagging = 0;
        for (RegionFigures g : groups.values()) {
            units += g.units();
            filed += g.filedUnits();
            reserved += g.reservedFen();
            spent += g.eligibleSpentFen();
            completed += g.completedUnits();
            lagging += g.laggingUnits();
        }
        RegionSummary.RegionRef ref = t.region() == null
                ? new RegionSummary.RegionRef(COUNTRY, "全国")
                : new RegionSummary.RegionRef(t.region().code(), t.region().name());
        return new RegionSummary(
                year,
                ref,
                units,
                filed,
                reserved,
                spent,
                QuotaRules.rate(spent, reserved),
                completed,
                lagging,
                children);
    }

    @Override
    public MonthlyTrend trend(int year, @Nullable String region, Actor actor, Instant now) {
        RegionSummary summary = summary(year, region, actor, now);
        Target t = target(year, region, actor);
        long[] months = figures.monthly(
                new UnitQuery(year, t.prefix(), t.scope().supervisorId(), UnitFilter.ALL, UnitSort.REGION, now));
        List<MonthlyTrend.Month> out = new ArrayList<>();
        long cumulative = 0;
        for (int m = 1; m <= 12; m++) {
            cumulative += months[m - 1];
            Instant monthEnd = java.time.LocalDate.of(year, m, 1)
                    .plusMonths(1)
                    .atStartOfDay(QuotaRules.ZONE)
                    .toInstant();
            out.add(new MonthlyTrend.Month(
                    m, months[m - 1], cumulative, QuotaRules.expectedByNowFen(summary.reservedFen(), year, monthEnd)));
        }
        return new MonthlyTrend(year, summary.region(), summary.reservedFen(), out);
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
        PageResponse<cn.huinong.quota.UnitFigures> p = figures.units(q, page);
        return new UnitPage(p.items(), p.page(), p.size(), p.total());
    }

    @Override
    public UnitQuery exportQuery(
            int year, @Nullable String region, UnitFilter filter, UnitSort sort, Actor actor, Instant now) {
        Target t = target(year, region, actor);
        return new UnitQuery(year, t.prefix(), t.scope().supervisorId(), filter, sort, now);
    }

    @Override
    public void export(UnitQuery query, ExportFormat format, OutputStream out) {
        exports.write(query, format, out);
    }

    @Override
    public SupplySide supply(int year, @Nullable String region, int top, Actor actor) {
        checkYear(year);
        if (top < 1 || top > 100) {
            throw new InvalidInputException("top应在1到100之间", List.of(new Violation("top", "top应在1到100之间")));
        }
        Target t = supervisorTarget(region, actor);
        SupplyQueries.Supply s = supply.supply(year, t.prefix(), top);
        Map<String, SupplySide.Grouping> g = s.groupings();
        return new SupplySide(
                year,
                ref(t),
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
        checkYear(year);
        Target t = supervisorTarget(region, actor);
        RegionSummary.RegionRef ref = ref(t);
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

    private static RegionSummary.RegionRef ref(Target t) {
        return t.region() == null
                ? new RegionSummary.RegionRef(COUNTRY, "全国")
                : new RegionSummary.RegionRef(t.region().code(), t.region().name());
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
        Target t = supervisorTarget(region, actor);
        return new SlowProductQuery(ref(t).code(), t.prefix(), days, now);
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
        checkYear(year);
        if (half != 1 && half != 2) {
            throw new InvalidInputException("半年应为1（上半年）或2（下半年）", List.of(new Violation("half", "半年应为1（上半年）或2（下半年）")));
        }
        Target t = supervisorTarget(region, actor);
        Instant end = java.time.LocalDate.of(year, half == 1 ? 7 : 12, 1)
                .plusMonths(half == 1 ? 0 : 1)
                .atStartOfDay(QuotaRules.ZONE)
                .toInstant();
        // a half that is over is reported as at its end: the pace, and the money booked by then (payments made in
        // it, less refunds made by then); a half still running is reported as booked so far
        Instant at = now.isBefore(end) ? now : end;
        Instant moneyAsOf = now.isBefore(end) ? null : end;
        RegionSummary summary =
                summary(year, t.region() == null ? null : t.region().code(), actor, at, moneyAsOf);
        Scope scope = t.scope();
        java.util.function.BiFunction<UnitFilter, UnitSort, PageResponse<cn.huinong.quota.UnitFigures>> list =
                (filter, sort) -> figures.units(
                        new UnitQuery(year, t.prefix(), scope.supervisorId(), filter, sort, at, moneyAsOf),
                        new PageQuery(0, filter == UnitFilter.ALL ? Notice.RANKING : Notice.LIST_LIMIT));
        List<cn.huinong.quota.UnitFigures> top = list.apply(UnitFilter.ALL, UnitSort.COMPLETION_DESC).items().stream()
                .filter(u -> u.completionRate() != null)
                .toList();
        List<cn.huinong.quota.UnitFigures> bottom = list.apply(UnitFilter.ALL, UnitSort.COMPLETION_ASC).items().stream()
                .filter(u -> u.completionRate() != null)
                .toList();
        PageResponse<cn.huinong.quota.UnitFigures> notFiled = list.apply(UnitFilter.NOT_FILED, UnitSort.REGION);
        PageResponse<cn.huinong.quota.UnitFigures> lagging = list.apply(UnitFilter.LAGGING, UnitSort.COMPLETION_ASC);
        String title = summary.region().name() + year + "年" + (half == 1 ? "上" : "下") + "半年预算单位食堂采购脱贫地区农副产品预留份额完成情况通报";
        java.time.LocalDate asOf = at.atZone(QuotaRules.ZONE).toLocalDate().minusDays(at.equals(end) ? 1 : 0);
        return new Notice(
                title,
                year,
                half,
                asOf,
                now,
                summary,
                top,
                bottom,
                notFiled.items(),
                notFiled.total(),
                lagging.items(),
                lagging.total());
    }

    @Override
    public void writeNotice(Notice notice, NoticeFormat format, OutputStream out) {
        NoticeWriter.write(notice, format, out);
    }
}
