package cn.huinong.payments.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.ordering.OrderPayments;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.payments.NoSuccessfulPayment;
import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentStatus;
import cn.huinong.payments.RefundExceedsPayment;
import cn.huinong.payments.RefundNotPending;
import cn.huinong.payments.WrongPaymentMethod;
import cn.huinong.shared.Actor;
import cn.huinong.shared.idempotency.Idempotency;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database steps of refunds, one transaction each, with its audit entry: reserving (manual or automatic), the
 * gateway's word on one, the supplier's confirmation of an offline refund, failure. Money given back is recorded
 * on the order through {@code OrderPayments.recordRefund} in the same transaction.
 */
@Singleton
class RefundSteps {

    private final PaymentStore payments;
    private final RefundStore store;
    private final OrderPayments orders;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final InstantSource clock;
    private final Mismatches mismatches;

    RefundSteps(
            PaymentStore payments,
            RefundStore store,
            OrderPayments orders,
            Idempotency idempotency,
            AuditLog audit,
            InstantSource clock,
            Mismatches mismatches) {
        this.payments = payments;
        this.store = store;
        this.orders = orders;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
        this.mismatches = mismatches;
    }

    @Serdeable
    record RefundRequest(long orderId, long amountFen, String reason) {}

    /** Reserves a refund (PENDING, counted against the payment at once) under the payment's lock. */
    @Transactional
    public Idempotency.Outcome<PaymentSteps.Created> createRefund(
            long orderId, long amountFen, String reason, String key, Actor actor) {
        return idempotency.once(
                "user:" + actor.username(),
                key,
                "POST /api/v1/orders/{id}/refunds",
                new RefundRequest(orderId, amountFen, reason),
                PaymentSteps.Created.class,
                201,
                () -> {
                    PaymentRow payment = payments.lockSucceeded(orderId).orElseThrow(NoSuccessfulPayment::new);
                    long refunding = store.refunding(payment.id());
                    if (refunding + amountFen > payment.amountFen()) {
                        throw new RefundExceedsPayment(refunding, amountFen, payment.amountFen());
                    }
                    return new PaymentSteps.Created(insertRefund(payment, amountFen, reason, "MANUAL", actor));
                });
    }

    private long insertRefund(PaymentRow payment, long amountFen, String reason, String cause, Actor actor) {
        boolean offline = payment.method() == PaymentMethod.BANK_TRANSFER;
        long id = store.insertRefund(
                payment.orderId(), payment.id(), amountFen, reason, cause, offline, actor.username());
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
     * Reserves the automatic refund of everything not yet given back or being given back of a payment: a SUCCEEDED
     * payment of a CANCELLED order (cause CANCELLATION) or an ORPHANED payment (cause ORPHANED). A manual refund in
     * flight is counted as given back (should it fail, this runs again at once for what it leaves). Empty when nothing
     * is due, an automatic refund of it is in flight (its outcome is reconciled, never guessed), or {@code maxFailures}
     * automatic attempts failed (an operator sees it in the attention list).
     */
    @Transactional
    public Optional<Long> reserveAutomaticRefund(long paymentId, int maxFailures, Actor actor) {
        PaymentRow payment = payments.lock(paymentId).orElse(null);
        if (payment == null) {
            return Optional.empty();
        }
        String cause;
        String reason;
        if (payment.status() == PaymentStatus.ORPHANED) {
            cause = "ORPHANED";
            reason = "款项到账时订单已不可支付，原路退回";
        } else if (payment.status() == PaymentStatus.SUCCEEDED
                && orders.find(payment.orderId())
                        .map(o -> o.status() == OrderStatus.CANCELLED)
                        .orElse(false)) {
            cause = "CANCELLATION";
            reason = "已支付订单取消，全额退款";
        } else {
            return Optional.empty();
        }
        if (store.automaticRefundPending(paymentId) || store.countRefunds(paymentId, "FAILED", true) >= maxFailures) {
            return Optional.empty();
        }
        long due = payment.amountFen() - store.refunding(paymentId);
        if (due <= 0) {
            return Optional.empty();
        }
        return Optional.of(insertRefund(payment, due, reason, cause, actor));
    }

    /**
     * The gateway's word on a refund (the API's answer, a retrieval or a webhook): succeeded records it (for the
     * order, unless the money was orphaned), failed/canceled fails it, anything else (pending, requires_action) keeps
     * it PENDING with the gateway's id. Only for the refund we asked for: another refund id, another intent, another
     * amount or currency is a mismatch (recorded, nothing changes). Converges: a refund leaves PENDING once. A failure
     * reported after a success (Stripe's refund.failed of a refund first reported succeeded) is recorded for
     * operators, not undone here. True when this failed the refund (what is still due may be refunded again).
     */
    @Transactional
    public boolean gatewayRefund(
            long refundId, GatewayRefund re, String eventId, String type, String raw, Actor actor) {
        RefundRow r = store.refund(refundId, true).orElseThrow();
        PaymentRow payment = payments.find(r.paymentId()).orElseThrow();
        List<String> reasons = Verification.ofRefund(r, payment, re);
        if (!reasons.isEmpty()) {
            mismatches.record(
                    payment,
                    refundId,
                    eventId,
                    type,
                    re.id(),
                    reasons,
                    Verification.expected(r, payment),
                    Verification.actual(re),
                    raw == null ? re.json() : raw,
                    actor);
            return false;
        }
        String gatewayRefundId = re.id();
        String failureReason = re.failureReason();
        String status = re.status() == null ? "" : re.status();
        if (!r.pending()) {
            if (r.status().equals("SUCCEEDED")
                    && (status.equals("failed") || status.equals("canceled"))
                    && !status.equals(r.gatewayStatus())) {
                store.refundStatus(
                        refundId, r.status(), gatewayRefundId, status, "网关报告退款失败（" + failureReason + "），需人工处理");
                audit.record(
                        actor,
                        "REFUND_FAILED_AFTER_SUCCESS",
                        "refund",
                        String.valueOf(refundId),
                        Map.of("orderId", r.orderId(), "gatewayStatus", status));
            }
            return false;
        }
        switch (status) {
            case "succeeded" -> {
                succeed(r, gatewayRefundId, status, actor);
                return false;
            }
            case "failed", "canceled" -> {
                failRefund(
                        r,
                        gatewayRefundId,
                        status,
                        "支付网关退款失败" + (failureReason == null ? "" : "：" + failureReason),
                        actor);
                return true;
            }
            default -> {
                store.refundStatus(refundId, "PENDING", gatewayRefundId, status, null);
                return false;
            }
        }
    }

    /**
     * The supplier confirms that it sent an offline (bank-transfer) refund, on {@code sentOn}, with its bank's
     * reference: only then is the refund SUCCEEDED and the money taken back from the order (and the reserved share).
     */
    @Transactional
    public RefundRow confirmOfflineRefund(long refundId, LocalDate sentOn, String bankReference, Actor actor) {
        RefundRow r = store.refund(refundId, true).orElseThrow();
        if (!r.offline()) {
            throw new WrongPaymentMethod("该退款经支付网关原路退回，无需供应商确认");
        }
        if (!r.pending()) {
            throw new RefundNotPending(r.status());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), PaymentSteps.BEIJING);
        if (sentOn.isAfter(today) || sentOn.isBefore(LocalDate.ofInstant(r.createdAt(), PaymentSteps.BEIJING))) {
            throw new InvalidInputException("退款日期有误", List.of(new Violation("sentOn", "退款日期应在登记退款之日到今天之间")));
        }
        store.refundSent(refundId, sentOn, bankReference, actor.username());
        succeed(store.refund(refundId, true).orElseThrow(), null, null, actor);
        return store.refund(refundId, false).orElseThrow();
    }

    private void succeed(RefundRow r, String gatewayRefundId, String gatewayStatus, Actor actor) {
        store.refundStatus(r.id(), "SUCCEEDED", gatewayRefundId, gatewayStatus, null);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", r.orderId());
        detail.put("amountFen", r.amountFen());
        detail.put("cause", r.cause());
        detail.put("offline", r.offline());
        detail.put("gatewayRefundId", gatewayRefundId == null ? "" : gatewayRefundId);
        if (r.offline()) {
            detail.put("sentOn", String.valueOf(r.sentOn()));
            detail.put("bankReference", r.bankReference() == null ? "" : r.bankReference());
        }
        audit.record(actor, "REFUND_SUCCEEDED", "refund", String.valueOf(r.id()), detail);
        if (!"ORPHANED".equals(r.cause())) {
            // the order (and, through ORDER_REFUNDED, the reserved-share ledger) learns of the money given back
            orders.recordRefund(r.orderId(), r.amountFen(), "refund-" + r.id(), actor);
        }
    }

    @Transactional
    public void refundFailed(long refundId, String message, Actor actor) {
        RefundRow r = store.refund(refundId, true).orElseThrow();
        if (r.pending()) {
            failRefund(r, null, null, message, actor);
        }
    }

    private void failRefund(RefundRow r, String gatewayRefundId, String gatewayStatus, String message, Actor actor) {
        store.refundStatus(r.id(), "FAILED", gatewayRefundId, gatewayStatus, message);
        audit.record(
                actor,
                "REFUND_FAILED",
                "refund",
                String.valueOf(r.id()),
                Map.of("orderId", r.orderId(), "cause", r.cause(), "message", message));
    }

    @Transactional
    public Optional<RefundRow> findRefund(long id) {
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
    public List<RefundRow> refundsOf(long paymentId) {
        return store.refundsOf(paymentId);
    }
}
