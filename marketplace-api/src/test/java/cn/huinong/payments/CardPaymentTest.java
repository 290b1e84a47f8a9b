package cn.huinong.payments;

import static cn.huinong.support.CatalogFixtures.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import cn.huinong.support.OrderingFixtures;
import cn.huinong.support.OrderingFixtures.Buyer;
import cn.huinong.support.PaymentFixtures;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Card payments against the StripeFake standing in for the Stripe-compatible gateway; real HTTP, JWTs and PostgreSQL. */
@MicronautTest(transactional = false)
class CardPaymentTest extends GatewayTestBase {

    @Test
    void cardPaymentEndToEnd_thenLateWebhooksChangeNothing() {
        long order = placeOrder(2);
        gateway.createsIntent(2 * PRICE);
        gateway.confirmsIntent(2 * PRICE);
        Api.Response created = expect(201, pay(order, "CARD", null));
        long payment = paymentId(created);
        assertEquals("PENDING", created.get("status"));
        assertEquals(intent() + "_secret_abc", created.get("clientSecret"));
        assertEquals(2 * PRICE, amount(created.body()));

        List<LoggedRequest> requests = gateway.intentCreations();
        assertEquals(1, requests.size());
        assertEquals("payment-" + payment, requests.get(0).getHeader("Idempotency-Key"));
        String form = requests.get(0).getBodyAsString();
        assertTrue(form.contains("amount=" + 2 * PRICE), form);
        assertTrue(form.contains("currency=cny"), form);
        assertTrue(form.contains("payment_id%5D=" + payment) || form.contains("payment_id]=" + payment), form);
        assertTrue(form.contains("order_id%5D=" + order) || form.contains("order_id]=" + order), form);

        Api.Response confirmed = expect(200, confirm(payment));
        assertEquals("SUCCEEDED", confirmed.get("status"));
        assertNotNull(confirmed.get("paidAt"));
        Map<String, Object> o = order(order);
        assertEquals("PAID", o.get("status"));
        assertEquals(1, payments(o).size());
        assertEquals("SUCCEEDED", payments(o).get(0).get("status"));

        // the webhook after confirmation, twice (a redelivery), then an out-of-order failure
        String succeeded = event("payment_intent.succeeded", 2 * PRICE, "succeeded", payment, null);
        assertEquals(false, expect(200, deliver(succeeded)).get("duplicate"));
        assertEquals(true, expect(200, deliver(succeeded)).get("duplicate"));
        expect(
                200,
                deliver(event(
                        "payment_intent.payment_failed",
                        2 * PRICE,
                        "requires_payment_method",
                        payment,
                        "Your card was declined.")));
        expect(200, deliver(event("charge.refunded", 2 * PRICE, "succeeded", payment, null)));
        o = order(order);
        assertEquals("PAID", o.get("status"));
        assertEquals("SUCCEEDED", payments(o).get(0).get("status"));
        assertEquals(1, paidHistory(order));
        assertEquals(1, paidOutbox(order));
        assertEquals(2, db.count("SELECT count(*) FROM payment_event WHERE payment_id = ?", payment));
    }

    @Test
    void webhookBeforeConfirmation_convergesOnOnePaidOrder() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        gateway.confirmsIntent(PRICE);
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        expect(200, deliver(event("payment_intent.succeeded", PRICE, "succeeded", payment, null)));
        assertEquals("PAID", order(order).get("status"));

        assertEquals("SUCCEEDED", expect(200, confirm(payment)).get("status"));
        assertEquals(0, gateway.confirmations(intent()));
        assertEquals(1, paidHistory(order));
        assertEquals(1, paidOutbox(order));
        assertEquals(1, payments(order(order)).size());
    }

    @Test
    void failedPayment_keepsTheOrderPayable() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        expect(
                200,
                deliver(event(
                        "payment_intent.payment_failed",
                        PRICE,
                        "requires_payment_method",
                        payment,
                        "Your card has insufficient funds.")));
        Map<String, Object> o = order(order);
        assertEquals("PENDING_PAYMENT", o.get("status"));
        assertEquals("FAILED", payments(o).get(0).get("status"));
        assertEquals("Your card has insufficient funds.", payments(o).get(0).get("failureMessage"));
        // the buyer may pay again: the declined attempt's intent (still open at the gateway) is cancelled first
        String declined = intent();
        gateway.cancelsIntent(PRICE, payment);
        gateway.nextIntent();
        gateway.createsIntent(PRICE);
        long second = paymentId(expect(201, pay(order, "CARD", null)));
        assertEquals(1, gateway.cancellations(declined));
        List<Map<String, Object>> both = payments(order(order));
        assertEquals("CANCELLED", both.get(0).get("status"));
        assertEquals(second, ((Number) both.get(1).get("paymentId")).longValue());
        assertEquals("PENDING", both.get(1).get("status"));
    }

    @Test
    void badSignatures_are400AndChangeNothing() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        String payload = event("payment_intent.succeeded", PRICE, "succeeded", payment, null);
        long now = System.currentTimeMillis() / 1000;

        String tampered = payload.replace("\"amount\":" + PRICE, "\"amount\":1");
        assertEquals(400, deliver(tampered, sign(payload, SECRET, now)).status());
        assertEquals(400, deliver(payload, sign(payload, "whsec_wrong", now)).status());
        assertEquals(400, deliver(payload, sign(payload, SECRET, now - 3600)).status());
        assertEquals(400, deliver(payload, "garbage").status());
        Api.Response bad = deliver(payload, "t=1,v1=00");
        assertEquals(400, bad.status());
        assertTrue(String.valueOf(bad.contentType()).contains("problem+json"), bad.contentType());
        assertEquals("urn:huinong:problem:invalid-webhook-signature", bad.get("type"));

        Map<String, Object> o = order(order);
        assertEquals("PENDING_PAYMENT", o.get("status"));
        assertEquals("PENDING", payments(o).get(0).get("status"));
        assertEquals(0, db.count("SELECT count(*) FROM payment_event WHERE payment_id = ?", payment));
    }

    @Test
    void gateway500ThenOk_isRetriedWithTheSameIdempotencyKey() {
        long order = placeOrder(1);
        gateway.failsOnceThenCreatesIntent(PRICE);
        Api.Response created = expect(201, pay(order, "CARD", null));
        long payment = paymentId(created);
        assertEquals(intent() + "_secret_abc", created.get("clientSecret"));
        List<LoggedRequest> requests = gateway.intentCreations();
        assertEquals(2, requests.size());
        requests.forEach(r -> assertEquals("payment-" + payment, r.getHeader("Idempotency-Key")));
    }

    @Test
    void gatewayTimeout_leavesPending_thenReconciliationSettles() {
        long order = placeOrder(1);
        gateway.createsIntentTooSlowly(PRICE);
        Api.Response created = expect(201, pay(order, "CARD", null));
        long payment = paymentId(created);
        assertEquals("PENDING", created.get("status"));
        assertNull(created.get("clientSecret"));
        assertEquals("PENDING_PAYMENT", order(order).get("status"));
        int attempts = gateway.intentCreations().size();
        assertTrue(attempts >= 2, "retried: " + attempts);
        gateway.intentCreations().forEach(r -> assertEquals("payment-" + payment, r.getHeader("Idempotency-Key")));
        // the buyer confirming meanwhile is told to try again later: nothing is known yet
        Api.Response unknown = confirm(payment);
        assertEquals(409, unknown.status());
        assertEquals("urn:huinong:problem:gateway-outcome-unknown", unknown.get("type"));

        // meanwhile the intent was created and paid at the gateway; reconciliation asks again with the same key
        gateway.reset();
        gateway.replaysIntentCreation("payment-" + payment, PRICE, "succeeded", payment);
        gateway.retrievesIntent(PRICE, "succeeded", payment);
        Api.Response reconciled =
                expect(200, api.post("/api/v1/payments/" + payment + "/reconciliation", Map.of(), operator));
        assertEquals("SUCCEEDED", reconciled.get("status"));
        assertEquals("PAID", order(order).get("status"));
        assertEquals(1, paidOutbox(order));
        // the buyer cannot reconcile
        assertEquals(
                403,
                api.post("/api/v1/payments/" + payment + "/reconciliation", Map.of(), buyer.token())
                        .status());
    }

    @Test
    void idempotentCreation_replaysTheSamePaymentWithOneIntent() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        String key = "pay-" + UUID.randomUUID();
        Api.Response first = expect(201, pay(order, "CARD", key));
        Api.Response again = expect(201, pay(order, "CARD", key));
        assertEquals(paymentId(first), paymentId(again));
        assertEquals("true", again.headers().get("Idempotency-Replayed"));
        assertEquals(intent() + "_secret_abc", again.get("clientSecret"));
        assertEquals(1, gateway.intentCreations().size());
        assertEquals(1, payments(order(order)).size());
        assertEquals(422, pay(order, "BANK_TRANSFER", key).status());
    }

    @Test
    void onlyPendingPaymentOrdersCanBePaid() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        gateway.confirmsIntent(PRICE);
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        expect(200, confirm(payment));
        Api.Response again = pay(order, "CARD", null);
        assertEquals(409, again.status());
        assertEquals(409, pay(order, "BANK_TRANSFER", null).status());

        long cancelled = placeOrder(1);
        expect(200, api.post("/api/v1/orders/" + cancelled + "/cancellation", Map.of(), buyer.token()));
        assertEquals(409, pay(cancelled, "CARD", null).status());
        // someone else's order does not exist for this buyer
        Buyer other = OrderingFixtures.buyer(organizations, api);
        assertEquals(
                404,
                api.post("/api/v1/orders/" + order + "/payments", Map.of("method", "CARD"), other.token())
                        .status());
    }

    @Test
    void declinedConfirmation_failsThePayment() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        gateway.declinesCard("pm_card_chargeDeclined");
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        Api.Response r = expect(
                200,
                api.post(
                        "/api/v1/payments/" + payment + "/confirmation",
                        Map.of("paymentMethod", "pm_card_chargeDeclined"),
                        buyer.token()));
        assertEquals("FAILED", r.get("status"));
        assertEquals("Your card was declined.", r.get("failureMessage"));
        assertEquals("PENDING_PAYMENT", order(order).get("status"));
    }

    @Test
    void aConfirmationTheGatewayRefuses_is422WithItsReason_andChangesNothing() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        gateway.refusesConfirmation("No such PaymentMethod: 'pm_bogus'");
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        Api.Response r = api.post(
                "/api/v1/payments/" + payment + "/confirmation", Map.of("paymentMethod", "pm_bogus"), buyer.token());
        assertEquals(422, r.status());
        assertEquals("urn:huinong:problem:gateway-refused", r.get("type"));
        assertTrue(
                ((String) r.get("detail")).contains("No such PaymentMethod"),
                r.body().toString());
        assertEquals("PENDING", payments(order(order)).get(0).get("status"));
        assertEquals("PENDING_PAYMENT", order(order).get("status"));
    }

    @Test
    void bankTransfer_confirmedByTheOrdersSupplierOnly() {
        long order = placeOrder(3);
        Api.Response created = expect(201, pay(order, "BANK_TRANSFER", null));
        long payment = paymentId(created);
        assertEquals("AWAITING_TRANSFER", created.get("status"));
        assertNull(created.get("clientSecret"));
        @SuppressWarnings("unchecked")
        Map<String, Object> transfer = (Map<String, Object>) created.get("transfer");
        assertEquals("HN" + order + "P" + payment, transfer.get("reference"));
        assertEquals(order(order).get("supplierName"), transfer.get("payeeName"));
        assertEquals(PaymentFixtures.BANK, transfer.get("bankName"));
        assertEquals(accountNumber, transfer.get("accountNumber"));
        assertEquals(3 * PRICE, fen(transfer, "amountFen"));
        assertEquals(0, gateway.intentCreations().size());

        String receipt = "/api/v1/payments/" + payment + "/receipt";
        Supplier stranger = CatalogFixtures.supplier(organizations, api);
        assertEquals(404, api.post(receipt, Map.of(), stranger.token()).status());
        assertEquals(403, api.post(receipt, Map.of(), buyer.token()).status());
        Api.Response missing = api.post("/api/v1/payments/999999999/receipt", Map.of(), supplier.token());
        assertEquals(404, missing.status());
        assertEquals("urn:huinong:problem:payment-not-found", missing.get("type"));
        assertEquals("PENDING_PAYMENT", order(order).get("status"));

        Api.Response received = expect(200, api.post(receipt, Map.of(), supplier.token()));
        assertEquals("SUCCEEDED", received.get("status"));
        assertEquals(3 * PRICE, amount(received.body()));
        // a second confirmation is harmless
        assertEquals(
                "SUCCEEDED",
                expect(200, api.post(receipt, Map.of(), supplier.token())).get("status"));
        Map<String, Object> o = order(order);
        assertEquals("PAID", o.get("status"));
        assertEquals("HN" + order + "P" + payment, payments(o).get(0).get("transferReference"));
        assertEquals(1, paidOutbox(order));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'PAYMENT_SUCCEEDED' AND resource_id = ?",
                        String.valueOf(payment)));
    }

    @Test
    void stepsOfTheOtherMethodOrOfAFinishedPayment_areRefusedWithTheirOwnTypes() {
        long order = placeOrder(1);
        long transfer = paymentId(expect(201, pay(order, "BANK_TRANSFER", null)));
        Api.Response byBuyer = confirm(transfer);
        assertEquals(409, byBuyer.status());
        assertEquals("urn:huinong:problem:wrong-payment-method", byBuyer.get("type"));
        expect(200, api.post("/api/v1/payments/" + transfer + "/receipt", Map.of(), supplier.token()));
        Api.Response withdrawn = api.post("/api/v1/payments/" + transfer + "/cancellation", Map.of(), buyer.token());
        assertEquals(409, withdrawn.status());
        assertEquals("urn:huinong:problem:payment-move-not-allowed", withdrawn.get("type"));

        long card = placeOrder(1);
        gateway.createsIntent(PRICE);
        long payment = paymentId(expect(201, pay(card, "CARD", null)));
        Api.Response receipt = api.post("/api/v1/payments/" + payment + "/receipt", Map.of(), supplier.token());
        assertEquals(409, receipt.status());
        assertEquals("urn:huinong:problem:wrong-payment-method", receipt.get("type"));
        assertEquals("PENDING_PAYMENT", order(card).get("status"));
    }

    @Test
    void confirmationAndWebhookConcurrently_convergeOnOnePaidOrder() throws Exception {
        for (int round = 0; round < 3; round++) {
            gateway.nextIntent();
            gateway.reset();
            long order = placeOrder(1);
            gateway.createsIntent(PRICE);
            gateway.confirmsIntent(PRICE);
            long payment = paymentId(expect(201, pay(order, "CARD", null)));
            String payload = event("payment_intent.succeeded", PRICE, "succeeded", payment, null);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var confirmed = pool.submit(() -> {
                    start.await();
                    return confirm(payment);
                });
                var delivered = pool.submit(() -> {
                    start.await();
                    return deliver(payload);
                });
                start.countDown();
                assertEquals("SUCCEEDED", expect(200, confirmed.get()).get("status"));
                expect(200, delivered.get());
            } finally {
                pool.shutdown();
            }
            Map<String, Object> o = order(order);
            assertEquals("PAID", o.get("status"));
            assertEquals(1, payments(o).size());
            assertEquals("SUCCEEDED", payments(o).get(0).get("status"));
            assertEquals(1, paidHistory(order));
            assertEquals(1, paidOutbox(order));
        }
    }

    @Test
    void refunds_partialThenFull_neverBeyondThePayment() {
        long order = placeOrder(2);
        gateway.createsIntent(2 * PRICE);
        gateway.confirmsIntent(2 * PRICE);
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        Api.Response unpaid = refund(order, 100, null, supplier.token()); // not paid yet
        assertEquals(409, unpaid.status());
        assertEquals("urn:huinong:problem:no-successful-payment", unpaid.get("type"));
        expect(200, confirm(payment));
        gateway.refundSucceeds(10000);
        gateway.refundSucceeds(2 * PRICE - 10000);

        String key = "refund-" + UUID.randomUUID();
        Api.Response first = expect(201, refund(order, 10000, key, supplier.token()));
        assertEquals("SUCCEEDED", first.get("status"));
        assertEquals(10000L, ((Number) first.get("refundedFen")).longValue());
        assertEquals("PAID", first.get("orderStatus"));
        long refundId = ((Number) first.get("refundId")).longValue();
        Api.Response replay = expect(201, refund(order, 10000, key, supplier.token()));
        assertEquals(refundId, ((Number) replay.get("refundId")).longValue());
        assertEquals("true", replay.headers().get("Idempotency-Replayed"));
        List<LoggedRequest> refunds = gateway.refundRequests();
        assertEquals(1, refunds.size());
        assertEquals("refund-" + refundId, refunds.get(0).getHeader("Idempotency-Key"));
        assertTrue(
                refunds.get(0).getBodyAsString().contains("amount=10000"),
                refunds.get(0).getBodyAsString());
        assertTrue(refunds.get(0).getBodyAsString().contains("payment_intent=" + intent()));

        assertEquals(403, refund(order, 100, null, buyer.token()).status());
        assertEquals(
                404,
                refund(
                                order,
                                100,
                                null,
                                CatalogFixtures.supplier(organizations, api).token())
                        .status());
        assertEquals(400, refund(order, 0, null, supplier.token()).status());
        Api.Response tooMuch = refund(order, 2 * PRICE - 10000 + 1, null, supplier.token());
        assertEquals(422, tooMuch.status());
        assertEquals("urn:huinong:problem:refund-exceeds-payment", tooMuch.get("type"));
        assertEquals(10000L, fen(order(order), "refundedFen"));

        Api.Response rest = expect(201, refund(order, 2 * PRICE - 10000, null, operator));
        assertEquals("REFUNDED", rest.get("orderStatus"));
        Map<String, Object> o = order(order);
        assertEquals("REFUNDED", o.get("status"));
        assertEquals(2 * PRICE, fen(o, "refundedFen"));
        assertEquals(422, refund(order, 1, null, operator).status());
        assertEquals(2, gateway.refundRequests().size());
        assertEquals(
                2,
                db.count(
                        "SELECT count(*) FROM order_event_outbox WHERE order_id = ? AND event_type = "
                                + "'ORDER_REFUNDED'",
                        order));
        assertEquals(
                2 * PRICE,
                db.count(
                        "SELECT coalesce(sum(amount_fen), 0) FROM order_event_outbox WHERE order_id = ?"
                                + " AND event_type = 'ORDER_REFUNDED'",
                        order));
    }
}
