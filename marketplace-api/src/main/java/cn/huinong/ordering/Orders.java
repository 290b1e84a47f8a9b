package cn.huinong.ordering;

import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.idempotency.Idempotency;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Orders: checkout (one order per supplier, stock reserved atomically), the life cycle, invoices. Each command is
 * one transaction with its history row, audit entry and, where money is concerned, its outbox event.
 * Orders are visible to their buyer unit, their supplier and operators; to anyone else they do not exist (404).
 */
public interface Orders {

    /** Places one order per supplier; all lines reserved or none (409). {@code idempotencyKey} may be null. */
    Idempotency.Outcome<CheckoutResult> checkout(NewCheckout checkout, @Nullable String idempotencyKey, Actor actor);

    OrderView view(long id, Actor actor);

    /** The order without a visibility check, for other modules acting for the system (e.g. payment webhooks). */
    Optional<OrderView> find(long id);

    /** The caller's orders: a buyer unit's, a supplier's, or (operator) all, newest first. */
    PageResponse<OrderSummary> list(Actor actor, @Nullable OrderStatus status, PageQuery page);

    /**
     * The same, narrowed by {@code query}: an order number, or part of the buyer unit's or the supplier's name
     * (blank: no narrowing).
     */
    PageResponse<OrderSummary> list(Actor actor, @Nullable OrderStatus status, @Nullable String query, PageQuery page);

    /**
     * PENDING_PAYMENT -> PAID. For the payments module (and tests) only: no endpoint calls it yet.
     * 409 when the order is not awaiting payment (e.g. expired).
     */
    OrderView markPaid(long id, String paymentRef, Instant paidAt, Actor actor);

    /**
     * Keeps a PENDING_PAYMENT order (and its reserved stock) awaiting payment at least until {@code until}: a payment
     * attempt's window (a bank transfer's is days). For the payments module, in its transaction (mandatory).
     */
    void holdForPayment(long id, Instant until);

    /**
     * Adds a payment event (e.g. PAYMENT_SUCCEEDED) of a paid order to {@code order_event_outbox}, in the caller's
     * transaction (mandatory): {@code amountFen} is the money moved, eligibleFen the order's share of it.
     */
    void paymentEvent(long id, OrderEventType type, long amountFen, Instant paidAt, String paymentRef);

    /**
     * Records money given back (by the payments module, in its transaction): adds to {@code refundedFen}; when all
     * of the total is refunded the order becomes REFUNDED, except a CANCELLED order, which stays CANCELLED (ADR 7).
     * Writes ORDER_REFUNDED (the refunded amount and its eligible part) to the outbox: the only event the
     * reserved-share ledger takes money back on. 409 when the order was never paid; 422 beyond the total.
     */
    OrderView recordRefund(long id, long amountFen, String refundRef, Actor actor);

    /** PAID -> SHIPPED, by the order's supplier. */
    OrderView ship(long id, String carrier, String trackingNumber, Actor actor);

    /** SHIPPED -> DELIVERED, by the order's supplier. */
    OrderView deliver(long id, Actor actor);

    /** DELIVERED -> ACCEPTED (验收), by the buyer unit, with an optional rating 1-5 and comment. */
    OrderView accept(long id, @Nullable Integer rating, @Nullable String comment, Actor actor);

    /**
     * PENDING_PAYMENT or PAID -> CANCELLED, by the buyer unit; the stock goes back. For a PAID order, after the
     * cancellation committed, publishes {@link PaidOrderCancelled} (the payments module refunds in full). Call it
     * outside a transaction; the view returned is read after that.
     */
    OrderView cancel(long id, @Nullable String reason, Actor actor);

    /**
     * CANCELLED orders that had been paid and are not fully refunded (refundedFen below the total), ids ascending
     * after {@code afterId}: what the payments module still owes back.
     */
    List<Long> cancelledUnrefunded(long afterId, int limit);

    /** The buyer unit's invoice details (抬头, 税号); not for cancelled orders. */
    OrderView requestInvoice(long id, String title, String taxNumber, Actor actor);

    /** The supplier records the issued invoice; needs a request and a paid order. */
    OrderView recordInvoice(long id, String invoiceNumber, LocalDate issuedOn, Actor actor);

    /**
     * Cancels every PENDING_PAYMENT order whose payment time ran out by {@code now} and releases its stock,
     * one transaction per order; returns how many expired. Called by a scheduled job.
     */
    int expireUnpaid(Instant now);

    /**
     * Accepts every DELIVERED order delivered at least {@code huinong.ordering.auto-accept-after} before {@code now}
     * (the buyer did not accept or object in time), one transaction per order, as the system (history action
     * AUTO_ACCEPTED, ORDER_ACCEPTED to the outbox); returns how many. Called by a scheduled job.
     */
    int acceptDelivered(Instant now);
}
