package cn.huinong.payments.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.ordering.OrderEventType;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.OrderView;
import cn.huinong.ordering.Orders;
import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentStatus;
import cn.huinong.shared.Actor;
import cn.huinong.shared.idempotency.Idempotency;
import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.RuleViolationException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import com.stripe.model.PaymentIntent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The database side of payments, one transaction per step, each with its audit entry. A success locks the payment
 * row, then (in {@code Orders.markPaid}) the order row, always in that order, so a confirmation and a webhook that
 * race converge: the second finds the payment SUCCEEDED and does nothing.
 */
@Singleton
class PaymentTx {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentTx.class);
    private static final Set<PaymentStatus> SETTLED = EnumSet.of(PaymentStatus.SUCCEEDED, PaymentStatus.ORPHANED);

    /** What the idempotency store keeps of a creation: the payment it made. */
    @Serdeable
    record Created(long paymentId) {
    }

    @Serdeable
    record CreateRequest(long orderId, PaymentMethod method) {
    }

    private final PaymentStore store;
    private final Orders orders;
    private final Idempotency idempotency;
    private final AuditLog audit;

    PaymentTx(PaymentStore store, Orders orders, Idempotency idempotency, AuditLog audit) {
        this.store = store;
        this.orders = orders;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    @Transactional
    public Optional<PaymentRow> find(long id) {
        return store.find(id);
    }

    @Transactional
    public Idempotency.Outcome<Created> create(long orderId, PaymentMethod method, String key, Actor actor) {
        return idempotency.once("user:" + actor.username(), key, "POST /api/v1/orders/{id}/payments",
                new CreateRequest(orderId, method), Created.class, 201, () -> insert(orderId, method, actor));
    }

    private Created insert(long orderId, PaymentMethod method, Actor actor) {
        OrderView order = orders.find(orderId).orElseThrow(() -> new NotFoundException("订单不存在：" + orderId));
        if (order.status() != OrderStatus.PENDING_PAYMENT || store.paid(orderId)) {
            throw new ConflictException("订单当前状态为" + order.status().label() + "，不能支付");
        }
        PaymentStatus status = method == PaymentMethod.CARD ? PaymentStatus.PENDING : PaymentStatus.AWAITING_TRANSFER;
        long id = store.insert(orderId, method, status, order.totalFen(), actor.username());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", orderId);
        detail.put("method", method.name());
        detail.put("amountFen", order.totalFen());
        detail.put("status", status.name());
        if (method == PaymentMethod.BANK_TRANSFER) {
            String reference = "HN" + orderId + "P" + id;
            store.transferReference(id, reference);
            detail.put("transferReference", reference);
        }
        audit.record(actor, "PAYMENT_CREATED", "payment", String.valueOf(id), detail);
        return new Created(id);
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
     * (expired, cancelled, paid otherwise) the payment is ORPHANED for a manual refund instead.
     */
    @Transactional
    public void settle(long id, String reference, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (SETTLED.contains(row.status())) {
            return;
        }
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OrderView order = orders.find(row.orderId()).orElseThrow();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", row.orderId());
        detail.put("from", row.status().name());
        detail.put("amountFen", row.amountFen());
        detail.put("reference", reference);
        if (order.status() != OrderStatus.PENDING_PAYMENT || store.paid(row.orderId())) {
            store.status(id, PaymentStatus.ORPHANED, "订单状态为" + order.status().label() + "，款项待人工退款", paidAt);
            detail.put("to", PaymentStatus.ORPHANED.name());
            audit.record(actor, "PAYMENT_ORPHANED", "payment", String.valueOf(id), detail);
            return;
        }
        store.status(id, PaymentStatus.SUCCEEDED, null, paidAt);
        detail.put("to", PaymentStatus.SUCCEEDED.name());
        audit.record(actor, "PAYMENT_SUCCEEDED", "payment", String.valueOf(id), detail);
        // ORDER_PAID and PAYMENT_SUCCEEDED (amountFen, eligibleFen, paidAt) go to order_event_outbox in this transaction
        orders.markPaid(row.orderId(), "payment-" + id, paidAt, actor);
        orders.paymentEvent(row.orderId(), OrderEventType.PAYMENT_SUCCEEDED, row.amountFen(), paidAt, "payment-" + id);
    }

    /** Declined: FAILED with the gateway's message; never undoes a success (events may arrive out of order). */
    @Transactional
    public void fail(long id, String message, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (SETTLED.contains(row.status()) || row.status() == PaymentStatus.FAILED
                && Objects.equals(message, row.failureMessage())) {
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

    /**
     * One verified webhook event, at most once (its id is recorded in this transaction, with its effects).
     * False for a duplicate. Events of other types, or for intents that are not ours, are recorded and ignored.
     */
    @Transactional
    public boolean handle(String eventId, String type, PaymentIntent pi, Actor actor) {
        Long paymentId = pi == null ? null : paymentOf(pi).map(PaymentRow::id).orElse(null);
        if (!store.firstSeen(eventId, type, paymentId)) {
            return false;
        }
        if (paymentId == null) {
            LOG.info("webhook {} {} ignored (no payment of ours)", eventId, type);
            return true;
        }
        switch (type) {
            case "payment_intent.succeeded" -> {
                intentCreated(paymentId, pi.getId(), pi.getClientSecret(), actor);
                settle(paymentId, pi.getId(), actor);
            }
            case "payment_intent.payment_failed" -> {
                intentCreated(paymentId, pi.getId(), pi.getClientSecret(), actor);
                fail(paymentId, pi.getLastPaymentError() == null ? null : pi.getLastPaymentError().getMessage(), actor);
            }
            default -> LOG.info("webhook {} {} ignored", eventId, type);
        }
        return true;
    }

    private Optional<PaymentRow> paymentOf(PaymentIntent pi) {
        String id = pi.getMetadata() == null ? null : pi.getMetadata().get("payment_id");
        if (id != null && id.matches("\\d{1,18}")) {
            return store.find(Long.parseLong(id));
        }
        return pi.getId() == null ? Optional.empty() : store.byIntent(pi.getId());
    }

    @Serdeable
    record RefundRequest(long orderId, long amountFen, String reason) {
    }

    /** Reserves a refund (PENDING, counted against the payment at once) under the payment's lock. */
    @Transactional
    public Idempotency.Outcome<Created> createRefund(long orderId, long amountFen, String reason, String key,
                                                     Actor actor) {
        return idempotency.once("user:" + actor.username(), key, "POST /api/v1/orders/{id}/refunds",
                new RefundRequest(orderId, amountFen, reason), Created.class, 201, () -> {
                    PaymentRow payment = store.lockSucceeded(orderId)
                            .orElseThrow(() -> new ConflictException("订单没有成功的支付，不能退款"));
                    long refunding = store.refunding(payment.id());
                    if (refunding + amountFen > payment.amountFen()) {
                        throw new RuleViolationException("退款总额不能超过已支付金额：已退或退款中" + refunding
                                + "分，本次" + amountFen + "分，已支付" + payment.amountFen() + "分");
                    }
                    long id = store.insertRefund(orderId, payment.id(), amountFen, reason, actor.username());
                    audit.record(actor, "REFUND_REQUESTED", "refund", String.valueOf(id), Map.of("orderId", orderId,
                            "paymentId", payment.id(), "amountFen", amountFen, "reason", reason));
                    return new Created(id);
                });
    }

    /** The gateway refunded (or, for a bank transfer, the refund was made offline): the order records it, once. */
    @Transactional
    public void refundSucceeded(long refundId, String gatewayRefundId, Actor actor) {
        PaymentStore.RefundRow r = store.refund(refundId, true).orElseThrow();
        if (!"PENDING".equals(r.status())) {
            return;
        }
        store.refundStatus(refundId, "SUCCEEDED", gatewayRefundId, null);
        audit.record(actor, "REFUND_SUCCEEDED", "refund", String.valueOf(refundId), Map.of("orderId", r.orderId(),
                "amountFen", r.amountFen(), "gatewayRefundId", gatewayRefundId == null ? "" : gatewayRefundId));
        orders.recordRefund(r.orderId(), r.amountFen(), "refund-" + refundId, actor);
    }

    @Transactional
    public void refundFailed(long refundId, String message, Actor actor) {
        PaymentStore.RefundRow r = store.refund(refundId, true).orElseThrow();
        if (!"PENDING".equals(r.status())) {
            return;
        }
        store.refundStatus(refundId, "FAILED", null, message);
        audit.record(actor, "REFUND_FAILED", "refund", String.valueOf(refundId), Map.of("orderId", r.orderId(),
                "message", message));
    }

    @Transactional
    public Optional<PaymentStore.RefundRow> findRefund(long id) {
        return store.refund(id, false);
    }
}
