package cn.huinong.payments.internal;

import cn.huinong.ordering.OrderPayments;
import cn.huinong.payments.PaymentMethod;
import cn.huinong.shared.Actor;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives money back and makes sure none of it is lost: runs a reserved refund (gateway call between transactions,
 * never inside one), refunds cancelled paid orders and orphaned payments by itself, and reconciles refunds whose
 * outcome is unknown by asking the gateway (the refund by id, or the intent's refunds by our refund_id metadata).
 * The sweep repeats all of it, so a crash or a gateway failure after any commit is picked up again.
 */
@Singleton
class Refunder {

    private static final Logger LOG = LoggerFactory.getLogger(Refunder.class);
    static final Actor SYSTEM = Actor.system("payments-refund");

    private final PaymentSteps payments;
    private final RefundSteps refunds;
    private final Gateway gateway;
    private final OrderPayments orders;
    private final PaymentSettings settings;

    Refunder(
            PaymentSteps payments,
            RefundSteps refunds,
            Gateway gateway,
            OrderPayments orders,
            PaymentSettings settings) {
        this.payments = payments;
        this.refunds = refunds;
        this.gateway = gateway;
        this.orders = orders;
        this.settings = settings;
    }

    /**
     * Sends a PENDING card refund to the gateway (key {@code refund-<id>}). A bank-transfer refund is the supplier's to
     * make offline: it stays PENDING until the supplier confirms it was sent. When the gateway refuses a manual refund
     * of a cancelled order, what it leaves due is refunded automatically at once (an automatic refund that fails is
     * retried by the sweep, at most {@code max-automatic-refund-failures} times).
     */
    void execute(long refundId, Actor actor) {
        RefundRow r = refunds.findRefund(refundId).orElseThrow();
        if (!r.pending()) {
            return;
        }
        PaymentRow payment = payments.find(r.paymentId()).orElseThrow();
        if (payment.method() == PaymentMethod.BANK_TRANSFER) {
            return;
        }
        boolean failed;
        try {
            GatewayRefund re = gateway.refund(refundId, payment.intentId(), r.amountFen());
            failed = refunds.gatewayRefund(refundId, re, null, "api:refund." + re.status(), null, actor);
        } catch (GatewayException e) {
            if (e.unknownOutcome()) {
                LOG.warn("refund {}: outcome unknown, left PENDING for reconciliation: {}", refundId, e.toString());
                return;
            }
            refunds.refundFailed(refundId, "支付网关拒绝退款：" + e.gatewayMessage(), actor);
            failed = true;
        }
        if (failed && "MANUAL".equals(r.cause())) {
            refundDue(payment.id()); // a cancelled order's money the failed manual refund was counted for
        }
    }

    /** Refunds what is still due of a payment (cancelled order or orphaned money), if anything. Never throws. */
    void refundDue(long paymentId) {
        try {
            Optional<Long> refund =
                    refunds.reserveAutomaticRefund(paymentId, settings.maxAutomaticRefundFailures(), SYSTEM);
            refund.ifPresent(id -> execute(id, SYSTEM));
        } catch (RuntimeException e) {
            LOG.warn("payment {}: automatic refund failed, left to the sweep: {}", paymentId, e.toString());
        }
    }

    /** The paid order was cancelled: refund its successful payment in full. */
    void orderCancelled(long orderId) {
        payments.succeededOf(orderId).ifPresent(p -> refundDue(p.id()));
    }

    /**
     * Asks the gateway what became of a PENDING card refund: by its gateway id when known, else among the intent's
     * refunds by our {@code refund_id}; when the gateway has none, the refund was never made and is sent again with
     * the same key. Never guesses: a gateway that does not answer leaves it PENDING.
     */
    void reconcile(long refundId) {
        RefundRow r = refunds.findRefund(refundId).orElse(null);
        if (r == null || !r.pending()) {
            return;
        }
        PaymentRow payment = payments.find(r.paymentId()).orElseThrow();
        if (payment.method() == PaymentMethod.BANK_TRANSFER) {
            return; // the supplier confirms it
        }
        try {
            Optional<GatewayRefund> found;
            if (r.gatewayRefundId() != null) {
                found = Optional.of(gateway.retrieveRefund(r.gatewayRefundId()));
            } else {
                String ours = String.valueOf(refundId);
                found = gateway.refundsOf(payment.intentId()).stream()
                        .filter(re -> ours.equals(re.metadata().get("refund_id")))
                        .findFirst();
            }
            if (found.isPresent()) {
                GatewayRefund re = found.get();
                if (refunds.gatewayRefund(refundId, re, null, "api:refund." + re.status(), null, SYSTEM)
                        && "MANUAL".equals(r.cause())) {
                    refundDue(payment.id());
                }
            } else {
                LOG.info("refund {}: unknown to the gateway, sending it again with its key", refundId);
                execute(refundId, SYSTEM);
            }
        } catch (GatewayException | RuntimeException e) {
            LOG.warn("refund {}: reconciliation failed, still PENDING: {}", refundId, e.toString());
        }
    }

    /**
     * One pass: refunds due for cancelled paid orders and orphaned payments, then PENDING refunds older than
     * {@code huinong.payments.reconcile-after} reconciled. Returns how many refunds or payments it looked at.
     */
    int sweep(Instant now) {
        int seen = 0;
        long after = 0;
        List<Long> ids;
        do {
            ids = orders.cancelledUnrefunded(after, 100);
            for (long orderId : ids) {
                orderCancelled(orderId);
                after = orderId;
                seen++;
            }
        } while (ids.size() == 100);
        after = 0;
        do {
            ids = refunds.orphanedUnrefunded(after, 100);
            for (long paymentId : ids) {
                refundDue(paymentId);
                after = paymentId;
                seen++;
            }
        } while (ids.size() == 100);
        for (long refundId : refunds.pendingRefunds(now.minus(settings.reconcileAfter()), 500)) {
            reconcile(refundId);
            seen++;
        }
        return seen;
    }
}
