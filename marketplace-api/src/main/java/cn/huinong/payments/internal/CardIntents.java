package cn.huinong.payments.internal;

import cn.huinong.ordering.OrderPayments;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.payments.GatewayRefused;
import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentStatus;
import cn.huinong.shared.Actor;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A card payment's intent at the gateway: created with our key, confirmed, cancelled, reconciled, and what the gateway
 * says about it applied through {@link PaymentSteps} (a success for another intent, amount or currency is a
 * mismatch). Gateway calls run between transactions, never inside one; an unknown outcome changes nothing.
 */
@Singleton
class CardIntents {

    private static final Logger LOG = LoggerFactory.getLogger(CardIntents.class);
    private static final String DEFAULT_TEST_CARD = "pm_card_visa";

    private final PaymentSteps payments;
    private final Mismatches mismatches;
    private final Gateway gateway;
    private final OrderPayments orders;
    private final Refunder refunder;
    private final InstantSource clock;

    CardIntents(
            PaymentSteps payments,
            Mismatches mismatches,
            Gateway gateway,
            OrderPayments orders,
            Refunder refunder,
            InstantSource clock) {
        this.payments = payments;
        this.mismatches = mismatches;
        this.gateway = gateway;
        this.orders = orders;
        this.refunder = refunder;
        this.clock = clock;
    }

    /**
     * Cancels a live card attempt at the gateway, then here. True when it can no longer take money: cancelled, or
     * found paid after all (then the order is PAID, and a new attempt is refused). False when the gateway's answer
     * is unknown: the attempt stays live and nothing else may start.
     */
    boolean cancelCard(long paymentId, String reason, Actor actor) {
        PaymentRow row = payments.find(paymentId).orElseThrow(() -> PaymentService.notFound(paymentId));
        if (!row.status().live()) {
            return true;
        }
        String intentId = row.intentId() != null ? row.intentId() : ensureIntent(row, actor);
        if (intentId != null) {
            try {
                GatewayIntent pi = gateway.cancel(intentId);
                if (pi.canceled()) {
                    payments.cancelled(paymentId, reason, actor);
                } else {
                    apply(paymentId, pi, actor);
                }
            } catch (GatewayException e) {
                // not cancellable (paid meanwhile, processing) or no answer: ask what it is
                LOG.info(
                        "payment {}: cancelling intent {} failed ({}), asking the gateway",
                        paymentId,
                        intentId,
                        e.toString());
                try {
                    GatewayIntent pi = gateway.retrieve(intentId);
                    if (pi.canceled()) {
                        payments.cancelled(paymentId, reason, actor);
                    } else {
                        apply(paymentId, pi, actor);
                    }
                } catch (GatewayException again) {
                    LOG.warn("payment {}: intent {} state unknown: {}", paymentId, intentId, again.toString());
                }
            }
        }
        return !payments.find(paymentId).orElseThrow().status().live();
    }

    /** Confirms the card at the gateway and settles or fails by its answer; an unknown outcome changes nothing. */
    void confirm(long paymentId, String intentId, String paymentMethod, Actor actor) {
        String pm = paymentMethod == null || paymentMethod.isBlank() ? DEFAULT_TEST_CARD : paymentMethod.strip();
        try {
            apply(paymentId, gateway.confirm(intentId, pm), actor);
        } catch (GatewayException e) {
            if (e.declined()) {
                payments.fail(paymentId, e.gatewayMessage(), actor);
                return;
            }
            if (!e.unknownOutcome()) {
                throw new GatewayRefused("支付网关拒绝了请求：" + e.gatewayMessage());
            }
            LOG.warn("confirmation of payment {} has an unknown outcome: {}", paymentId, e.toString());
        }
    }

    /** An unpaid order was cancelled or expired: its live attempts are closed (card intents cancelled first). */
    void orderClosed(long orderId) {
        Actor system = Actor.system("payments-order-closed");
        for (PaymentRow p : payments.liveOf(orderId)) {
            if (p.method() == PaymentMethod.BANK_TRANSFER) {
                payments.cancelled(p.id(), "订单已取消或超时，转账不再等待", system);
            } else {
                cancelCard(p.id(), "订单已取消或超时，支付已撤销", system);
            }
        }
    }

    /**
     * Asks the gateway what became of a card payment that is not final (PENDING, or FAILED that might have been
     * paid after all) and settles accordingly; creates the intent (same key, same intent) when its creation outcome
     * was never learnt. Also used by {@link #reconcileAll}.
     */
    void reconcilePayment(long paymentId, Actor actor) {
        PaymentRow row = payments.find(paymentId).orElseThrow(() -> PaymentService.notFound(paymentId));
        if (row.method() != PaymentMethod.CARD
                || (row.status() != PaymentStatus.PENDING && row.status() != PaymentStatus.FAILED)) {
            return;
        }
        String intentId = ensureIntent(row, actor);
        if (intentId != null) {
            try {
                GatewayIntent pi = gateway.retrieve(intentId);
                apply(paymentId, pi, actor);
                if (!OPEN_INTENT.contains(pi.status()) || orderStillPayable(row.orderId())) {
                    return;
                }
                // nobody can pay this order any more: cancel the intent, so that it is not reconciled forever;
                // money that still arrives (the cancel lost a race) is ORPHANED and refunded
                GatewayIntent cancelled = pi.canceled() ? pi : gateway.cancel(intentId);
                if (cancelled.canceled()) {
                    payments.cancelled(paymentId, "订单已不可支付，支付已撤销", actor);
                }
            } catch (GatewayException e) {
                LOG.warn("reconciliation of payment {} failed: {}", paymentId, e.toString());
            }
        }
    }

    /** Intent states in which no money has moved and none is moving. */
    private static final Set<String> OPEN_INTENT =
            Set.of("requires_payment_method", "requires_confirmation", "requires_action", "canceled");

    private boolean orderStillPayable(long orderId) {
        return orders.find(orderId)
                .map(o -> o.status() == OrderStatus.PENDING_PAYMENT)
                .orElse(false);
    }

    /** The intent id, creating the intent (same key: same intent) when its creation outcome is still unknown. */
    String ensureIntent(PaymentRow row, Actor actor) {
        if (row.intentId() != null) {
            return row.intentId();
        }
        try {
            GatewayIntent pi = gateway.createIntent(row);
            payments.intentCreated(row.id(), pi.id(), pi.clientSecret(), actor);
            apply(row.id(), pi, actor);
            return pi.id();
        } catch (GatewayException e) {
            if (e.unknownOutcome()) {
                LOG.warn("payment {}: intent creation outcome unknown, left PENDING: {}", row.id(), e.toString());
            } else {
                payments.cancelled(row.id(), "支付网关拒绝创建支付：" + e.gatewayMessage(), actor);
            }
            return null;
        }
    }

    /**
     * Settles or fails by what the gateway says about this payment's own intent; an answer for another intent, amount
     * or currency settles nothing and is recorded as a mismatch. Anything else (e.g. awaiting confirmation) changes
     * nothing.
     */
    void apply(long paymentId, GatewayIntent pi, Actor actor) {
        PaymentRow row = payments.find(paymentId).orElseThrow();
        List<String> reasons = Verification.ofIntent(row, pi, pi.succeeded());
        if (!reasons.isEmpty()) {
            mismatches.record(
                    row,
                    null,
                    null,
                    "api:payment_intent." + pi.status(),
                    pi.id(),
                    reasons,
                    Verification.expected(row),
                    Verification.actual(pi),
                    pi.json(),
                    actor);
            return;
        }
        if (pi.succeeded()) {
            if (payments.settle(paymentId, pi.id(), clock.instant().truncatedTo(ChronoUnit.MICROS), actor)
                    == PaymentSteps.Settlement.ORPHANED) {
                refunder.refundDue(paymentId);
            }
        } else if ("requires_payment_method".equals(pi.status()) && pi.hasLastError()) {
            payments.fail(paymentId, pi.lastErrorMessage(), actor);
        } else if (pi.canceled()) {
            payments.cancelled(paymentId, "支付网关已撤销该支付", actor);
        }
    }
}
