package cn.huinong.quota.internal;

import static cn.huinong.quota.internal.QuotaCallers.blankToNull;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.OrganizationStatus;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.quota.Canteen;
import cn.huinong.quota.NewPlan;
import cn.huinong.quota.PlanAboveTotal;
import cn.huinong.quota.PlanBelowFloor;
import cn.huinong.quota.PlanView;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.RepresentativeCanteenLocked;
import cn.huinong.quota.RepresentativeNotEligible;
import cn.huinong.shared.Actor;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Filing and amending a unit's plan: the floor, the shared canteen's representative (ADR 11), the plan row with its
 * version, the figures of the unit and of the representatives concerned, and the audit entry. Joins the caller's
 * transaction.
 */
@Singleton
class PlanFiling {

    private final PlanStore plans;
    private final FiguresStore figures;
    private final Organizations organizations;
    private final QuotaRules rules;
    private final AuditLog audit;
    private final Clock clock;

    PlanFiling(
            PlanStore plans,
            FiguresStore figures,
            Organizations organizations,
            QuotaRules rules,
            AuditLog audit,
            Clock clock) {
        this.plans = plans;
        this.figures = figures;
        this.organizations = organizations;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    PlanView file(int year, NewPlan plan, OrganizationView unit, Actor actor) {
        Canteen canteen = plan.canteen();
        checkRepresentativeField(plan);
        // the unit's figures row is the lock every writer of this unit-year takes first; then the former and the new
        // representative's (in id order), so that a representative cannot stop reserving while a unit joins it
        FiguresStore.Figures before = figures.lock(unit.id(), year);
        TreeSet<Long> affected = new TreeSet<>();
        if (before.representativeOrganizationId() != null) {
            affected.add(before.representativeOrganizationId());
        }
        if (plan.representativeOrganizationId() != null && plan.representativeOrganizationId() != unit.id()) {
            affected.add(plan.representativeOrganizationId());
        }
        affected.forEach(id -> figures.lock(id, year));
        Optional<PlanView> existing = plans.find(unit.id(), year);
        // the representative runs the canteen its members share: it keeps filing an own canteen while it has members
        if (existing.isPresent()
                && canteen != Canteen.OWN
                && existing.get().canteen() != canteen
                && plans.hasMembers(unit.id(), year)) {
            throw new RepresentativeCanteenLocked("本单位是共用食堂的代表单位，其他单位已指向本单位，不能改为" + label(canteen));
        }
        if (canteen == Canteen.SHARED) {
            checkRepresentative(unit, plan.representativeOrganizationId(), year);
        }
        long annual = plan.annualCanteenProcurementFen();
        long reserved = canteen == Canteen.NONE ? 0 : plan.reservedFen();
        int floor = rules.floorBasisPoints(unit.regionCode(), year);
        Long exceptionId = null;
        Optional<PlanStore.StoredException> exception = plans.approvedException(unit.id(), year);
        if (exception.isPresent()) {
            floor = exception.get().ratioBasisPoints();
            exceptionId = exception.get().id();
        }
        long minimum = canteen.reserves() ? QuotaRules.minimumReservedFen(annual, floor) : 0;
        if (canteen.reserves() && reserved < minimum) {
            throw new PlanBelowFloor(
                    "预留份额不得低于年度食堂食材采购总额的" + QuotaRules.percent(floor).toPlainString() + "%，即至少"
                            + QuotaRules.yuan(minimum) + "元（" + minimum + "分）",
                    List.of(new Violation("reservedFen", "预留份额至少为" + minimum + "分")),
                    Map.of("minimumReservedFen", minimum, "floorPercent", QuotaRules.percent(floor)));
        }
        if (canteen.reserves() && reserved > annual) {
            throw new PlanAboveTotal("预留份额不能超过年度食堂食材采购总额", List.of(new Violation("reservedFen", "预留份额不能超过年度食堂食材采购总额")));
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        boolean late = rules.isLate(unit.regionCode(), year, now);
        PlanView saved = new PlanView(
                year,
                unit.id(),
                canteen,
                annual,
                reserved,
                plan.representativeOrganizationId(),
                plan.unionPurchase(),
                blankToNull(plan.contactName()),
                blankToNull(plan.contactPhone()),
                blankToNull(plan.note()),
                existing.map(p -> p.version() + 1).orElse(1),
                QuotaRules.percent(floor),
                minimum,
                exceptionId,
                rules.deadline(unit.regionCode(), year),
                existing.map(PlanView::late).orElse(late),
                existing.map(PlanView::firstFiledAt).orElse(now),
                now,
                actor.username());
        plans.save(saved, now, late);
        figures.plan(
                unit.id(),
                year,
                canteen.name(),
                saved.late(),
                annual,
                canteen.reserves() ? reserved : 0,
                saved.representativeOrganizationId());
        figures.recount(unit.id(), year);
        affected.forEach(id -> figures.recount(id, year));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("year", year);
        detail.put("version", saved.version());
        detail.put("canteen", canteen.name());
        detail.put("annualCanteenProcurementFen", annual);
        detail.put("reservedFen", reserved);
        detail.put("minimumReservedFen", minimum);
        detail.put("floorPercent", QuotaRules.percent(floor).toPlainString());
        detail.put("representativeOrganizationId", saved.representativeOrganizationId());
        detail.put("late", late);
        audit.record(
                actor,
                existing.isPresent() ? "QUOTA_PLAN_AMENDED" : "QUOTA_PLAN_FILED",
                "quota_plan",
                unit.id() + "/" + year,
                detail);
        return saved;
    }

    private static void checkRepresentativeField(NewPlan plan) {
        if (plan.canteen() == Canteen.SHARED && plan.representativeOrganizationId() == null) {
            throw new InvalidInputException(
                    "共用食堂须指明代表单位", List.of(new Violation("representativeOrganizationId", "共用食堂须填写代表单位")));
        }
        if (plan.canteen() != Canteen.SHARED && plan.representativeOrganizationId() != null) {
            throw new InvalidInputException(
                    "只有共用食堂才填写代表单位", List.of(new Violation("representativeOrganizationId", "只有共用食堂才填写代表单位")));
        }
    }

    /**
     * The representative of a shared canteen is a unit that shares that canteen (ADR 11): an approved buyer unit of
     * the same county (the same region code), which files an own canteen (OWN) for the year.
     */
    private void checkRepresentative(OrganizationView unit, long representativeId, int year) {
        if (representativeId == unit.id()) {
            throw representativeRefused("代表单位不能是本单位");
        }
        Optional<OrganizationView> rep =
                organizations.find(representativeId).filter(o -> o.kind() == OrganizationKind.BUYER);
        if (rep.isEmpty()) {
            throw representativeRefused("代表单位须为本平台的采购单位");
        }
        if (rep.get().status() != OrganizationStatus.APPROVED) {
            throw representativeRefused("代表单位尚未通过审核，不能作为共用食堂的代表单位");
        }
        if (!rep.get().regionCode().equals(unit.regionCode())) {
            throw representativeRefused("代表单位须与本单位在同一县（区），共用同一食堂");
        }
        if (!plans.find(representativeId, year)
                .map(p -> p.canteen() == Canteen.OWN)
                .orElse(false)) {
            throw representativeRefused("代表单位须已按自有食堂填报" + year + "年度计划");
        }
    }

    private static RuleViolationException representativeRefused(String message) {
        return new RepresentativeNotEligible(message, List.of(new Violation("representativeOrganizationId", message)));
    }

    private static String label(Canteen c) {
        return switch (c) {
            case OWN -> "自有食堂";
            case SHARED -> "共用食堂";
            case OUTSOURCED -> "外包食堂";
            case NONE -> "无食堂";
        };
    }
}
