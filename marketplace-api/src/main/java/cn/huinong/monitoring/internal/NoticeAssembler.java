package cn.huinong.monitoring.internal;

import cn.huinong.monitoring.Notice;
import cn.huinong.monitoring.RegionSummary;
import cn.huinong.monitoring.internal.MonitoringScope.Scope;
import cn.huinong.monitoring.internal.MonitoringScope.Target;
import cn.huinong.quota.QuotaFigures;
import cn.huinong.quota.QuotaRules;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The half-yearly notice (通报): the summary, the top and bottom units by completion, the units not filed and the
 * lagging ones, as at the end of the half (or now, while it runs).
 */
@Singleton
class NoticeAssembler {

    private final MonitoringScope scope;
    private final RegionReports reports;
    private final QuotaFigures figures;

    NoticeAssembler(MonitoringScope scope, RegionReports reports, QuotaFigures figures) {
        this.scope = scope;
        this.reports = reports;
        this.figures = figures;
    }

    Notice notice(int year, int half, @Nullable String region, Actor actor, Instant now) {
        MonitoringScope.checkYear(year);
        if (half != 1 && half != 2) {
            throw new InvalidInputException("半年应为1（上半年）或2（下半年）", List.of(new Violation("half", "半年应为1（上半年）或2（下半年）")));
        }
        Target t = scope.supervisorTarget(region, actor);
        Instant end = LocalDate.of(year, half == 1 ? 7 : 12, 1)
                .plusMonths(half == 1 ? 0 : 1)
                .atStartOfDay(QuotaRules.ZONE)
                .toInstant();
        // a half that is over is reported as at its end: the pace, and the money booked by then (payments made in
        // it, less refunds made by then); a half still running is reported as booked so far
        Instant at = now.isBefore(end) ? now : end;
        Instant moneyAsOf = now.isBefore(end) ? null : end;
        RegionSummary summary =
                reports.summary(year, t.region() == null ? null : t.region().code(), actor, at, moneyAsOf);
        Scope s = t.scope();
        BiFunction<UnitFilter, UnitSort, PageResponse<UnitFigures>> list = (filter, sort) -> figures.units(
                new UnitQuery(year, t.prefix(), s.supervisorId(), filter, sort, at, moneyAsOf),
                new PageQuery(0, filter == UnitFilter.ALL ? Notice.RANKING : Notice.LIST_LIMIT));
        List<UnitFigures> top = list.apply(UnitFilter.ALL, UnitSort.COMPLETION_DESC).items().stream()
                .filter(u -> u.completionRate() != null)
                .toList();
        List<UnitFigures> bottom = list.apply(UnitFilter.ALL, UnitSort.COMPLETION_ASC).items().stream()
                .filter(u -> u.completionRate() != null)
                .toList();
        PageResponse<UnitFigures> notFiled = list.apply(UnitFilter.NOT_FILED, UnitSort.REGION);
        PageResponse<UnitFigures> lagging = list.apply(UnitFilter.LAGGING, UnitSort.COMPLETION_ASC);
        String title = summary.region().name() + year + "年" + (half == 1 ? "上" : "下") + "半年预算单位食堂采购脱贫地区农副产品预留份额完成情况通报";
        LocalDate asOf = at.atZone(QuotaRules.ZONE).toLocalDate().minusDays(at.equals(end) ? 1 : 0);
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
}
