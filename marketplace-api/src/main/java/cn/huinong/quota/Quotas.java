package cn.huinong.quota;

import cn.huinong.identity.Decision;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * The reserved share (预留份额) of buyer units: yearly plans with their history, ratio exceptions, progress and the
 * consistency check of the ledger. Each command is one transaction with its audit entry.
 */
public interface Quotas {

    /**
     * Files or amends the caller's unit's plan for {@code year}: reservedFen must reach the floor (the province's for
     * the year, or the approved exception's ratio) rounded up to the fen, else 422; NONE and SHARED carry no reserve.
     * After the deadline the filing is accepted and marked late.
     */
    PlanView file(int year, NewPlan plan, Actor actor);

    /** The floor and deadline that a filing of the caller's unit for {@code year} has to meet at {@code now}. */
    FloorView floor(int year, Actor actor, Instant now);

    /** The caller's unit's plan; 404 when not filed. */
    PlanView plan(int year, Actor actor);

    /** Every filing and amendment of the caller's unit's plan, oldest first; empty when not filed. */
    List<PlanVersionView> versions(int year, Actor actor);

    /** The caller's unit's progress at {@code now}. */
    ProgressView progress(int year, Actor actor, Instant now);

    /** The unit asks for a lower ratio than its floor (percent with at most two decimals) with a reason. */
    RatioExceptionView requestException(int year, java.math.BigDecimal ratioPercent, String reason, Actor actor);

    /**
     * Ratio exceptions visible to the caller: a buyer's own, a regulator's units within its scope, all for an
     * operator; newest first.
     */
    PageResponse<RatioExceptionView> exceptions(
            @Nullable RatioExceptionStatus status, @Nullable Integer year, Actor actor, PageQuery page);

    /** A regulator whose scope contains the unit, or an operator, decides a PENDING exception; reject needs a reason. */
    RatioExceptionView decideException(long id, Decision decision, @Nullable String reason, Actor actor);

    /** Recomputes every unit's eligible spent for the year from orders and refunds and compares (read only). */
    ConsistencyReport consistencyCheck(int year);
}
