package cn.huinong.quota.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.quota.Canteen;
import cn.huinong.quota.DueQuery;
import cn.huinong.quota.DueUnit;
import cn.huinong.quota.ProgressView;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.Quotas;
import cn.huinong.quota.ReminderReason;
import cn.huinong.quota.Reminders;
import cn.huinong.quota.RemindersSent;
import cn.huinong.quota.RepresentativeCandidate;
import cn.huinong.quota.UnitReminders;
import cn.huinong.quota.UnitReminders.Alert;
import cn.huinong.quota.UnitReminders.AlertKind;
import cn.huinong.quota.UnitReminders.Severity;
import cn.huinong.quota.UnitsNotDue;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

@Singleton
class ReminderService implements Reminders {

    /** A unit that has not filed is warned this many days before its deadline (before that: a plain notice). */
    static final int DUE_SOON_DAYS = 30;

    static final int MAX_NOTE = 200;

    private final DueQueries due;
    private final Sql sql;
    private final Quotas quotas;
    private final Organizations organizations;
    private final AuditLog audit;

    private final Clock clock;

    ReminderService(DueQueries due, Sql sql, Quotas quotas, Organizations organizations, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.due = due;
        this.sql = sql;
        this.quotas = quotas;
        this.organizations = organizations;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<DueUnit> due(DueQuery query, PageQuery page, Actor actor) {
        requireScope(query, actor);
        return new PageResponse<>(
                due.page(query, null, page.size(), page.offset()), page.page(), page.size(), due.count(query));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachDue(DueQuery query, Actor actor, Consumer<DueUnit> sink) {
        requireScope(query, actor);
        due.forEach(query, sink);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> outsideScope(DueQuery query, List<Long> organizationIds, Actor actor) {
        requireScope(query, actor);
        List<Long> in = due.inScope(query, organizationIds.toArray(Long[]::new));
        return organizationIds.stream()
                .filter(id -> !in.contains(id))
                .distinct()
                .toList();
    }

    /**
     * The data owner authorises (ADR 15): operators remind anywhere, a regulator within its scope region (the query's
     * region must lie inside it), nobody else.
     */
    private void requireScope(DueQuery query, Actor actor) {
        if (actor.is(Role.OPERATOR)) {
            return;
        }
        if (!actor.is(Role.REGULATOR) || actor.organizationId() == null || query.supervisorId() != null) {
            throw new ForbiddenException("只有监管部门和平台运营可以催办");
        }
        String scope = organizations
                .find(actor.organizationId())
                .map(OrganizationView::scopeRegionCode)
                .map(QuotaRules::regionPrefix)
                .orElse(null);
        if (scope == null || !query.regionPrefix().startsWith(scope)) {
            throw new ForbiddenException("该地区不在本部门的监管范围内");
        }
    }

    @Override
    @Transactional
    public RemindersSent send(
            DueQuery query, @Nullable List<Long> organizationIds, @Nullable String note, Actor actor) {
        requireScope(query, actor);
        String extra = note == null || note.isBlank() ? null : note.trim();
        if (extra != null && extra.length() > MAX_NOTE) {
            throw new InvalidInputException(
                    "附言不超过" + MAX_NOTE + "字", List.of(new Violation("note", "附言不超过" + MAX_NOTE + "字")));
        }
        Long[] ids = organizationIds == null ? null : new LinkedHashSet<>(organizationIds).toArray(Long[]::new);
        if (ids != null && ids.length == 0) {
            throw new InvalidInputException("请选择要催办的单位", List.of(new Violation("organizationIds", "请选择要催办的单位")));
        }
        List<DueUnit> units = due.page(query, ids, Integer.MAX_VALUE, 0);
        if (ids != null && units.size() < ids.length) {
            List<Long> listed = units.stream().map(DueUnit::organizationId).toList();
            List<Long> not = java.util.Arrays.stream(ids)
                    .filter(id -> !listed.contains(id))
                    .toList();
            throw new UnitsNotDue(
                    "所选单位中有" + not.size() + "个当前无需催办（已填报且进度正常，或未到填报提醒期）",
                    List.of(new Violation("organizationIds", "无需催办的单位：" + not)));
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = now.atZone(QuotaRules.ZONE).toLocalDate();
        int n = units.size();
        Long[] unitIds = new Long[n];
        String[] reasons = new String[n];
        String[] messages = new String[n];
        Long[] daysLeft = new Long[n];
        Long[] gaps = new Long[n];
        for (int i = 0; i < n; i++) {
            DueUnit u = units.get(i);
            unitIds[i] = u.organizationId();
            reasons[i] = u.reason().name();
            messages[i] = message(query.year(), u) + (extra == null ? "" : "（附言：" + extra + "）");
            daysLeft[i] = u.reason() == ReminderReason.NOT_FILED ? (long) u.daysLeft() : null;
            gaps[i] = u.reason() == ReminderReason.BEHIND_PACE ? u.gapFen() : null;
        }
        List<Long> sent = n == 0
                ? List.of()
                : sql.list(
                        """
                INSERT INTO quota_reminder (organization_id, year, reason, message, days_left, gap_fen,
                                            sender_organization_id, sent_by, sent_on, sent_at)
                SELECT t.id, ?, t.reason, t.message, t.days_left::int, t.gap, ?, ?, ?, ?
                FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS t(id, reason, message,
                                                                                           days_left, gap)
                ON CONFLICT (organization_id, year, sent_on) DO NOTHING
                RETURNING organization_id
                """,
                        rs -> rs.getLong(1),
                        query.year(),
                        actor.organizationId(),
                        actor.username(),
                        today,
                        now,
                        unitIds,
                        reasons,
                        messages,
                        daysLeft,
                        gaps);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("year", query.year());
        detail.put(
                "region", query.regionPrefix().isEmpty() ? "000000" : (query.regionPrefix() + "0000").substring(0, 6));
        detail.put("filter", query.filter().name());
        detail.put("withinDays", query.withinDays());
        detail.put("selected", ids == null ? "ALL_LISTED" : "SELECTED");
        detail.put("sent", sent.size());
        detail.put("alreadyRemindedToday", n - sent.size());
        detail.put("organizationIds", sent.size() > 1000 ? sent.subList(0, 1000) : sent);
        detail.put("note", extra);
        audit.record(actor, "QUOTA_REMINDER_SENT", "quota_reminder", query.year() + "/" + detail.get("region"), detail);
        return new RemindersSent(sent.size(), n - sent.size(), sent);
    }

    static String message(int year, DueUnit u) {
        if (u.reason() == ReminderReason.NOT_FILED) {
            return u.overdue()
                    ? "贵单位" + year + "年度预留份额计划的填报已于" + u.deadline() + "截止，已逾期" + (-u.daysLeft()) + "天，请尽快补报。"
                    : "贵单位尚未填报" + year + "年度预留份额计划，填报截止日为" + u.deadline() + "（还有" + u.daysLeft() + "天），请按时填报。";
        }
        return "贵单位" + year + "年度预留份额采购进度滞后：按序时进度应完成" + QuotaRules.yuan(u.expectedByNowFen())
                + "元，已完成" + QuotaRules.yuan(u.eligibleSpentFen()) + "元，还差" + QuotaRules.yuan(u.gapFen())
                + "元，请加快采购。";
    }

    @Override
    @Transactional(readOnly = true)
    public UnitReminders mine(int year, Actor actor, Instant now) {
        OrganizationView unit = unitOf(actor);
        ProgressView p = quotas.progress(year, actor, now);
        LocalDate today = now.atZone(QuotaRules.ZONE).toLocalDate();
        List<Alert> alerts = new ArrayList<>();
        if (!p.filed()) {
            int daysLeft = (int) ChronoUnit.DAYS.between(today, p.deadline());
            if (daysLeft < 0) {
                alerts.add(new Alert(
                        AlertKind.NOT_FILED_OVERDUE,
                        Severity.ERROR,
                        year + "年度预留份额计划已逾期未填报",
                        "填报截止日为" + p.deadline() + "，已逾期" + (-daysLeft) + "天。请尽快补报，补报将标记为逾期填报。",
                        null,
                        daysLeft));
            } else if (daysLeft <= DUE_SOON_DAYS) {
                alerts.add(new Alert(
                        AlertKind.NOT_FILED_DUE_SOON,
                        Severity.WARNING,
                        "距" + year + "年度预留份额计划填报截止还有" + daysLeft + "天",
                        "填报截止日为" + p.deadline() + "，请尽快完成填报。",
                        null,
                        daysLeft));
            } else {
                alerts.add(new Alert(
                        AlertKind.NOT_FILED,
                        Severity.INFO,
                        "尚未填报" + year + "年度预留份额计划",
                        "填报截止日为" + p.deadline() + "。",
                        null,
                        daysLeft));
            }
        } else if (p.reservedFen() > 0 && !p.onPace()) {
            long gap = Math.max(0, p.expectedByNowFen() - p.eligibleSpentFen());
            boolean member = p.canteen() == Canteen.SHARED;
            alerts.add(new Alert(
                    AlertKind.BEHIND_PACE,
                    Severity.WARNING,
                    (member ? "共用食堂（计入代表单位）" : "") + year + "年度预留份额采购进度滞后",
                    "按序时进度应完成" + QuotaRules.yuan(p.expectedByNowFen()) + "元，已完成"
                            + QuotaRules.yuan(p.eligibleSpentFen()) + "元，还需采购" + QuotaRules.yuan(gap)
                            + "元才能回到序时进度。",
                    gap,
                    null));
        }
        exception(unit.id(), year).ifPresent(alerts::add);
        List<UnitReminders.Message> messages = sql.list("""
                SELECT m.*, s.name AS sender_name FROM quota_reminder m
                LEFT JOIN organization_directory s ON s.id = m.sender_organization_id
                WHERE m.organization_id = ? AND m.year = ? ORDER BY m.sent_at DESC, m.id DESC LIMIT 50
                """, ReminderService::message, unit.id(), year);
        long unread = sql.count(
                "SELECT count(*) FROM quota_reminder WHERE organization_id = ? AND year = ?" + " AND read_at IS NULL",
                unit.id(),
                year);
        return new UnitReminders(year, p.deadline(), alerts, messages, unread);
    }

    /** The unit's latest ratio exception for the year, as an alert. */
    private Optional<Alert> exception(long unitId, int year) {
        return sql.one(
                """
                SELECT status, ratio_basis_points, decision_reason FROM quota_ratio_exception
                WHERE organization_id = ? AND year = ? ORDER BY id DESC LIMIT 1
                """,
                rs -> {
                    String ratio =
                            QuotaRules.percent(rs.getInt("ratio_basis_points")).toPlainString() + "%";
                    return switch (rs.getString("status")) {
                        case "PENDING" ->
                            new Alert(
                                    AlertKind.EXCEPTION_PENDING,
                                    Severity.INFO,
                                    "比例申请（" + ratio + "）待审核",
                                    "监管部门审核后，按批准的比例计算预留份额下限。",
                                    null,
                                    null);
                        case "APPROVED" ->
                            new Alert(
                                    AlertKind.EXCEPTION_APPROVED,
                                    Severity.SUCCESS,
                                    "比例申请已批准：预留比例" + ratio,
                                    "如已填报，请按新比例核对预留份额。",
                                    null,
                                    null);
                        default ->
                            new Alert(
                                    AlertKind.EXCEPTION_REJECTED,
                                    Severity.WARNING,
                                    "比例申请（" + ratio + "）被驳回",
                                    "驳回理由："
                                            + (rs.getString("decision_reason") == null
                                                    ? "未说明"
                                                    : rs.getString("decision_reason"))
                                            + "。预留份额须达到本省下限。",
                                    null,
                                    null);
                    };
                },
                unitId,
                year);
    }

    private static UnitReminders.Message message(ResultSet rs) throws SQLException {
        return new UnitReminders.Message(
                rs.getLong("id"),
                rs.getInt("year"),
                ReminderReason.valueOf(rs.getString("reason")),
                rs.getString("message"),
                rs.getString("sender_name"),
                Sql.instant(rs, "sent_at"),
                Sql.instant(rs, "read_at"));
    }

    @Override
    @Transactional
    public UnitReminders.Message markRead(long id, Actor actor) {
        OrganizationView unit = unitOf(actor);
        int changed = sql.update(
                "UPDATE quota_reminder SET read_at = now(), read_by = ? WHERE id = ?"
                        + " AND organization_id = ? AND read_at IS NULL",
                actor.username(),
                id,
                unit.id());
        UnitReminders.Message m = sql.one("""
                SELECT m.*, s.name AS sender_name FROM quota_reminder m
                LEFT JOIN organization_directory s ON s.id = m.sender_organization_id
                WHERE m.id = ? AND m.organization_id = ?
                """, ReminderService::message, id, unit.id())
                .orElseThrow(() -> new NotFoundException("催办消息不存在"));
        if (changed > 0) {
            audit.record(actor, "QUOTA_REMINDER_READ", "quota_reminder", String.valueOf(id), Map.of("year", m.year()));
        }
        return m;
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<RepresentativeCandidate> representativeCandidates(
            int year, @Nullable String q, Actor actor, PageQuery page) {
        PlanService.checkYear(year);
        OrganizationView unit = unitOf(actor);
        String code = unit.regionCode();
        String term = q == null ? "" : q.trim();
        String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        // only units that may represent it (ADR 11): approved buyers of the same county filing an own canteen
        String where = """
                 FROM organization_directory o
                JOIN quota_plan p ON p.organization_id = o.id AND p.year = ? AND p.canteen = 'OWN'
                WHERE o.kind = 'BUYER' AND o.status = 'APPROVED' AND o.id <> ? AND o.region_code = ?
                  AND (? = '' OR o.name ILIKE ? OR o.credit_code = upper(?) OR o.id::text = ?)
                """;
        Object[] args = {year, unit.id(), code, term, like, term, term};
        List<Object> pageArgs = new ArrayList<>(List.of(args));
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<RepresentativeCandidate> items = sql.list(
                "SELECT o.id, o.name, o.region_code, r.name AS region_name"
                        + where.replace(
                                " FROM organization_directory o",
                                " FROM organization_directory o LEFT JOIN region_directory r ON r.code = o.region_code")
                        + " ORDER BY o.name, o.id LIMIT ? OFFSET ?",
                rs -> new RepresentativeCandidate(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("region_code"),
                        rs.getString("region_name"),
                        "COUNTY",
                        true,
                        Canteen.OWN,
                        true),
                pageArgs.toArray());
        long total = sql.count("SELECT count(*)" + where, args);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    private OrganizationView unitOf(Actor actor) {
        OrganizationView unit = actor.organizationId() == null
                ? null
                : organizations.find(actor.organizationId()).orElse(null);
        if (unit == null || unit.kind() != OrganizationKind.BUYER) {
            throw new ForbiddenException("只有采购单位可以查看");
        }
        return unit;
    }
}
