package cn.huinong.payments;

import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.idempotency.Idempotency;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * Paying orders: card payments through a Stripe-compatible gateway (our payment row first, then the PaymentIntent
 * with the idempotency key {@code payment-<id>}), bank transfers confirmed by the supplier, and the gateway's
 * signed webhooks. Every success marks the order PAID through {@code Orders.markPaid} in the same transaction,
 * at most once, whichever of confirmation, webhook or reconciliation gets there first.
 */
public interface Payments {

    /** A new payment of a PENDING_PAYMENT order by its buyer unit (409 otherwise). {@code idempotencyKey} may be null. */
    Idempotency.Outcome<PaymentView> create(long orderId, PaymentMethod method, @Nullable String idempotencyKey,
                                            Actor actor);

    /** Demo/test card flow: confirms the intent with a test payment method; settles on success. */
    PaymentView confirm(long paymentId, @Nullable String paymentMethod, Actor actor);

    /** The order's supplier confirms that the bank transfer arrived. */
    PaymentView confirmReceipt(long paymentId, Actor actor);

    /** Asks the gateway what became of a card payment whose outcome is unknown, and settles accordingly. */
    PaymentView reconcile(long paymentId, Actor actor);

    /** Verifies and processes one webhook delivery (raw body); false when it was a duplicate. 400 on a bad signature. */
    boolean webhook(String rawBody, @Nullable String signatureHeader);

    /**
     * Gives back part or all of an order's successful payment (SUPPLIER of the order or OPERATOR); the refunds of an
     * order never add up to more than the payment (422). Card refunds go to the gateway with the key
     * {@code refund-<id>}; bank-transfer refunds are recorded as made offline.
     */
    Idempotency.Outcome<RefundView> refund(long orderId, long amountFen, String reason, @Nullable String idempotencyKey,
                                           Actor actor);

    /**
     * The scheduled reconciliation, once, as of {@code now}: card payments still PENDING since before
     * {@code now - huinong.payments.reconcile-after} are reconciled with the gateway; refunds due (paid orders
     * cancelled, orphaned payments) are made; refunds PENDING since before then are looked up at the gateway. One
     * transaction per step; returns how many payments and refunds it looked at.
     */
    int reconcileAll(Instant now);

    /** OPERATOR: orphaned payments and payments with a failed refund, newest first, with what is still owed back. */
    PageResponse<AttentionItem> attention(PageQuery page, Actor actor);
}
