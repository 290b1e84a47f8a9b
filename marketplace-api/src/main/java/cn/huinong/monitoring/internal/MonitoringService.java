package cn.huinong.monitoring.internal;

import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.monitoring.ExportFormat;
import cn.huinong.monitoring.Monitoring;
import cn.huinong.monitoring.MonthlyTrend;
import cn.huinong.monitoring.RegionSummary;
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
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
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

    MonitoringService(QuotaFigures figures, Regions regions, Organizations organizations, Exports exports) {
        this.figures = figures;
        this.regions = regions;
        this.organizations = organizations;
        this.exports = exports;
    }

    /** Who may see what: a region prefix ("" = everything) and, for a supervising department, its subtree. */
    private record Scope(String prefix, @Nullable Long supervisorId) {
    }

    /** The region asked for (or the caller's default), checked against the caller's scope: 400, 403, 404. */
    private record Target(@Nullable RegionView region, Scope scope) {
        String prefix() {
            return region == null ? "" : QuotaRules.regionPrefix(region.code());
        }
    }

    private Target target(int year, @Nullable String region, Actor actor) {
        if (year < 2000 || year > 2200) {
            throw new InvalidInputException("年度有误", List.of(new Violation("year", "年度应在2000到2200之间")));
        }
        if (region != null && !region.matches("\\d{6}")) {
            throw new InvalidInputException("行政区划代码应为6位数字", List.of(new Violation("region", "行政区划代码应为6位数字")));
        }
        Scope scope = scopeOf(actor);
        String code = region != null ? region : scope.prefix().isEmpty() ? null : (scope.prefix() + "0000").substring(0, 6);
        if (code != null && !QuotaRules.regionPrefix(code).startsWith(scope.prefix())) {
            throw new ForbiddenException("该地区不在本部门的监管范围内");
        }
        if (code == null || code.equals(COUNTRY)) {
            if (!scope.prefix().isEmpty()) {
                throw new ForbiddenException("该地区不在本部门的监管范围内");
            }
            return new Target(null, scope);
        }
        RegionView r = regions.find(code).orElseThrow(() -> new NotFoundException("未知的行政区划：" + code));
        return new Target(r, scope);
    }

    private Scope scopeOf(Actor actor) {
        if (actor.hasRole("OPERATOR")) {
            return new Scope("", null);
        }
        if (actor.hasRole("BUYER") && actor.organizationId() != null) {
            // a supervising department (主管部门) sees the units below it, wherever they are registered
            return new Scope("", actor.organizationId());
        }
        if (!actor.hasRole("REGULATOR") || actor.organizationId() == null) {
            throw new ForbiddenException("只有监管部门和平台运营可以查看");
        }
        OrganizationView org = organizations.find(actor.organizationId())
                .orElseThrow(() -> new ForbiddenException("只有监管部门和平台运营可以查看"));
        if (org.scopeRegionCode() == null) {
            throw new ForbiddenException("监管部门未设置监管区域");
        }
        return new Scope(QuotaRules.regionPrefix(org.scopeRegionCode()), null);
    }

    @Override
    public RegionSummary summary(int year, @Nullable String region, Actor actor, Instant now) {
        Target t = target(year, region, actor);
        String prefix = t.prefix();
        int groupLength = Math.min(6, prefix.length() + 2);
        UnitQuery q = new UnitQuery(year, prefix, t.scope().supervisorId(), UnitFilter.ALL, UnitSort.REGION, now);
        Map<String, RegionFigures> groups = figures.grouped(q, groupLength).stream()
                .collect(Collectors.toMap(RegionFigures::codePrefix, Function.identity()));
        List<RegionView> childRegions = t.region() == null ? regions.provinces() : regions.children(t.region().code());
        List<RegionSummary.ChildSummary> children = new ArrayList<>();
        for (RegionView c : childRegions) {
            RegionFigures g = groups.get(QuotaRules.regionPrefix(c.code()));
            children.add(g == null ? new RegionSummary.ChildSummary(c.code(), c.name(), 0, 0, 0, 0, null, 0, 0)
                    : new RegionSummary.ChildSummary(c.code(), c.name(), g.units(), g.filedUnits(), g.reservedFen(),
                    g.eligibleSpentFen(), QuotaRules.rate(g.eligibleSpentFen(), g.reservedFen()), g.completedUnits(),
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
        RegionSummary.RegionRef ref = t.region() == null ? new RegionSummary.RegionRef(COUNTRY, "全国")
                : new RegionSummary.RegionRef(t.region().code(), t.region().name());
        return new RegionSummary(year, ref, units, filed, reserved, spent, QuotaRules.rate(spent, reserved), completed,
                lagging, children);
    }

    @Override
    public MonthlyTrend trend(int year, @Nullable String region, Actor actor, Instant now) {
        RegionSummary summary = summary(year, region, actor, now);
        Target t = target(year, region, actor);
        long[] months = figures.monthly(new UnitQuery(year, t.prefix(), t.scope().supervisorId(), UnitFilter.ALL,
                UnitSort.REGION, now));
        List<MonthlyTrend.Month> out = new ArrayList<>();
        long cumulative = 0;
        for (int m = 1; m <= 12; m++) {
            cumulative += months[m - 1];
            Instant monthEnd = java.time.LocalDate.of(year, m, 1).plusMonths(1).atStartOfDay(QuotaRules.ZONE)
                    .toInstant();
            out.add(new MonthlyTrend.Month(m, months[m - 1], cumulative,
                    QuotaRules.expectedByNowFen(summary.reservedFen(), year, monthEnd)));
        }
        return new MonthlyTrend(year, summary.region(), summary.reservedFen(), out);
    }

    @Override
    public UnitPage units(int year, @Nullable String region, UnitFilter filter, UnitSort sort, Actor actor,
                          PageQuery page, Instant now) {
        UnitQuery q = exportQuery(year, region, filter, sort, actor, now);
        PageResponse<cn.huinong.quota.UnitFigures> p = figures.units(q, page);
        return new UnitPage(p.items(), p.page(), p.size(), p.total());
    }

    @Override
    public UnitQuery exportQuery(int year, @Nullable String region, UnitFilter filter, UnitSort sort, Actor actor,
                                 Instant now) {
        Target t = target(year, region, actor);
        return new UnitQuery(year, t.prefix(), t.scope().supervisorId(), filter, sort, now);
    }

    @Override
    public void export(UnitQuery query, ExportFormat format, OutputStream out) {
        exports.write(query, format, out);
    }
}
