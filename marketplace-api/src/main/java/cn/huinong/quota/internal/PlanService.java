package cn.huinong.quota.internal;

import static cn.huinong.quota.internal.QuotaCallers.checkYear;

import cn.huinong.identity.Decision;
import cn.huinong.identity.OrganizationView;
import cn.huinong.quota.Canteen;
import cn.huinong.quota.ConsistencyReport;
import cn.huinong.quota.FloorView;
import cn.huinong.quota.NewPlan;
import cn.huinong.quota.PlanVersionView;
import cn.huinong.quota.PlanView;
import cn.huinong.quota.ProgressView;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.Quotas;
import cn.huinong.quota.RatioExceptionStatus;
import cn.huinong.quota.RatioExceptionView;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.problem.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The facade of plans: one transaction per call; filing is {@link PlanFiling}'s, ratio exceptions are
 * {@link RatioExceptionDesk}'s, the reads (floor, plan, versions, progress) are here.
 */
@Singleton
class PlanService implements Quotas {

    private final PlanFiling filing;
    private final RatioExceptionDesk exceptions;
    private final PlanStore plans;
    private final FiguresStore figures;
    private final ConsistencyCheck consistency;
    private final QuotaCallers callers;
    private final QuotaRules rules;

    PlanService(
            PlanFiling filing,
            RatioExceptionDesk exceptions,
            PlanStore plans,
            FiguresStore figures,
            ConsistencyCheck consistency,
            QuotaCallers callers,
            QuotaRules rules) {
        this.filing = filing;
        this.exceptions = exceptions;
        this.plans = plans;
        this.figures = figures;
        this.consistency = consistency;
        this.callers = callers;
        this.rules = rules;
    }

    @Override
    @Transactional
    public PlanView file(int year, NewPlan plan, Actor actor) {
        checkYear(year);
        return filing.file(year, plan, callers.unitOf(actor), actor);
    }

    @Override
    @Transactional(readOnly = true)
    public FloorView floor(int year, Actor actor, Instant now) {
        checkYear(year);
        OrganizationView unit = callers.unitOf(actor);
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
        OrganizationView unit = callers.unitOf(actor);
        return plans.find(unit.id(), year).orElseThrow(() -> new NotFoundException("本单位尚未填报" + year + "年度预留份额计划"));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PlanVersionView> versions(int year, Actor actor) {
        return plans.versions(callers.unitOf(actor).id(), year);
    }

    @Override
    @Transactional(readOnly = true)
    public ProgressView progress(int year, Actor actor, Instant now) {
        checkYear(year);
        OrganizationView unit = callers.unitOf(actor);
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
        return exceptions.request(year, ratioPercent, reason, actor);
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<RatioExceptionView> exceptions(
            @Nullable RatioExceptionStatus status, @Nullable Integer year, Actor actor, PageQuery page) {
        return exceptions.visible(status, year, actor, page);
    }

    @Override
    @Transactional
    public RatioExceptionView decideException(long id, Decision decision, @Nullable String reason, Actor actor) {
        return exceptions.decide(id, decision, reason, actor);
    }

    @Override
    @Transactional(readOnly = true)
    public ConsistencyReport consistencyCheck(int year) {
        checkYear(year);
        return consistency.check(year);
    }
}
