package cn.huinong.payments.internal;

import cn.huinong.shared.Actor;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verified webhook events, each handled at most once in one transaction (its id recorded with its effects), by the
 * payment and refund steps; what must reach the gateway afterwards is handed back as {@link Handled}.
 */
@Singleton
class WebhookInbox {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookInbox.class);

    private final PaymentStore store;
    private final RefundStore refundStore;
    private final GatewayEventStore events;
    private final PaymentSteps payments;
    private final RefundSteps refunds;
    private final Mismatches mismatches;
    private final InstantSource clock;

    WebhookInbox(
            PaymentStore store,
            RefundStore refundStore,
            GatewayEventStore events,
            PaymentSteps payments,
            RefundSteps refunds,
            Mismatches mismatches,
            InstantSource clock) {
        this.store = store;
        this.refundStore = refundStore;
        this.events = events;
        this.payments = payments;
        this.refunds = refunds;
        this.mismatches = mismatches;
        this.clock = clock;
    }

    /**
     * What a webhook asks for once its transaction committed: an orphaned payment to refund, refunds to look up,
     * payments to reconcile with the gateway (an event for one of ours before we knew its intent), payments whose
     * refund failed (what is still due goes back at once).
     */
    record Handled(
            boolean first,
            Long orphanedPaymentId,
            List<Long> refundsToReconcile,
            List<Long> paymentsToReconcile,
            List<Long> refundsDue) {

        static Handled duplicate() {
            return done(false);
        }

        static Handled done(boolean first) {
            return new Handled(first, null, List.of(), List.of(), List.of());
        }
    }

    /**
     * One verified webhook event, at most once (its id is recorded in this transaction, with its effects).
     * {@code first} is false for a duplicate. Events of other types, or for objects that are not ours, are recorded and
     * ignored. A PaymentIntent event acts only on the payment that created that intent (the stored intent id, never
     * the event's metadata), and a success only for exactly the payment's amount and currency; anything else is a
     * mismatch, recorded with the raw event for operators, and settles nothing. Refund events move our refund to the
     * gateway's status under the same checks; charge.refunded (a Charge, which does not say which refund) asks for the
     * payment's pending refunds to be retrieved.
     */
    @Transactional
    public Handled handle(String eventId, String type, GatewayObject object, String raw, Actor actor) {
        if (object instanceof GatewayIntent pi && type.startsWith("payment_intent.")) {
            return handleIntent(eventId, type, pi, raw, actor);
        }
        if (object instanceof GatewayRefund re) {
            Optional<RefundRow> ours = refundOf(re);
            if (!events.firstSeen(eventId, type, ours.map(RefundRow::paymentId).orElse(null))) {
                return Handled.duplicate();
            }
            if (ours.isEmpty()) {
                LOG.info("webhook {} {} ignored (no refund of ours)", eventId, type);
            } else if (type.startsWith("refund.") || type.equals("charge.refund.updated")) {
                boolean failed = refunds.gatewayRefund(ours.get().id(), re, eventId, type, raw, actor);
                return new Handled(
                        true,
                        null,
                        List.of(),
                        List.of(),
                        failed && "MANUAL".equals(ours.get().cause())
                                ? List.of(ours.get().paymentId())
                                : List.of());
            }
            return Handled.done(true);
        }
        if (object instanceof GatewayCharge ch && ch.paymentIntent() != null) {
            Optional<PaymentRow> payment = store.byIntent(ch.paymentIntent());
            if (!events.firstSeen(eventId, type, payment.map(PaymentRow::id).orElse(null))) {
                return Handled.duplicate();
            }
            List<Long> pending = type.equals("charge.refunded") && payment.isPresent()
                    ? refundStore.pendingRefundsOf(payment.get().id())
                    : List.of();
            return new Handled(true, null, pending, List.of(), List.of());
        }
        if (!events.firstSeen(eventId, type, null)) {
            return Handled.duplicate();
        }
        LOG.info("webhook {} {} ignored", eventId, type);
        return Handled.done(true);
    }

    private Handled handleIntent(String eventId, String type, GatewayIntent pi, String raw, Actor actor) {
        Optional<PaymentRow> byIntent = pi.id() == null ? Optional.empty() : store.byIntent(pi.id());
        Optional<PaymentRow> claimed = claimedPayment(pi);
        PaymentRow row = byIntent.or(() -> claimed).orElse(null);
        if (!events.firstSeen(eventId, type, row == null ? null : row.id())) {
            return Handled.duplicate();
        }
        if (row == null) {
            LOG.info("webhook {} {} ignored (no payment of ours)", eventId, type);
            return Handled.done(true);
        }
        if (byIntent.isEmpty() && row.intentId() == null) {
            // names one of our payments whose intent we have not learnt yet: ask the gateway with our own key
            LOG.info("webhook {} {}: payment {} has no intent yet, reconciling instead", eventId, type, row.id());
            return new Handled(true, null, List.of(), List.of(row.id()), List.of());
        }
        List<String> reasons = Verification.ofIntent(row, pi, type.equals("payment_intent.succeeded"));
        if (!reasons.isEmpty()) {
            mismatches.record(
                    row,
                    null,
                    eventId,
                    type,
                    pi.id(),
                    reasons,
                    Verification.expected(row),
                    Verification.actual(pi),
                    raw,
                    actor);
            return Handled.done(true);
        }
        Long orphaned = null;
        switch (type) {
            case "payment_intent.succeeded" -> {
                if (payments.settle(row.id(), pi.id(), clock.instant().truncatedTo(ChronoUnit.MICROS), actor)
                        == PaymentSteps.Settlement.ORPHANED) {
                    orphaned = row.id();
                }
            }
            case "payment_intent.payment_failed" -> payments.fail(row.id(), pi.lastErrorMessage(), actor);
            case "payment_intent.canceled" -> payments.cancelled(row.id(), "支付网关已撤销该支付", actor);
            default -> LOG.info("webhook {} {} ignored", eventId, type);
        }
        return new Handled(true, orphaned, List.of(), List.of(), List.of());
    }

    private Optional<RefundRow> refundOf(GatewayRefund re) {
        String id = re.metadata().get("refund_id");
        if (id != null && id.matches("\\d{1,18}")) {
            return refundStore.refund(Long.parseLong(id), false);
        }
        return re.id() == null ? Optional.empty() : refundStore.refundByGatewayId(re.id());
    }

    /** The payment an intent's metadata names (only ever a hint: the stored intent id decides). */
    private Optional<PaymentRow> claimedPayment(GatewayIntent pi) {
        String id = pi.metadata().get("payment_id");
        return id != null && id.matches("\\d{1,18}") ? store.find(Long.parseLong(id)) : Optional.empty();
    }
}
