package cn.huinong.payments.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.ordering.OrderEventType;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.OrderView;
import cn.huinong.ordering.Orders;
import cn.huinong.payments.BankAccount;
import cn.huinong.payments.BankAccounts;
import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentStatus;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.idempotency.Idempotency;
import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.RuleViolationException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final BankAccounts bankAccounts;

    PaymentTx(PaymentStore store, Orders orders, Idempotency idempotency, AuditLog audit, BankAccounts bankAccounts) {
        this.bankAccounts = bankAccounts;
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
        BankAccount account = null;
        if (method == PaymentMethod.BANK_TRANSFER) {
            account = bankAccounts.find(order.supplierId()).orElseThrow(() -> new RuleViolationException(
                    "供应商“" + order.supplierName() + "”尚未登记对公收款账户，暂不能银行转账，请选择银行卡支付或联系供应商"));
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
            store.transfer(id, reference, account);
            detail.put("transferReference", reference);
            detail.put("payeeAccount", account.bankName() + " " + BankAccountService.masked(account.accountNumber()));
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
     * (expired, cancelled, paid otherwise) the payment is ORPHANED instead: the caller refunds it after commit
     * ({@link Refunder}), and the refund sweep finds it should that fail.
     */
    @Transactional
    public Settlement settle(long id, String reference, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (SETTLED.contains(row.status())) {
            return Settlement.ALREADY;
        }
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OrderView order = orders.find(row.orderId()).orElseThrow();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", row.orderId());
        detail.put("from", row.status().name());
        detail.put("amountFen", row.amountFen());
        detail.put("reference", reference);
        if (order.status() != OrderStatus.PENDING_PAYMENT || store.paid(row.orderId())) {
            store.status(id, PaymentStatus.ORPHANED, "订单状态为" + order.status().label() + "，款项将原路退回", paidAt);
            detail.put("to", PaymentStatus.ORPHANED.name());
            audit.record(actor, "PAYMENT_ORPHANED", "payment", String.valueOf(id), detail);
            return Settlement.ORPHANED;
        }
        store.status(id, PaymentStatus.SUCCEEDED, null, paidAt);
        detail.put("to", PaymentStatus.SUCCEEDED.name());
        audit.record(actor, "PAYMENT_SUCCEEDED", "payment", String.valueOf(id), detail);
        // ORDER_PAID and PAYMENT_SUCCEEDED (amountFen, eligibleFen, paidAt) go to order_event_outbox in this transaction
        orders.markPaid(row.orderId(), "payment-" + id, paidAt, actor);
        orders.paymentEvent(row.orderId(), OrderEventType.PAYMENT_SUCCEEDED, row.amountFen(), paidAt, "payment-" + id);
        return Settlement.SUCCEEDED;
    }

    /** What {@link #settle} did: paid the order, orphaned the money (a refund is due), or nothing (settled before). */
    enum Settlement {
        SUCCEEDED, ORPHANED, ALREADY
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

    /** What a webhook asks for once its transaction committed: an orphaned payment to refund, refunds to look up. */
    record Handled(boolean first, Long orphanedPaymentId, List<Long> refundsToReconcile) {

        static Handled duplicate() {
            return new Handled(false, null, List.of());
        }
    }

    /**
     * One verified webhook event, at most once (its id is recorded in this transaction, with its effects).
     * {@code first} is false for a duplicate. Events of other types, or for objects that are not ours, are recorded and
     * ignored. PaymentIntent events settle or fail the payment; Refund events (refund.created / refund.updated /
     * refund.failed, charge.refund.updated) move our refund to the gateway's status; charge.refunded (a Charge, which
     * does not say which refund) asks for the payment's pending refunds to be retrieved.
     */
    @Transactional
    public Handled handle(String eventId, String type, StripeObject object, Actor actor) {
        if (object instanceof PaymentIntent pi && type.startsWith("payment_intent.")) {
            return handleIntent(eventId, type, pi, actor);
        }
        if (object instanceof Refund re) {
            Optional<PaymentStore.RefundRow> ours = refundOf(re);
            if (!store.firstSeen(eventId, type, ours.map(PaymentStore.RefundRow::paymentId).orElse(null))) {
                return Handled.duplicate();
            }
            if (ours.isEmpty()) {
                LOG.info("webhook {} {} ignored (no refund of ours)", eventId, type);
            } else if (type.startsWith("refund.") || type.equals("charge.refund.updated")) {
                gatewayRefund(ours.get().id(), re.getId(), re.getStatus(), re.getFailureReason(), actor);
            }
            return new Handled(true, null, List.of());
        }
        if (object instanceof Charge ch && ch.getPaymentIntent() != null) {
            Optional<PaymentRow> payment = store.byIntent(ch.getPaymentIntent());
            if (!store.firstSeen(eventId, type, payment.map(PaymentRow::id).orElse(null))) {
                return Handled.duplicate();
            }
            List<Long> pending = type.equals("charge.refunded") && payment.isPresent()
                    ? store.pendingRefundsOf(payment.get().id()) : List.of();
            return new Handled(true, null, pending);
        }
        if (!store.firstSeen(eventId, type, null)) {
            return Handled.duplicate();
        }
        LOG.info("webhook {} {} ignored", eventId, type);
        return new Handled(true, null, List.of());
    }

    private Handled handleIntent(String eventId, String type, PaymentIntent pi, Actor actor) {
        Long paymentId = paymentOf(pi).map(PaymentRow::id).orElse(null);
        if (!store.firstSeen(eventId, type, paymentId)) {
            return Handled.duplicate();
        }
        if (paymentId == null) {
            LOG.info("webhook {} {} ignored (no payment of ours)", eventId, type);
            return new Handled(true, null, List.of());
        }
        Long orphaned = null;
        switch (type) {
            case "payment_intent.succeeded" -> {
                intentCreated(paymentId, pi.getId(), pi.getClientSecret(), actor);
                if (settle(paymentId, pi.getId(), actor) == Settlement.ORPHANED) {
                    orphaned = paymentId;
                }
            }
            case "payment_intent.payment_failed" -> {
                intentCreated(paymentId, pi.getId(), pi.getClientSecret(), actor);
                fail(paymentId, pi.getLastPaymentError() == null ? null : pi.getLastPaymentError().getMessage(), actor);
            }
            default -> LOG.info("webhook {} {} ignored", eventId, type);
        }
        return new Handled(true, orphaned, List.of());
    }

    private Optional<PaymentStore.RefundRow> refundOf(Refund re) {
        String id = re.getMetadata() == null ? null : re.getMetadata().get("refund_id");
        if (id != null && id.matches("\\d{1,18}")) {
            return store.refund(Long.parseLong(id), false);
        }
        return re.getId() == null ? Optional.empty() : store.refundByGatewayId(re.getId());
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
                    return new Created(insertRefund(payment, amountFen, reason, "MANUAL", actor));
                });
    }

    private long insertRefund(PaymentRow payment, long amountFen, String reason, String cause, Actor actor) {
        boolean offline = payment.method() == PaymentMethod.BANK_TRANSFER;
        long id = store.insertRefund(payment.orderId(), payment.id(), amountFen, reason, cause, offline,
                actor.username());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", payment.orderId());
        detail.put("paymentId", payment.id());
        detail.put("amountFen", amountFen);
        detail.put("reason", reason);
        detail.put("cause", cause);
        detail.put("offline", offline);
        audit.record(actor, "REFUND_REQUESTED", "refund", String.valueOf(id), detail);
        return id;
    }

    /**
     * Reserves the automatic refund of everything not yet given back of a payment: a SUCCEEDED payment of a CANCELLED
     * order (cause CANCELLATION) or an ORPHANED payment (cause ORPHANED). Empty when nothing is due, a refund of it is
     * in flight (its outcome is reconciled, never guessed), or {@code maxFailures} automatic attempts failed (an
     * operator sees it in the attention list).
     */
    @Transactional
    public Optional<Long> reserveAutomaticRefund(long paymentId, int maxFailures, Actor actor) {
        PaymentRow payment = store.lock(paymentId).orElse(null);
        if (payment == null) {
            return Optional.empty();
        }
        String cause;
        String reason;
        if (payment.status() == PaymentStatus.ORPHANED) {
            cause = "ORPHANED";
            reason = "款项到账时订单已不可支付，原路退回";
        } else if (payment.status() == PaymentStatus.SUCCEEDED
                && orders.find(payment.orderId()).map(o -> o.status() == OrderStatus.CANCELLED).orElse(false)) {
            cause = "CANCELLATION";
            reason = "已支付订单取消，全额退款";
        } else {
            return Optional.empty();
        }
        if (!store.pendingRefundsOf(paymentId).isEmpty()
                || store.countRefunds(paymentId, "FAILED", true) >= maxFailures) {
            return Optional.empty();
        }
        long due = payment.amountFen() - store.refunded(paymentId);
        if (due <= 0) {
            return Optional.empty();
        }
        return Optional.of(insertRefund(payment, due, reason, cause, actor));
    }

    /**
     * The gateway's word on a refund (the API's answer, a retrieval or a webhook): succeeded records it (for the
     * order, unless the money was orphaned), failed/canceled fails it, anything else (pending, requires_action) keeps
     * it PENDING with the gateway's id. Converges: a refund leaves PENDING once. A failure reported after a success
     * (Stripe's refund.failed of a refund first reported succeeded) is recorded for operators, not undone here.
     */
    @Transactional
    public void gatewayRefund(long refundId, String gatewayRefundId, String gatewayStatus, String failureReason,
                              Actor actor) {
        PaymentStore.RefundRow r = store.refund(refundId, true).orElseThrow();
        String status = gatewayStatus == null ? "" : gatewayStatus;
        if (!r.pending()) {
            if (r.status().equals("SUCCEEDED") && (status.equals("failed") || status.equals("canceled"))
                    && !status.equals(r.gatewayStatus())) {
                store.refundStatus(refundId, r.status(), gatewayRefundId, status,
                        "网关报告退款失败（" + failureReason + "），需人工处理");
                audit.record(actor, "REFUND_FAILED_AFTER_SUCCESS", "refund", String.valueOf(refundId),
                        Map.of("orderId", r.orderId(), "gatewayStatus", status));
            }
            return;
        }
        switch (status) {
            case "succeeded" -> succeed(r, gatewayRefundId, status, actor);
            case "failed", "canceled" -> failRefund(r, gatewayRefundId, status,
                    "支付网关退款失败" + (failureReason == null ? "" : "：" + failureReason), actor);
            default -> store.refundStatus(refundId, "PENDING", gatewayRefundId, status, null);
        }
    }

    /** A bank-transfer refund: recorded as made offline, by the supplier, to the buyer's account. */
    @Transactional
    public void refundOffline(long refundId, Actor actor) {
        PaymentStore.RefundRow r = store.refund(refundId, true).orElseThrow();
        if (r.pending()) {
            succeed(r, null, null, actor);
        }
    }

    private void succeed(PaymentStore.RefundRow r, String gatewayRefundId, String gatewayStatus, Actor actor) {
        store.refundStatus(r.id(), "SUCCEEDED", gatewayRefundId, gatewayStatus, null);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", r.orderId());
        detail.put("amountFen", r.amountFen());
        detail.put("cause", r.cause());
        detail.put("offline", r.offline());
        detail.put("gatewayRefundId", gatewayRefundId == null ? "" : gatewayRefundId);
        audit.record(actor, "REFUND_SUCCEEDED", "refund", String.valueOf(r.id()), detail);
        if (!"ORPHANED".equals(r.cause())) {
            // the order (and, through ORDER_REFUNDED, the reserved-share ledger) learns of the money given back
            orders.recordRefund(r.orderId(), r.amountFen(), "refund-" + r.id(), actor);
        }
    }

    @Transactional
    public void refundFailed(long refundId, String message, Actor actor) {
        PaymentStore.RefundRow r = store.refund(refundId, true).orElseThrow();
        if (r.pending()) {
            failRefund(r, null, null, message, actor);
        }
    }

    private void failRefund(PaymentStore.RefundRow r, String gatewayRefundId, String gatewayStatus, String message,
                            Actor actor) {
        store.refundStatus(r.id(), "FAILED", gatewayRefundId, gatewayStatus, message);
        audit.record(actor, "REFUND_FAILED", "refund", String.valueOf(r.id()), Map.of("orderId", r.orderId(),
                "cause", r.cause(), "message", message));
    }

    @Transactional
    public Optional<PaymentStore.RefundRow> findRefund(long id) {
        return store.refund(id, false);
    }

    @Transactional
    public List<Long> pendingRefunds(Instant before, int limit) {
        return store.pendingRefunds(before, limit);
    }

    @Transactional
    public List<Long> orphanedUnrefunded(long afterId, int limit) {
        return store.orphanedUnrefunded(afterId, limit);
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
    public List<PaymentStore.RefundRow> refundsOf(long paymentId) {
        return store.refundsOf(paymentId);
    }
}
