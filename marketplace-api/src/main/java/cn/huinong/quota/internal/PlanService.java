package cn.huinong.quota.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.Decision;
import cn.huinong.identity.DepartmentKind;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.OrganizationStatus;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.quota.Canteen;
import cn.huinong.quota.ConsistencyReport;
import cn.huinong.quota.FloorView;
import cn.huinong.quota.NewPlan;
import cn.huinong.quota.PlanAboveTotal;
import cn.huinong.quota.PlanBelowFloor;
import cn.huinong.quota.PlanVersionView;
import cn.huinong.quota.PlanView;
import cn.huinong.quota.ProgressView;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.Quotas;
import cn.huinong.quota.RatioDecisionNotAllowed;
import cn.huinong.quota.RatioExceptionAlreadyDecided;
import cn.huinong.quota.RatioExceptionExists;
import cn.huinong.quota.RatioExceptionStatus;
import cn.huinong.quota.RatioExceptionView;
import cn.huinong.quota.RatioNotBelowFloor;
import cn.huinong.quota.RepresentativeCanteenLocked;
import cn.huinong.quota.RepresentativeNotEligible;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NoSupervisionScope;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.OutsideScope;
import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

@Singleton
class PlanService implements Quotas {

    private final PlanStore plans;
    private final FiguresStore figures;
    private final ConsistencyCheck consistency;
    private final Organizations organizations;
    private final QuotaRules rules;
    private final AuditLog audit;

    private final Clock clock;

    PlanService(
            PlanStore plans,
            FiguresStore figures,
            ConsistencyCheck consistency,
            Organizations organizations,
            QuotaRules rules,
            AuditLog audit,
            Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.figures = figures;
        this.consistency = consistency;
        this.organizations = organizations;
        this.rules = rules;
        this.audit = audit;
    }

    @Override
    @Transactional
    public PlanView file(int year, NewPlan plan, Actor actor) {
        checkYear(year);
        OrganizationView unit = unitOf(actor);
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

    @Override
    @Transactional(readOnly = true)
    public FloorView floor(int year, Actor actor, Instant now) {
        checkYear(year);
        OrganizationView unit = unitOf(actor);
        int province = rules.floorBasisPoints(unit.regionCode(), year);
        Optional<PlanStore.StoredException> exception = plans.approvedException(unit.id(), year);
        int floor = exception.map(PlanStore.StoredException::ratioBasisPoints).orElse(province);
        return new FloorView(
                year,
                QuotaRules.provinceOf(unit.regionCode()),
                QuotaRules.percent(province),
                QuotaRules.percent(floor),
                exception.map(PlanStore.StoredException::id).orElse(null),
                rules.deadline(unit.regionCode(), year),
                rules.isLate(unit.regionCode(), year, now));
    }

    @Override
    @Transactional(readOnly = true)
    public PlanView plan(int year, Actor actor) {
        OrganizationView unit = unitOf(actor);
        return plans.find(unit.id(), year).orElseThrow(() -> new NotFoundException("本单位尚未填报" + year + "年度预留份额计划"));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PlanVersionView> versions(int year, Actor actor) {
        return plans.versions(unitOf(actor).id(), year);
    }

    @Override
    @Transactional(readOnly = true)
    public ProgressView progress(int year, Actor actor, Instant now) {
        checkYear(year);
        OrganizationView unit = unitOf(actor);
        Optional<PlanView> own = plans.find(unit.id(), year);
        long ownSpent = figures.find(unit.id(), year)
                .map(FiguresStore.Figures::ownSpentFen)
                .orElse(0L);
        if (own.isEmpty()) {
            return new ProgressView(
                    year,
                    0,
                    0,
                    ownSpent,
                    null,
                    null,
                    false,
                    0,
                    false,
                    null,
                    false,
                    0,
                    null,
                    ownSpent,
                    rules.deadline(unit.regionCode(), year));
        }
        PlanView plan = own.get();
        long countedAt = plan.canteen() == Canteen.SHARED ? plan.representativeOrganizationId() : unit.id();
        PlanView target =
                countedAt == unit.id() ? plan : plans.find(countedAt, year).orElse(plan);
        long reserved = target.canteen().reserves() ? target.reservedFen() : 0;
        long spent = figures.find(countedAt, year)
                .map(FiguresStore.Figures::countedFen)
                .orElse(0L);
        return new ProgressView(
                year,
                target.annualCanteenProcurementFen(),
                reserved,
                spent,
                QuotaRules.rate(spent, reserved),
                QuotaRules.rate(spent, target.annualCanteenProcurementFen()),
                QuotaRules.onPace(spent, reserved, year, now),
                Math.max(0, reserved - spent),
                true,
                plan.canteen(),
                plan.late(),
                QuotaRules.expectedByNowFen(reserved, year, now),
                countedAt,
                ownSpent,
                plan.deadline());
    }

    @Override
    @Transactional
    public RatioExceptionView requestException(int year, BigDecimal ratioPercent, String reason, Actor actor) {
        checkYear(year);
        OrganizationView unit = unitOf(actor);
        int bp;
        try {
            bp = QuotaRules.basisPoints(ratioPercent);
        } catch (ArithmeticException e) {
            throw new InvalidInputException("比例最多保留两位小数", List.of(new Violation("ratioPercent", "比例最多保留两位小数")));
        }
        int floor = rules.floorBasisPoints(unit.regionCode(), year);
        if (bp < 0 || bp >= floor) {
            throw new RatioNotBelowFloor(
                    "申请的比例须低于本省" + year + "年度下限" + QuotaRules.percent(floor).toPlainString() + "%",
                    List.of(new Violation("ratioPercent", "须在0到下限之间")));
        }
        if (plans.hasOpenException(unit.id(), year)) {
            throw new RatioExceptionExists("本单位" + year + "年度已有待审核或已批准的比例申请");
        }
        long id = plans.insertException(unit.id(), year, bp, reason.trim(), actor.username());
        audit.record(
                actor,
                "QUOTA_RATIO_EXCEPTION_REQUESTED",
                "quota_ratio_exception",
                String.valueOf(id),
                Map.of("year", year, "ratioPercent", QuotaRules.percent(bp).toPlainString(), "reason", reason.trim()));
        return plans.exceptionView(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<RatioExceptionView> exceptions(
            @Nullable RatioExceptionStatus status, @Nullable Integer year, Actor actor, PageQuery page) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (actor.is(Role.BUYER)) {
            where.add("e.organization_id = ?");
            args.add(actor.organizationId());
        } else if (actor.is(Role.REGULATOR)) {
            String prefix = QuotaRules.regionPrefix(scopeOf(actor));
            where.add("o.region_code BETWEEN ? AND ?");
            args.add(pad(prefix, '0'));
            args.add(pad(prefix, '9'));
        } else if (!actor.is(Role.OPERATOR)) {
            throw new ForbiddenException("无权查看比例申请");
        }
        if (status != null) {
            where.add("e.status = ?");
            args.add(status.name());
        }
        if (year != null) {
            where.add("e.year = ?");
            args.add(year);
        }
        String w = where.isEmpty() ? "true" : String.join(" AND ", where);
        Object[] a = args.toArray();
        return new PageResponse<>(
                plans.exceptionViews(w, page.size(), page.offset(), a),
                page.page(),
                page.size(),
                plans.countExceptions(w, a));
    }

    @Override
    @Transactional
    public RatioExceptionView decideException(long id, Decision decision, @Nullable String reason, Actor actor) {
        PlanStore.StoredException e = plans.lockException(id).orElseThrow(() -> new NotFoundException("比例申请不存在"));
        if (actor.is(Role.REGULATOR)) {
            // a lower ratio is the finance authority's to grant (财库〔2021〕20号), in its region (ADR 11)
            OrganizationView department =
                    organizations.find(actor.organizationId()).orElseThrow(() -> new ForbiddenException("无权审核比例申请"));
            if (department.departmentKind() != DepartmentKind.FINANCE) {
                throw new RatioDecisionNotAllowed("比例申请由财政部门审核，本部门无权审核");
            }
            String scope = department.scopeRegionCode();
            if (scope == null || !e.regionCode().startsWith(QuotaRules.regionPrefix(scope))) {
                throw new OutsideScope("该单位不在本部门的监管范围内");
            }
        } else if (!actor.is(Role.OPERATOR)) {
            throw new RatioDecisionNotAllowed("比例申请由财政部门审核，无权审核");
        }
        if (e.status() != RatioExceptionStatus.PENDING) {
            throw new RatioExceptionAlreadyDecided("该申请已审核");
        }
        String why = blankToNull(reason);
        if (decision == Decision.REJECT && why == null) {
            throw new InvalidInputException("驳回须说明理由", List.of(new Violation("reason", "驳回须说明理由")));
        }
        RatioExceptionStatus to =
                decision == Decision.APPROVE ? RatioExceptionStatus.APPROVED : RatioExceptionStatus.REJECTED;
        plans.decideException(id, to, actor.username(), why);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", decision.name());
        detail.put("reason", why);
        detail.put("organizationId", e.organizationId());
        detail.put("year", e.year());
        detail.put("ratioPercent", QuotaRules.percent(e.ratioBasisPoints()).toPlainString());
        audit.record(actor, "QUOTA_RATIO_EXCEPTION_" + to.name(), "quota_ratio_exception", String.valueOf(id), detail);
        return plans.exceptionView(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public ConsistencyReport consistencyCheck(int year) {
        checkYear(year);
        return consistency.check(year);
    }

    private String scopeOf(Actor actor) {
        return organizations
                .find(actor.organizationId())
                .map(OrganizationView::scopeRegionCode)
                .orElseThrow(() -> new NoSupervisionScope("监管部门未设置监管区域"));
    }

    private OrganizationView unitOf(Actor actor) {
        if (actor.organizationId() == null) {
            throw new ForbiddenException("只有采购单位可以填报预留份额");
        }
        OrganizationView unit =
                organizations.find(actor.organizationId()).orElseThrow(() -> new ForbiddenException("只有采购单位可以填报预留份额"));
        if (unit.kind() != OrganizationKind.BUYER) {
            throw new ForbiddenException("只有采购单位可以填报预留份额");
        }
        return unit;
    }

    static void checkYear(int year) {
        if (year < 2000 || year > 2200) {
            throw new InvalidInputException("年度有误", List.of(new Violation("year", "年度应在2000到2200之间")));
        }
    }

    static String pad(String prefix, char c) {
        return (prefix + String.valueOf(c).repeat(6)).substring(0, 6);
    }

    private static String label(Canteen c) {
        return switch (c) {
            case OWN -> "自有食堂";
            case SHARED -> "共用食堂";
            case OUTSOURCED -> "外包食堂";
            case NONE -> "无食堂";
        };
    }

    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
