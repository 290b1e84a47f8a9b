package cn.huinong.monitoring.internal;

import cn.huinong.monitoring.DueUnitPage;
import cn.huinong.monitoring.ExportFormat;
import cn.huinong.monitoring.Monitoring;
import cn.huinong.monitoring.ReminderDesk;
import cn.huinong.quota.DueFilter;
import cn.huinong.quota.DueQuery;
import cn.huinong.quota.DueSort;
import cn.huinong.quota.DueUnit;
import cn.huinong.quota.Reminders;
import cn.huinong.quota.RemindersSent;
import cn.huinong.quota.UnitFilter;
import cn.huinong.quota.UnitQuery;
import cn.huinong.quota.UnitSort;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.OutsideScope;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Scopes through {@link Monitoring#exportQuery} (the same 400/403/404 as every monitoring list), then asks quota. */
@Singleton
class ReminderDeskService implements ReminderDesk {

    static final int MAX_WITHIN_DAYS = 366;
    static final List<String> HEADERS = List.of(
            "单位ID",
            "单位名称",
            "统一社会信用代码",
            "行政区划代码",
            "行政区划",
            "催办事由",
            "填报截止日",
            "剩余天数（负数为逾期）",
            "预留份额（元）",
            "已完成金额（元）",
            "序时进度应完成（元）",
            "差额（元）",
            "完成率",
            "本年已催办次数",
            "最近催办时间");

    private final Monitoring monitoring;
    private final Reminders reminders;
    private final Exports exports;

    ReminderDeskService(Monitoring monitoring, Reminders reminders, Exports exports) {
        this.monitoring = monitoring;
        this.reminders = reminders;
        this.exports = exports;
    }

    @Override
    public DueQuery query(
            int year,
            @Nullable String region,
            DueFilter filter,
            int withinDays,
            DueSort sort,
            Actor actor,
            Instant now) {
        if (!actor.is(Role.REGULATOR) && !actor.is(Role.OPERATOR)) {
            throw new ForbiddenException("只有监管部门和平台运营可以催办");
        }
        if (withinDays < 0 || withinDays > MAX_WITHIN_DAYS) {
            throw new InvalidInputException(
                    "天数应在0到" + MAX_WITHIN_DAYS + "之间",
                    List.of(new Violation("withinDays", "天数应在0到" + MAX_WITHIN_DAYS + "之间")));
        }
        UnitQuery scoped = monitoring.exportQuery(year, region, UnitFilter.ALL, UnitSort.REGION, actor, now);
        return new DueQuery(year, scoped.regionPrefix(), scoped.supervisorId(), filter, withinDays, sort, now);
    }

    @Override
    public DueUnitPage list(DueQuery query, PageQuery page, Actor actor) {
        PageResponse<DueUnit> p = reminders.due(query, page, actor);
        return new DueUnitPage(p.items(), p.page(), p.size(), p.total(), query.withinDays());
    }

    @Override
    public void export(DueQuery query, ExportFormat format, Actor actor, OutputStream out) {
        exports.table(
                HEADERS, sink -> reminders.forEachDue(query, actor, u -> sink.accept(cells(u))), format, "催办提醒", out);
    }

    static List<Object> cells(DueUnit u) {
        return Arrays.asList(
                u.organizationId(),
                u.name(),
                u.creditCode(),
                u.regionCode(),
                u.regionName(),
                u.reason().label()
                        + (u.reason() == cn.huinong.quota.ReminderReason.NOT_FILED && u.overdue() ? "（已逾期）" : ""),
                u.deadline(),
                u.daysLeft(),
                Exports.yuan(u.reservedFen()),
                Exports.yuan(u.eligibleSpentFen()),
                Exports.yuan(u.expectedByNowFen()),
                Exports.yuan(u.gapFen()),
                Exports.percent(u.completionRate()),
                u.reminders(),
                Exports.local(u.lastRemindedAt()));
    }

    @Override
    public RemindersSent send(
            DueQuery query, @Nullable List<Long> organizationIds, @Nullable String note, Actor actor) {
        if (organizationIds != null && !organizationIds.isEmpty()) {
            List<Long> outside = reminders.outsideScope(query, organizationIds, actor);
            if (!outside.isEmpty()) {
                throw new OutsideScope("所选单位中有不在本部门监管范围内的单位：" + outside);
            }
        }
        return reminders.send(query, organizationIds, note, actor);
    }
}
