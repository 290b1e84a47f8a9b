package cn.huinong.ordering;

import cn.huinong.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one port between payments and ordering: what the payments module asks of orders, and nothing else. Every
 * command runs in the payments module's transaction when there is one (they lock the order row after the payment's,
 * always in that order); none of them calls back into payments.
 */
public interface OrderPayments {

    /** The order, without a visibility check (the system acting: webhooks, reconciliation). */
    Optional<PayableOrder> find(long orderId);

    /** The order when {@code actor} may see it (its buyer unit, its supplier, an operator); else {@link OrderNotFound}. */
    PayableOrder visibleTo(long orderId, Actor actor);

    /** Ids of the buyer unit's orders awaiting payment, newest first, at most {@code limit}. */
    List<Long> awaitingPayment(long buyerOrganizationId, int limit);

    /**
     * Keeps a PENDING_PAYMENT order (and its reserved stock) awaiting payment at least until {@code until}: a payment
     * attempt's window (a bank transfer's is days). In the caller's transaction (mandatory).
     */
    void holdForPayment(long orderId, Instant until);

    /**
     * PENDING_PAYMENT -> PAID with ORDER_PAID to the outbox; {@link OrderNotPayable} when the order is not awaiting
     * payment (e.g. expired).
     */
    void markPaid(long orderId, String paymentRef, Instant paidAt, Actor actor);

    /**
     * Adds PAYMENT_SUCCEEDED of a paid order to {@code order_event_outbox}, in the caller's transaction (mandatory):
     * {@code amountFen} is the money moved, its eligible part the order's share of it.
     */
    void paymentSucceeded(long orderId, long amountFen, Instant paidAt, String paymentRef);

    /**
     * Records money given back: adds to {@code refundedFen}; all of the total refunded makes the order REFUNDED,
     * except a CANCELLED order, which stays CANCELLED (ADR 7). Writes ORDER_REFUNDED (the refunded amount and its
     * eligible part): the only event the reserved-share ledger takes money back on. {@link OrderNotRefundable} when
     * the order was never paid, {@link RefundExceedsTotal} beyond the total.
     */
    void recordRefund(long orderId, long amountFen, String refundRef, Actor actor);

    /**
     * CANCELLED orders that had been paid and are not fully refunded (refundedFen below the total), ids ascending
     * after {@code afterId}: what the payments module still owes back.
     */
    List<Long> cancelledUnrefunded(long afterId, int limit);
}
