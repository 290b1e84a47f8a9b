package cn.huinong.payments;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.StripeFake.refundJson;
import static cn.huinong.support.StripeFake.refundedChargeJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.ordering.Orders;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Money going back by itself: a cancelled paid order is refunded in full (card through the gateway, bank transfer
 * offline), orphaned money is refunded, and nothing is lost when the gateway fails, times out or answers later by
 * webhook. The StripeFake stands in for the gateway; everything else is real.
 */
@MicronautTest(transactional = false)
class RefundTest extends GatewayTestBase {

    /** huinong.payments.reconcile-after, plus a minute. */
    static final Duration LATER = Duration.ofMinutes(11);

    @Inject
    Payments payments;

    @Inject
    Orders orderFacade;

    /** A card payment of the whole order, confirmed: the order is PAID. */
    long payByCard(long order, long amount) {
        gateway.createsIntent(amount);
        gateway.confirmsIntent(amount);
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        assertEquals("SUCCEEDED", expect(200, confirm(payment)).get("status"));
        return payment;
    }

    /** Refund requests for this test's intent (the sweep also looks at what earlier tests left in the database). */
    List<LoggedRequest> refundPosts() {
        return gateway.refundRequestsOf(intent());
    }

    Map<String, Object> cancel(long order) {
        return expect(
                        200,
                        api.post(
                                "/api/v1/orders/" + order + "/cancellation", Map.of("reason", "采购计划调整"), buyer.token()))
                .body();
    }

    /** The payment's refunds: id, status, cause, amount, offline, gateway id, oldest first. */
    List<Map<String, Object>> refundsOf(long payment) {
        return db.rows("SELECT * FROM refund WHERE payment_id = ? ORDER BY id", payment);
    }

    long refundedOutbox(long order) {
        return db.count(
                "SELECT count(*) FROM order_event_outbox WHERE order_id = ? AND event_type = 'ORDER_REFUNDED'", order);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> attention() {
        return (List<Map<String, Object>>) expect(200, api.get("/api/v1/payments/attention?size=200", operator))
                .get("items");
    }

    Map<String, Object> attentionOf(long payment) {
        return attention().stream()
                .filter(i -> ((Number) i.get("paymentId")).longValue() == payment)
                .findFirst()
                .orElse(null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void cancellingAPaidCardOrder_refundsItInFullAtOnce_andTellsTheLedgerByOrderRefunded() {
        long order = placeOrder(2);
        long payment = payByCard(order, 2 * PRICE);
        gateway.refundSucceeds(2 * PRICE);

        Map<String, Object> cancelled = cancel(order);
        assertEquals("CANCELLED", cancelled.get("status"));
        assertEquals(2 * PRICE, fen(cancelled, "refundedFen"));

        List<Map<String, Object>> refunds = refundsOf(payment);
        assertEquals(1, refunds.size());
        assertEquals("SUCCEEDED", refunds.get(0).get("status"));
        assertEquals("CANCELLATION", refunds.get(0).get("cause"));
        List<LoggedRequest> posts = refundPosts();
        assertEquals(1, posts.size());
        assertEquals("refund-" + refunds.get(0).get("id"), posts.get(0).getHeader("Idempotency-Key"));
        assertTrue(
                posts.get(0).getBodyAsString().contains("amount=" + 2 * PRICE),
                posts.get(0).getBodyAsString());
        assertTrue(posts.get(0).getBodyAsString().contains("payment_intent=" + intent()));

        Map<String, Object> o = order(order);
        assertEquals("CANCELLED", o.get("status"));
        assertEquals(2 * PRICE, fen(o, "refundedFen"));
        List<Map<String, Object>> history = (List<Map<String, Object>>) o.get("history");
        assertEquals(
                List.of("ORDER_PLACED", "ORDER_PAID", "ORDER_CANCELLED", "ORDER_REFUNDED"),
                history.stream().map(h -> h.get("action")).toList());
        assertEquals("CANCELLED", history.get(3).get("toStatus"));
        assertEquals(
                1,
                db.count(
                        """
                SELECT count(*) FROM order_event_outbox WHERE order_id = ? AND event_type = 'ORDER_REFUNDED'
                  AND amount_fen = ? AND eligible_fen = ? AND payload->>'paymentRef' = ?""",
                        order,
                        2 * PRICE,
                        fen(o, "eligibleFen"),
                        "refund-" + refunds.get(0).get("id")));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'REFUND_SUCCEEDED' AND resource_id = ?",
                        String.valueOf(refunds.get(0).get("id"))));

        // the sweep finds nothing more to do
        payments.reconcileAll(Instant.now().plus(LATER));
        assertEquals(1, refundPosts().size());
        assertEquals(1, refundedOutbox(order));
    }

    @Test
    void cancellingAPaidBankTransferOrder_recordsAnOfflineRefundTheSupplierMakes() {
        long order = placeOrder(1);
        long payment = paymentId(expect(201, pay(order, "BANK_TRANSFER", null)));
        expect(200, api.post("/api/v1/payments/" + payment + "/receipt", Map.of(), supplier.token()));
        assertEquals("PAID", order(order).get("status"));

        Map<String, Object> cancelled = cancel(order);
        assertEquals("CANCELLED", cancelled.get("status"));
        assertEquals(0, fen(cancelled, "refundedFen"), "nothing is given back until the supplier has sent it");
        List<Map<String, Object>> refunds = refundsOf(payment);
        assertEquals(1, refunds.size());
        assertEquals("PENDING", refunds.get(0).get("status"));
        assertEquals(true, refunds.get(0).get("offline"));
        assertEquals(0, refundPosts().size());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shown =
                (List<Map<String, Object>>) payments(order(order)).get(0).get("refunds");
        assertEquals(1, shown.size());
        assertEquals(true, shown.get(0).get("offline"), "the order shows the refund the supplier must make");
        assertEquals("CANCELLATION", shown.get(0).get("cause"));
        // the sweep does not pretend the supplier sent it
        payments.reconcileAll(Instant.now().plus(LATER));
        assertEquals("PENDING", refundsOf(payment).get(0).get("status"));

        long refundId = ((Number) refunds.get(0).get("id")).longValue();
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Map<String, Object> sent = Map.of("sentOn", today, "bankReference", "B20261205001");
        assertEquals(
                403,
                api.post("/api/v1/refunds/" + refundId + "/confirmation", sent, buyer.token())
                        .status());
        Api.Response stranger = api.post(
                "/api/v1/refunds/" + refundId + "/confirmation",
                sent,
                CatalogFixtures.supplier(organizations, api).token());
        assertEquals(404, stranger.status());
        assertEquals("urn:huinong:problem:refund-not-found", stranger.get("type"));
        Api.Response confirmed =
                expect(200, api.post("/api/v1/refunds/" + refundId + "/confirmation", sent, supplier.token()));
        assertEquals("SUCCEEDED", confirmed.get("status"));
        assertEquals(PRICE, fen(confirmed.body(), "refundedFen"));
        Api.Response twice = api.post("/api/v1/refunds/" + refundId + "/confirmation", sent, supplier.token());
        assertEquals(409, twice.status());
        assertEquals("urn:huinong:problem:refund-not-pending", twice.get("type"));
        assertEquals(PRICE, fen(order(order), "refundedFen"));
        assertEquals("SUCCEEDED", refundsOf(payment).get(0).get("status"));
        assertEquals(1, refundedOutbox(order));
        assertEquals(1, refundedOutbox(order));
    }

    @Test
    void aGatewayFailureDuringTheCancellationRefund_isNeverLost() {
        long order = placeOrder(1);
        long payment = payByCard(order, PRICE);
        gateway.refundsFailUnknown();

        Map<String, Object> cancelled = cancel(order);
        assertEquals("CANCELLED", cancelled.get("status"));
        assertEquals(0, fen(cancelled, "refundedFen"));
        List<Map<String, Object>> refunds = refundsOf(payment);
        assertEquals(1, refunds.size());
        assertEquals("PENDING", refunds.get(0).get("status"), "a 5xx is an unknown outcome: nothing is guessed");
        long refundId = ((Number) refunds.get(0).get("id")).longValue();
        refundPosts().forEach(r -> assertEquals("refund-" + refundId, r.getHeader("Idempotency-Key")));

        // too early to reconcile; and no second refund while this one is in flight
        payments.reconcileAll(Instant.now());
        assertEquals(1, refundsOf(payment).size());
        assertEquals("PENDING", refundsOf(payment).get(0).get("status"));

        // the gateway is back and never made that refund: it is sent again, with the same key
        gateway.reset();
        gateway.listsRefunds();
        gateway.refundSucceeds(PRICE);
        payments.reconcileAll(Instant.now().plus(LATER));
        assertEquals(1, refundsOf(payment).size());
        assertEquals("SUCCEEDED", refundsOf(payment).get(0).get("status"));
        assertEquals("refund-" + refundId, refundPosts().get(0).getHeader("Idempotency-Key"));
        assertEquals(PRICE, fen(order(order), "refundedFen"));
        assertEquals(1, refundedOutbox(order));
    }

    @Test
    void aDeclinedAutomaticRefund_isListedForOperators_andRetriedByTheSweep() {
        long order = placeOrder(1);
        long payment = payByCard(order, PRICE);
        gateway.refusesRefunds();
        cancel(order);
        assertEquals("FAILED", refundsOf(payment).get(0).get("status"));
        Map<String, Object> item = attentionOf(payment);
        assertNotNull(item, "listed for operators");
        assertEquals(PRICE, fen(item, "outstandingFen"));
        assertEquals(1, ((Number) item.get("failedRefunds")).intValue());
        assertEquals("CANCELLED", item.get("orderStatus"));
        assertTrue(((String) item.get("lastRefundFailure")).contains("refund trouble"));
        assertEquals(403, api.get("/api/v1/payments/attention", buyer.token()).status());

        gateway.reset();
        gateway.refundSucceeds(PRICE);
        payments.reconcileAll(Instant.now());
        List<Map<String, Object>> refunds = refundsOf(payment);
        assertEquals(2, refunds.size());
        assertEquals("SUCCEEDED", refunds.get(1).get("status"));
        assertEquals(0, fen(attentionOf(payment), "outstandingFen"));
        assertEquals(PRICE, fen(order(order), "refundedFen"));
        assertEquals(1, refundedOutbox(order));
    }

    @Test
    void aRefundWhoseOutcomeIsUnknown_isReconciledByRetrievingIt() {
        long order = placeOrder(1);
        long payment = payByCard(order, PRICE);
        gateway.refundSucceedsTooSlowly(PRICE, "re_late");
        cancel(order);
        long refundId = ((Number) refundsOf(payment).get(0).get("id")).longValue();
        assertEquals("PENDING", refundsOf(payment).get(0).get("status"));

        // the gateway did make it: found among the intent's refunds by our refund_id, not sent again
        gateway.reset();
        gateway.listsRefunds(
                refundJson("re_other", 100, "succeeded", intent(), null),
                refundJson("re_made", PRICE, "succeeded", intent(), refundId));
        payments.reconcileAll(Instant.now().plus(LATER));
        Map<String, Object> r = refundsOf(payment).get(0);
        assertEquals("SUCCEEDED", r.get("status"));
        assertEquals("re_made", r.get("gateway_refund_id"));
        assertEquals(0, refundPosts().size());
        assertEquals(1, gateway.refundListings(intent()));
        assertEquals(PRICE, fen(order(order), "refundedFen"));
        assertEquals(1, refundedOutbox(order));
    }

    @Test
    void refundWebhooks_areProcessedOnce_andConvergeWithTheApi() {
        // pending at the gateway, then refund.updated says succeeded (twice: a redelivery)
        long order = placeOrder(1);
        long payment = payByCard(order, PRICE);
        gateway.refundIsPending(PRICE, "re_pending1");
        cancel(order);
        long refundId = ((Number) refundsOf(payment).get(0).get("id")).longValue();
        assertEquals("PENDING", refundsOf(payment).get(0).get("status"));
        assertEquals("re_pending1", refundsOf(payment).get(0).get("gateway_refund_id"));
        String updated = eventOf("refund.updated", refundJson("re_pending1", PRICE, "succeeded", intent(), refundId));
        assertEquals(false, expect(200, deliver(updated)).get("duplicate"));
        assertEquals(true, expect(200, deliver(updated)).get("duplicate"));
        assertEquals("SUCCEEDED", refundsOf(payment).get(0).get("status"));
        // a late refund.created (pending) and charge.refunded change nothing
        expect(
                200,
                deliver(eventOf("refund.created", refundJson("re_pending1", PRICE, "pending", intent(), refundId))));
        expect(200, deliver(eventOf("charge.refunded", refundedChargeJson("ch_1", PRICE, intent()))));
        assertEquals("SUCCEEDED", refundsOf(payment).get(0).get("status"));
        assertEquals(PRICE, fen(order(order), "refundedFen"));
        assertEquals(1, refundedOutbox(order));

        // pending, then refund.failed: FAILED, listed; the sweep tries again
        gateway.nextIntent();
        gateway.reset();
        long second = placeOrder(1);
        long secondPayment = payByCard(second, PRICE);
        gateway.refundIsPending(PRICE, "re_pending2");
        cancel(second);
        long secondRefund = ((Number) refundsOf(secondPayment).get(0).get("id")).longValue();
        expect(
                200,
                deliver(eventOf(
                        "refund.failed",
                        refundJson("re_pending2", PRICE, "failed", intent(), secondRefund)
                                .replace(
                                        "\"status\":\"failed\"",
                                        "\"status\":\"failed\",\"failure_reason\":\"expired_or_canceled_card\""))));
        assertEquals("FAILED", refundsOf(secondPayment).get(0).get("status"));
        assertTrue(
                ((String) refundsOf(secondPayment).get(0).get("failure_message")).contains("expired_or_canceled_card"));
        assertEquals(0, fen(order(second), "refundedFen"));
        assertEquals(0, refundedOutbox(second));
        assertEquals(PRICE, fen(attentionOf(secondPayment), "outstandingFen"));

        // pending, then charge.refunded (which does not name the refund): the refund is retrieved
        gateway.nextIntent();
        gateway.reset();
        long third = placeOrder(1);
        long thirdPayment = payByCard(third, PRICE);
        gateway.refundIsPending(PRICE, "re_pending3");
        cancel(third);
        gateway.retrievesRefund("re_pending3", PRICE, "succeeded");
        expect(200, deliver(eventOf("charge.refunded", refundedChargeJson("ch_3", PRICE, intent()))));
        assertEquals("SUCCEEDED", refundsOf(thirdPayment).get(0).get("status"));
        assertEquals(PRICE, fen(order(third), "refundedFen"));
        assertEquals(1, refundedOutbox(third));
    }

    @Test
    @SuppressWarnings("unchecked")
    void moneyArrivingForAnExpiredOrder_isOrphanedRefundedAndListed() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        Instant expiresAt = Instant.parse((String) order(order).get("expiresAt"));
        orderFacade.expireUnpaid(expiresAt.plusSeconds(1));
        assertEquals("CANCELLED", order(order).get("status"));

        // the buyer paid at the gateway anyway; the refund fails at first
        gateway.refundsFailUnknown();
        expect(200, deliver(event("payment_intent.succeeded", PRICE, "succeeded", payment, null)));
        Map<String, Object> o = order(order);
        assertEquals("CANCELLED", o.get("status"));
        assertEquals("ORPHANED", payments(o).get(0).get("status"));
        assertEquals(
                0,
                db.count(
                        "SELECT count(*) FROM order_event_outbox WHERE order_id = ? AND event_type = 'ORDER_PAID'",
                        order));
        Map<String, Object> item = attentionOf(payment);
        assertEquals("ORPHANED", item.get("status"));
        assertEquals(PRICE, fen(item, "outstandingFen"));
        assertEquals(PRICE, fen(item, "refundingFen"));

        gateway.reset();
        gateway.listsRefunds();
        gateway.refundSucceeds(PRICE);
        payments.reconcileAll(Instant.now().plus(LATER));
        List<Map<String, Object>> refunds = refundsOf(payment);
        assertEquals(1, refunds.size());
        assertEquals("SUCCEEDED", refunds.get(0).get("status"));
        assertEquals("ORPHANED", refunds.get(0).get("cause"));
        item = attentionOf(payment);
        assertEquals(0, fen(item, "outstandingFen"));
        assertEquals(PRICE, fen(item, "refundedFen"));
        // the order never had this money: no refund on the order, nothing for the ledger
        o = order(order);
        assertEquals(0, fen(o, "refundedFen"));
        assertEquals(0, refundedOutbox(order));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'PAYMENT_ORPHANED' AND resource_id = ?",
                        String.valueOf(payment)));
    }

    @Test
    void moneyArrivingForACancelledOrder_isRefundedAtOnce() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        cancel(order);
        gateway.refundSucceeds(PRICE);
        expect(200, deliver(event("payment_intent.succeeded", PRICE, "succeeded", payment, null)));
        List<Map<String, Object>> refunds = refundsOf(payment);
        assertEquals(1, refunds.size());
        assertEquals("SUCCEEDED", refunds.get(0).get("status"));
        assertEquals("ORPHANED", refunds.get(0).get("cause"));
        assertEquals(1, refundPosts().size());
        assertEquals(0, fen(order(order), "refundedFen"));
    }

    @Test
    void stuckCardPayments_areReconciledByTheScheduledJob() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        // paid at the gateway (Stripe.js with the client secret), the webhook lost
        gateway.retrievesIntent(PRICE, "succeeded", payment);

        payments.reconcileAll(Instant.now());
        assertEquals(0, gateway.retrievals(intent()), "not stuck yet");
        assertEquals("PENDING_PAYMENT", order(order).get("status"));

        payments.reconcileAll(Instant.now().plus(LATER));
        assertEquals(1, gateway.retrievals(intent()));
        assertEquals("PAID", order(order).get("status"));
        assertEquals("SUCCEEDED", payments(order(order)).get(0).get("status"));
        assertEquals(1, paidOutbox(order));
        payments.reconcileAll(Instant.now().plus(LATER));
        assertEquals(1, paidOutbox(order));
    }

    @Test
    void anAbandonedCardPaymentOfAnExpiredOrder_isCancelledAtTheGatewayAtOnce_andNoLongerReconciled() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        gateway.retrievesIntent(PRICE, "requires_payment_method", payment);
        gateway.cancelsIntent(PRICE, payment);
        orderFacade.expireUnpaid(
                Instant.parse((String) order(order).get("expiresAt")).plusSeconds(1));

        assertEquals(1, gateway.cancellations(intent()), "the expiry cancels the intent at once");
        assertEquals("CANCELLED", payments(order(order)).get(0).get("status"));
        payments.reconcileAll(Instant.now().plus(LATER));
        assertEquals(0, gateway.retrievals(intent()), "not looked at again");
        assertEquals(1, gateway.cancellations(intent()));
    }
}
