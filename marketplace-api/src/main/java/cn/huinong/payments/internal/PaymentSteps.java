package cn.huinong.payments.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.ordering.OrderNotFound;
import cn.huinong.ordering.OrderNotPayable;
import cn.huinong.ordering.OrderPayments;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.PayableOrder;
import cn.huinong.payments.BankAccount;
import cn.huinong.payments.BankAccounts;
import cn.huinong.payments.PayeeAccountMissing;
import cn.huinong.payments.PaymentAlreadyLive;
import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentStatus;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.idempotency.Idempotency;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The database steps of a payment attempt, one transaction each, with its audit entry: creation, the intent learnt,
 * cancellation, success (or orphaned money) and failure. A success locks the payment row, then (in
 * {@code OrderPayments.markPaid}) the order row, always in that order, so a confirmation and a webhook that race
 * converge: the second finds the payment SUCCEEDED and does nothing. Bank transfers' own steps are in
 * {@link TransferSteps}, refunds in {@link RefundSteps}, webhooks in {@link WebhookInbox}.
 */
@Singleton
class PaymentSteps {

    static final Set<PaymentStatus> SETTLED = EnumSet.of(PaymentStatus.SUCCEEDED, PaymentStatus.ORPHANED);
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** What the idempotency store keeps of a creation: the payment it made. */
    @Serdeable
    record Created(long paymentId) {}

    @Serdeable
    record CreateRequest(long orderId, PaymentMethod method) {}

    private final PaymentStore store;
    private final TransferStore transferStore;
    private final OrderPayments orders;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final BankAccounts bankAccounts;
    private final PaymentSettings settings;
    private final InstantSource clock;

    PaymentSteps(
            PaymentStore store,
            TransferStore transferStore,
            OrderPayments orders,
            Idempotency idempotency,
            AuditLog audit,
            BankAccounts bankAccounts,
            PaymentSettings settings,
            InstantSource clock) {
        this.store = store;
        this.transferStore = transferStore;
        this.orders = orders;
        this.idempotency = idempotency;
        this.audit = audit;
        this.bankAccounts = bankAccounts;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public Optional<PaymentRow> find(long id) {
        return store.find(id);
    }

    @Transactional
    public Idempotency.Outcome<Created> create(long orderId, PaymentMethod method, String key, Actor actor) {
        return idempotency.once(
                "user:" + actor.username(),
                key,
                "POST /api/v1/orders/{id}/payments",
                new CreateRequest(orderId, method),
                Created.class,
                201,
                () -> insert(orderId, method, actor));
    }

    /**
     * The order already has a live card attempt: the service cancels it at the gateway (outside any transaction) and
     * tries again. Thrown inside the creation's transaction, so the Idempotency-Key is rolled back with it.
     */
    static final class LiveCardAttempt extends RuntimeException {
        final long paymentId;

        LiveCardAttempt(long paymentId) {
            super("payment " + paymentId + " is live", null, false, false);
            this.paymentId = paymentId;
        }
    }

    private Created insert(long orderId, PaymentMethod method, Actor actor) {
        PayableOrder order = orders.find(orderId).orElseThrow(() -> new OrderNotFound(orderId));
        if (order.status() != OrderStatus.PENDING_PAYMENT || store.paid(orderId)) {
            throw new OrderNotPayable(order.status());
        }
        Optional<PaymentRow> live = store.live(orderId);
        if (live.isPresent()) {
            PaymentRow l = live.get();
            if (l.method() == PaymentMethod.BANK_TRANSFER) {
                throw new PaymentAlreadyLive("该订单已有待确认的对公转账（附言 " + l.transferReference() + "），如需改用其他方式，请先撤销该转账");
            }
            throw new LiveCardAttempt(l.id());
        }
        BankAccount account = null;
        if (method == PaymentMethod.BANK_TRANSFER) {
            account = bankAccounts
                    .find(order.supplierId())
                    .orElseThrow(() -> new PayeeAccountMissing(order.supplierName()));
        }
        PaymentStatus status = method == PaymentMethod.CARD ? PaymentStatus.PENDING : PaymentStatus.AWAITING_TRANSFER;
        Instant expiresAt = clock.instant()
                .plus(method == PaymentMethod.CARD ? settings.cardWindow() : settings.transferWindow())
                .truncatedTo(ChronoUnit.SECONDS);
        long id = store.insert(orderId, method, status, order.totalFen(), expiresAt, actor.username())
                .orElseThrow(() -> new PaymentAlreadyLive("该订单已有进行中的支付，请刷新后重试"));
        // the order keeps its stock reserved for as long as this attempt is awaited
        orders.holdForPayment(orderId, expiresAt);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", orderId);
        detail.put("method", method.name());
        detail.put("amountFen", order.totalFen());
        detail.put("status", status.name());
        detail.put("expiresAt", expiresAt.toString());
        if (method == PaymentMethod.BANK_TRANSFER) {
            String reference = "HN" + orderId + "P" + id;
            transferStore.transfer(id, reference, account);
            detail.put("transferReference", reference);
            detail.put("payeeAccount", account.bankName() + " " + BankAccountService.masked(account.accountNumber()));
        }
        audit.record(actor, "PAYMENT_CREATED", "payment", String.valueOf(id), detail);
        return new Created(id);
    }

    /** A live attempt that can no longer take money (its intent cancelled, a transfer withdrawn or lapsed). */
    @Transactional
    public boolean cancelled(long id, String reason, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (!row.status().live()) {
            return false;
        }
        store.status(id, PaymentStatus.CANCELLED, reason, null);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", row.orderId());
        detail.put("method", row.method().name());
        detail.put("from", row.status().name());
        detail.put("to", PaymentStatus.CANCELLED.name());
        detail.put("reason", reason);
        audit.record(actor, "PAYMENT_CANCELLED", "payment", String.valueOf(id), detail);
        return true;
    }

    @Transactional
    public void intentCreated(long id, String intentId, String clientSecret, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (row.intentId() != null) {
            return;
        }
        store.intent(id, intentId, clientSecret);
        audit.record(actor, "PAYMENT_INTENT_CREATED", "payment", String.valueOf(id), Map.of("intentId", intentId));
    }

    /**
     * Money received: the payment SUCCEEDED and the order PAID, once. When the order can no longer be paid
     * (expired, cancelled, paid otherwise) the payment is ORPHANED instead: the caller refunds it after commit
     * ({@link Refunder}), and the refund sweep finds it should that fail.
     */
    @Transactional
    public Settlement settle(long id, String reference, Instant paidAt, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (SETTLED.contains(row.status())) {
            return Settlement.ALREADY;
        }
        PayableOrder order = orders.find(row.orderId()).orElseThrow();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", row.orderId());
        detail.put("from", row.status().name());
        detail.put("amountFen", row.amountFen());
        detail.put("reference", reference);
        detail.put("paidAt", paidAt.toString());
        if (order.status() != OrderStatus.PENDING_PAYMENT || store.paid(row.orderId())) {
            store.status(id, PaymentStatus.ORPHANED, "订单状态为" + order.status().label() + "，款项将原路退回", paidAt);
            detail.put("to", PaymentStatus.ORPHANED.name());
            audit.record(actor, "PAYMENT_ORPHANED", "payment", String.valueOf(id), detail);
            return Settlement.ORPHANED;
        }
        store.status(id, PaymentStatus.SUCCEEDED, null, paidAt);
        detail.put("to", PaymentStatus.SUCCEEDED.name());
        audit.record(actor, "PAYMENT_SUCCEEDED", "payment", String.valueOf(id), detail);
        // ORDER_PAID and PAYMENT_SUCCEEDED (amountFen, eligibleFen, paidAt) go to order_event_outbox in this
        // transaction
        orders.markPaid(row.orderId(), "payment-" + id, paidAt, actor);
        orders.paymentSucceeded(row.orderId(), row.amountFen(), paidAt, "payment-" + id);
        return Settlement.SUCCEEDED;
    }

    /** What {@link #settle} did: paid the order, orphaned the money (a refund is due), or nothing (settled before). */
    enum Settlement {
        SUCCEEDED,
        ORPHANED,
        ALREADY
    }

    /**
     * Declined: FAILED with the gateway's message (the intent stays open for another card); never undoes a success or
     * a cancellation (events may arrive out of order).
     */
    @Transactional
    public void fail(long id, String message, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (!row.status().live()
                || row.method() != PaymentMethod.CARD
                || row.status() == PaymentStatus.FAILED && Objects.equals(message, row.failureMessage())) {
            return;
        }
        String why = message == null || message.isBlank() ? "支付失败" : message;
        store.status(id, PaymentStatus.FAILED, why, null);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", row.orderId());
        detail.put("from", row.status().name());
        detail.put("to", PaymentStatus.FAILED.name());
        detail.put("message", why);
        audit.record(actor, "PAYMENT_FAILED", "payment", String.valueOf(id), detail);
    }

    @Transactional
    public Optional<PaymentRow> succeededOf(long orderId) {
        return store.succeededOf(orderId);
    }

    @Transactional
    public List<Long> stuckCardPayments(Instant before, long afterId, int limit) {
        return store.stuckCardPayments(before, afterId, limit);
    }

    @Transactional
    public PageResponse<PaymentRow> attention(PageQuery page) {
        return store.attention(page);
    }

    @Transactional
    public Optional<PaymentRow> live(long orderId) {
        return store.live(orderId);
    }

    @Transactional
    public List<PaymentRow> liveOf(long orderId) {
        return store.liveOf(orderId);
    }
}
