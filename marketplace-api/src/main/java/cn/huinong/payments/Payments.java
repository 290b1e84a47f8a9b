package cn.huinong.payments;

import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.idempotency.Idempotency;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Paying orders: card payments through a Stripe-compatible gateway (our payment row first, then the PaymentIntent
 * with the idempotency key {@code payment-<id>}), bank transfers confirmed by the supplier, and the gateway's
 * signed webhooks. Every success marks the order PAID through {@code Orders.markPaid} in the same transaction,
 * at most once, whichever of confirmation, webhook or reconciliation gets there first, and only for the intent the
 * payment created, for exactly its amount and currency (anything else is recorded as a mismatch for operators).
 */
public interface Payments {

    /**
     * A new payment of a PENDING_PAYMENT order by its buyer unit (409 otherwise). An order has at most one live
     * attempt (enforced by the database): a live card attempt is cancelled at the gateway first (409 when its outcome
     * is unknown), a bank transfer still awaited is refused (409: cancel it first). {@code idempotencyKey} may be
     * null. The order keeps its stock reserved until the attempt's {@code expiresAt}.
     */
    Idempotency.Outcome<PaymentView> create(
            long orderId, PaymentMethod method, @Nullable String idempotencyKey, Actor actor);

    /** The buyer withdraws a live attempt (a card's intent is cancelled at the gateway first). */
    PaymentView cancel(long paymentId, Actor actor);

    /**
     * The buyer attaches its transfer slip (回单: a file it uploaded with purpose TRANSFER_SLIP) and the transfer date
     * on it, to a bank transfer still awaited; the supplier sees it.
     */
    PaymentView slip(long paymentId, long fileId, LocalDate transferDate, Actor actor);

    /** The buyer unit's bank transfers still awaited, soonest window first. */
    List<PaymentView> awaitingTransfer(Actor actor);

    /** Demo/test card flow: confirms the intent with a test payment method; settles on success. */
    PaymentView confirm(long paymentId, @Nullable String paymentMethod, Actor actor);

    /**
     * The order's supplier confirms that the bank transfer arrived, made on {@code transferDate} (default: the slip's
     * date, else today): the reserved share counts it in that year. {@code amountFen}, when given, must be the
     * payment's (422 otherwise, nothing settles). Also for a withdrawn transfer whose money arrived anyway.
     */
    PaymentView confirmReceipt(long paymentId, @Nullable LocalDate transferDate, @Nullable Long amountFen, Actor actor);

    /** Asks the gateway what became of a card payment whose outcome is unknown, and settles accordingly. */
    PaymentView reconcile(long paymentId, Actor actor);

    /** Verifies and processes one webhook delivery (raw body); false when it was a duplicate. 400 on a bad signature. */
    boolean webhook(String rawBody, @Nullable String signatureHeader);

    /**
     * Gives back part or all of an order's successful payment (SUPPLIER of the order or OPERATOR); the refunds of an
     * order never add up to more than the payment (422). Card refunds go to the gateway with the key
     * {@code refund-<id>}; bank-transfer refunds are recorded as made offline.
     */
    Idempotency.Outcome<RefundView> refund(
            long orderId, long amountFen, String reason, @Nullable String idempotencyKey, Actor actor);

    /**
     * The scheduled reconciliation, once, as of {@code now}: card payments still PENDING since before
     * {@code now - huinong.payments.reconcile-after} are reconciled with the gateway; refunds due (paid orders
     * cancelled, orphaned payments) are made; refunds PENDING since before then are looked up at the gateway. One
     * transaction per step; returns how many payments and refunds it looked at.
     */
    int reconcileAll(Instant now);

    /**
     * The order's supplier confirms that it sent a bank-transfer refund (offline), on {@code sentOn} with its bank's
     * reference: the refund SUCCEEDS only then, and the order and the reserved share take the money back.
     */
    RefundView confirmRefundSent(long refundId, LocalDate sentOn, @Nullable String bankReference, Actor actor);

    /**
     * OPERATOR: orphaned payments, payments with a failed refund and payments with a gateway answer that did not
     * match (open mismatch), newest first, with what is still owed back.
     */
    PageResponse<AttentionItem> attention(PageQuery page, Actor actor);

    /** OPERATOR: what the gateway said that did not match what we asked for, newest first (open ones only, or all). */
    PageResponse<MismatchView> mismatches(boolean openOnly, PageQuery page, Actor actor);

    /** OPERATOR: a mismatch looked into, with what was done (audited). */
    MismatchView resolveMismatch(long id, String resolution, Actor actor);
}
