package cn.huinong.monitoring.internal;

import cn.huinong.monitoring.MonthlyTrend;
import cn.huinong.monitoring.RegionSummary;
import cn.huinong.monitoring.internal.MonitoringScope.Target;
import cn.huinong.quota.QuotaFigures;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.RegionFigures;
import cn.huinong.quota.UnitFilter;
import cn.huinong.quota.UnitQuery;
import cn.huinong.quota.UnitSort;
import cn.huinong.region.RegionView;
import cn.huinong.region.Regions;
import cn.huinong.shared.Actor;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A region's summary with its children, and its trend month by month, from quota's figures. */
@Singleton
class RegionReports {

    private final QuotaFigures figures;
    private final Regions regions;
    private final MonitoringScope scope;

    RegionReports(QuotaFigures figures, Regions regions, MonitoringScope scope) {
        this.figures = figures;
        this.regions = regions;
        this.scope = scope;
    }

    /** The summary with the money booked before {@code moneyAsOf} only (all of it when null). */
    RegionSummary summary(int year, @Nullable String region, Actor actor, Instant now, @Nullable Instant moneyAsOf) {
        Target t = scope.target(year, region, actor);
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
        return new RegionSummary(
                year,
                t.ref(),
                units,
                filed,
                reserved,
                spent,
                QuotaRules.rate(spent, reserved),
                completed,
                lagging,
                children);
    }

    MonthlyTrend trend(int year, @Nullable String region, Actor actor, Instant now) {
        RegionSummary summary = summary(year, region, actor, now, null);
        Target t = scope.target(year, region, actor);
        long[] months = figures.monthly(
                new UnitQuery(year, t.prefix(), t.scope().supervisorId(), UnitFilter.ALL, UnitSort.REGION, now));
        List<MonthlyTrend.Month> out = new ArrayList<>();
        long cumulative = 0;
        for (int m = 1; m <= 12; m++) {
            cumulative += months[m - 1];
            Instant monthEnd = LocalDate.of(year, m, 1)
                    .plusMonths(1)
                    .atStartOfDay(QuotaRules.ZONE)
                    .toInstant();
            out.add(new MonthlyTrend.Month(
                    m, months[m - 1], cumulative, QuotaRules.expectedByNowFen(summary.reservedFen(), year, monthEnd)));
        }
        return new MonthlyTrend(year, summary.region(), summary.reservedFen(), out);
    }
}
