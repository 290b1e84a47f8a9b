package cn.huinong.ordering.internal;

import cn.huinong.ordering.OrderEventType;
import cn.huinong.ordering.OrderNotFound;
import cn.huinong.ordering.PaidOrderCancelled;
import cn.huinong.ordering.UnpaidOrderClosed;
import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life cycle: each command locks the order, asks the {@link Order} aggregate for the change (which checks the
 * state) and records it ({@link OrderChanges}); the system's steps (expiry, automatic acceptance) one transaction per
 * order, for the jobs.
 */
@Singleton
class OrderMoves {

    private static final Logger LOG = LoggerFactory.getLogger(OrderMoves.class);

    private final OrderStore store;
    private final OrderChanges changes;
    private final InstantSource clock;
    private final TransactionOperations<Connection> tx;
    private final ApplicationEventPublisher<PaidOrderCancelled> cancelledAfterPayment;
    private final ApplicationEventPublisher<UnpaidOrderClosed> closedUnpaid;

    OrderMoves(
            OrderStore store,
            OrderChanges changes,
            InstantSource clock,
            TransactionOperations<Connection> tx,
            ApplicationEventPublisher<PaidOrderCancelled> cancelledAfterPayment,
            ApplicationEventPublisher<UnpaidOrderClosed> closedUnpaid) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
        this.tx = tx;
        this.cancelledAfterPayment = cancelledAfterPayment;
        this.closedUnpaid = closedUnpaid;
    }

    @Transactional
    public void markPaid(long id, String paymentRef, Instant paidAt, Actor actor) {
        Order order = store.lock(id).orElseThrow(() -> new OrderNotFound(id));
        changes.record(order.markPaid(paymentRef, paidAt, now()), actor);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void paymentSucceeded(long id, long amountFen, Instant paidAt, String paymentRef) {
        Order order = store.find(id).orElseThrow(() -> new OrderNotFound(id));
        store.outbox(order.paymentEvent(OrderEventType.PAYMENT_SUCCEEDED, amountFen, paidAt, paymentRef, now()));
    }

    @Transactional
    public void recordRefund(long id, long amountFen, String refundRef, Actor actor) {
        Order order = store.lock(id).orElseThrow(() -> new OrderNotFound(id));
        changes.record(order.refund(amountFen, refundRef, now()), actor);
    }

    @Transactional
    public void ship(long id, String carrier, String trackingNumber, Actor actor) {
        changes.record(mine(id, actor, Role.SUPPLIER).ship(carrier.strip(), trackingNumber.strip(), now()), actor);
    }

    @Transactional
    public void deliver(long id, Actor actor) {
        changes.record(mine(id, actor, Role.SUPPLIER).deliver(now()), actor);
    }

    @Transactional
    public void accept(long id, Integer rating, String comment, Actor actor) {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new InvalidInputException("评分有误", List.of(new Violation("rating", "评分应在1到5之间")));
        }
        changes.record(mine(id, actor, Role.BUYER).accept(rating, comment, now()), actor);
    }

    /**
     * Cancels in its own transaction, then (committed) tells the payments module: a paid order is refunded, an
     * unpaid one has its payment attempts closed; if that fails, its sweep finds the order again.
     */
    public void cancel(long id, String reason, Actor actor) {
        boolean paid = tx.executeWrite(status -> {
            Order order = mine(id, actor, Role.BUYER);
            String why = reason == null || reason.isBlank() ? "买方取消" : reason.strip();
            changes.record(order.cancel(why, now()), actor);
            return order.paid();
        });
        try {
            if (paid) {
                cancelledAfterPayment.publishEvent(new PaidOrderCancelled(id));
            } else {
                closedUnpaid.publishEvent(new UnpaidOrderClosed(id));
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "order {}: payments' reaction to the cancellation failed, left to the sweep: {}", id, e.toString());
        }
    }

    @Transactional
    public List<Long> overdue(Instant now, int limit) {
        return store.overdue(now, limit);
    }

    /** Cancels one overdue unpaid order in its own transaction; false when it was paid or cancelled meanwhile. */
    @Transactional
    public boolean expire(long id, Instant now) {
        return store.lock(id)
                .flatMap(o -> o.expire(now))
                .map(c -> {
                    changes.record(c, Actor.system("order-expiry"));
                    return true;
                })
                .orElse(false);
    }

    /** After {@link #expire} committed: the payments module closes the order's attempts (never throws). */
    void expired(long id) {
        try {
            closedUnpaid.publishEvent(new UnpaidOrderClosed(id));
        } catch (RuntimeException e) {
            LOG.warn("order {}: payments' reaction to the expiry failed, left to the sweep: {}", id, e.toString());
        }
    }

    @Transactional
    public List<Long> deliveredBy(Instant deliveredBy, int limit) {
        return store.deliveredBy(deliveredBy, limit);
    }

    /** Accepts one order delivered by {@code deliveredBy} as the system; false when anything happened meanwhile. */
    @Transactional
    public boolean autoAccept(long id, Instant deliveredBy) {
        return store.lock(id)
                .flatMap(o -> o.autoAccept(deliveredBy, now()))
                .map(c -> {
                    changes.record(c, Actor.system("order-auto-accept"));
                    return true;
                })
                .orElse(false);
    }

    @Transactional
    public List<Long> cancelledUnrefunded(long afterId, int limit) {
        return store.cancelledUnrefunded(afterId, limit);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void holdForPayment(long id, Instant until) {
        store.holdUntil(id, until);
    }

    /** The order locked, when the actor sees it (else 404) and has the role the action needs (else 403). */
    private Order mine(long id, Actor actor, Role role) {
        Order order = store.lock(id).filter(o -> Parties.visible(o, actor)).orElseThrow(() -> new OrderNotFound(id));
        Parties.require(role, actor);
        return order;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
