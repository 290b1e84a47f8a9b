package cn.huinong.ordering;

import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.idempotency.Idempotency;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Orders: checkout (one order per supplier, stock reserved atomically), the life cycle, invoices. What the payments
 * module needs goes through {@link OrderPayments} instead. Each command is
 * one transaction with its history row, audit entry and, where money is concerned, its outbox event.
 * Orders are visible to their buyer unit, their supplier and operators; to anyone else they do not exist (404).
 */
public interface Orders {

    /** Places one order per supplier; all lines reserved or none (409). {@code idempotencyKey} may be null. */
    Idempotency.Outcome<CheckoutResult> checkout(NewCheckout checkout, @Nullable String idempotencyKey, Actor actor);

    OrderView view(long id, Actor actor);

    /**
     * The caller's orders: a buyer unit's, a supplier's, or (operator) all, newest first, narrowed by {@code query}:
     * an order number, or part of the buyer unit's or the supplier's name (blank: no narrowing).
     */
    PageResponse<OrderSummary> list(Actor actor, @Nullable OrderStatus status, @Nullable String query, PageQuery page);

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
