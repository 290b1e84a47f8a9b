package cn.huinong.quota.internal;

import static cn.huinong.quota.internal.QuotaCallers.blankToNull;
import static cn.huinong.quota.internal.QuotaCallers.pad;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.Decision;
import cn.huinong.identity.DepartmentKind;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.RatioDecisionNotAllowed;
import cn.huinong.quota.RatioExceptionAlreadyDecided;
import cn.huinong.quota.RatioExceptionExists;
import cn.huinong.quota.RatioExceptionStatus;
import cn.huinong.quota.RatioExceptionView;
import cn.huinong.quota.RatioNotBelowFloor;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.OutsideScope;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ratio exceptions (比例申请): a unit asks for a lower ratio than its floor, who sees which requests, and the decision
 * by a finance department in scope or an operator (ADR 11). Joins the caller's transaction.
 */
@Singleton
class RatioExceptionDesk {

    private final PlanStore plans;
    private final QuotaCallers callers;
    private final Organizations organizations;
    private final QuotaRules rules;
    private final AuditLog audit;

    RatioExceptionDesk(
            PlanStore plans, QuotaCallers callers, Organizations organizations, QuotaRules rules, AuditLog audit) {
        this.plans = plans;
        this.callers = callers;
        this.organizations = organizations;
        this.rules = rules;
        this.audit = audit;
    }

    RatioExceptionView request(int year, BigDecimal ratioPercent, String reason, Actor actor) {
        QuotaCallers.checkYear(year);
        OrganizationView unit = callers.unitOf(actor);
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

    PageResponse<RatioExceptionView> visible(
            @Nullable RatioExceptionStatus status, @Nullable Integer year, Actor actor, PageQuery page) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (actor.is(Role.BUYER)) {
            where.add("e.organization_id = ?");
            args.add(actor.organizationId());
        } else if (actor.is(Role.REGULATOR)) {
            String prefix = QuotaRules.regionPrefix(callers.scopeOf(actor));
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

    RatioExceptionView decide(long id, Decision decision, @Nullable String reason, Actor actor) {
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
}
