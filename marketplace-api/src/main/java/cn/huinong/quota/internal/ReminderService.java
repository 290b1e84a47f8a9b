package cn.huinong.quota.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
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
import cn.huinong.quota.UnitsNotDue;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reminders: who may remind whom (ADR 15), the send with its audit entry, what a unit sees. The words are
 * {@link ReminderTexts}', the SQL {@link ReminderStore}'s and {@link DueQueries}'.
 */
@Singleton
class ReminderService implements Reminders {

    static final int MAX_NOTE = 200;

    static final String UNITS_ONLY = "只有采购单位可以查看";

    private final DueQueries due;
    private final ReminderStore store;
    private final Quotas quotas;
    private final QuotaCallers callers;
    private final Organizations organizations;
    private final AuditLog audit;

    private final Clock clock;

    ReminderService(
            DueQueries due,
            ReminderStore store,
            Quotas quotas,
            QuotaCallers callers,
            Organizations organizations,
            AuditLog audit,
            Clock clock) {
        this.clock = clock;
        this.due = due;
        this.store = store;
        this.quotas = quotas;
        this.callers = callers;
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
            List<Long> not =
                    Arrays.stream(ids).filter(id -> !listed.contains(id)).toList();
            throw new UnitsNotDue(
                    "所选单位中有" + not.size() + "个当前无需催办（已填报且进度正常，或未到填报提醒期）",
                    List.of(new Violation("organizationIds", "无需催办的单位：" + not)));
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = now.atZone(QuotaRules.ZONE).toLocalDate();
        int n = units.size();
        List<ReminderStore.Outgoing> outgoing = units.stream()
                .map(u -> new ReminderStore.Outgoing(
                        u.organizationId(),
                        u.reason(),
                        ReminderTexts.message(query.year(), u) + (extra == null ? "" : "（附言：" + extra + "）"),
                        u.reason() == ReminderReason.NOT_FILED ? (long) u.daysLeft() : null,
                        u.reason() == ReminderReason.BEHIND_PACE ? u.gapFen() : null))
                .toList();
        List<Long> sent = store.send(query.year(), outgoing, actor.organizationId(), actor.username(), today, now);
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

    @Override
    @Transactional(readOnly = true)
    public UnitReminders mine(int year, Actor actor, Instant now) {
        OrganizationView unit = callers.unitOf(actor, UNITS_ONLY);
        ProgressView p = quotas.progress(year, actor, now);
        LocalDate today = now.atZone(QuotaRules.ZONE).toLocalDate();
        List<Alert> alerts = new ArrayList<>();
        ReminderTexts.progress(year, p, today).ifPresent(alerts::add);
        store.latestException(unit.id(), year).map(ReminderTexts::exception).ifPresent(alerts::add);
        List<UnitReminders.Message> messages = store.messages(unit.id(), year);
        long unread = store.unread(unit.id(), year);
        return new UnitReminders(year, p.deadline(), alerts, messages, unread);
    }

    @Override
    @Transactional
    public UnitReminders.Message markRead(long id, Actor actor) {
        OrganizationView unit = callers.unitOf(actor, UNITS_ONLY);
        int changed = store.markRead(id, unit.id(), actor.username());
        UnitReminders.Message m = store.message(id, unit.id()).orElseThrow(() -> new NotFoundException("催办消息不存在"));
        if (changed > 0) {
            audit.record(actor, "QUOTA_REMINDER_READ", "quota_reminder", String.valueOf(id), Map.of("year", m.year()));
        }
        return m;
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<RepresentativeCandidate> representativeCandidates(
            int year, @Nullable String q, Actor actor, PageQuery page) {
        QuotaCallers.checkYear(year);
        OrganizationView unit = callers.unitOf(actor, UNITS_ONLY);
        String term = q == null ? "" : q.trim();
        String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        // only units that may represent it (ADR 11): approved buyers of the same county filing an own canteen
        return store.candidates(year, unit.id(), unit.regionCode(), term, like, page);
    }
}
