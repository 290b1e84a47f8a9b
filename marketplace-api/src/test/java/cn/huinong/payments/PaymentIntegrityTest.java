package cn.huinong.payments;

import static cn.huinong.support.CatalogFixtures.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.ordering.Orders;
import cn.huinong.quota.QuotaLedger;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.FileFixtures;
import cn.huinong.support.StripeFake;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Money settles only when it should: the findings of the hostile review (forged and mismatched gateway events, ten
 * parallel payment attempts, bank transfers that expired after 30 minutes, a cancellation racing a refund), each
 * reproduced against the real server, PostgreSQL and the StripeFake for the gateway.
 */
@MicronautTest(transactional = false)
class PaymentIntegrityTest extends GatewayTestBase {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Inject
    Payments payments;

    @Inject
    Orders orderFacade;

    @Inject
    QuotaLedger ledger;

    @Test
    void aSignedSuccessForAnotherIntentOrAnotherAmount_settlesNothing_andIsListedForOperators() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        long payment = paymentId(expect(201, pay(order, "CARD", null)));

        // the forged event of the review: another intent, 1 fen, our payment_id in its metadata
        String forged = eventOf(
                "payment_intent.succeeded", StripeFake.intentJson("pi_attacker", 1, "cny", "succeeded", payment));
        expect(200, deliver(forged));
        // our own intent, but for 1 fen; our own intent and amount, another currency
        expect(
                200,
                deliver(eventOf(
                        "payment_intent.succeeded", StripeFake.intentJson(intent(), 1, "cny", "succeeded", payment))));
        expect(
                200,
                deliver(eventOf(
                        "payment_intent.succeeded",
                        StripeFake.intentJson(intent(), PRICE, "usd", "succeeded", payment))));

        Map<String, Object> o = order(order);
        assertEquals("PENDING_PAYMENT", o.get("status"));
        assertEquals("PENDING", payments(o).get(0).get("status"));
        assertEquals(0, paidHistory(order));
        assertEquals(0, paidOutbox(order));

        List<Map<String, Object>> open =
                expect(200, api.get("/api/v1/payments/mismatches?size=200", operator)).items().stream()
                        .filter(m -> ((Number) m.get("paymentId")).longValue() == payment)
                        .toList();
        assertEquals(3, open.size());
        Map<String, Object> first = open.get(2);
        assertEquals(List.of("INTENT_ID", "AMOUNT", "AMOUNT_RECEIVED"), first.get("reasons"));
        assertEquals("pi_attacker", first.get("gatewayObjectId"));
        assertEquals(forged, first.get("raw"), "the raw event is kept as received");
        assertEquals(order, ((Number) first.get("orderId")).longValue());
        assertEquals(List.of("AMOUNT", "AMOUNT_RECEIVED"), open.get(1).get("reasons"));
        assertEquals(List.of("CURRENCY"), open.get(0).get("reasons"));
        assertEquals(
                3,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'PAYMENT_GATEWAY_MISMATCH' "
                                + "AND detail->>'paymentId' = ?",
                        String.valueOf(payment)));

        Map<String, Object> attention =
                expect(200, api.get("/api/v1/payments/attention?size=200", operator)).items().stream()
                        .filter(a -> ((Number) a.get("paymentId")).longValue() == payment)
                        .findFirst()
                        .orElseThrow();
        assertEquals(3, ((Number) attention.get("openMismatches")).intValue());
        assertEquals(403, api.get("/api/v1/payments/mismatches", buyer.token()).status());

        long id = ((Number) first.get("id")).longValue();
        assertEquals(
                400,
                api.post("/api/v1/payments/mismatches/" + id + "/resolution", Map.of("resolution", " "), operator)
                        .status());
        Api.Response resolved = expect(
                200,
                api.post(
                        "/api/v1/payments/mismatches/" + id + "/resolution",
                        Map.of("resolution", "伪造事件，已报告网关"),
                        operator));
        assertNotNull(resolved.get("resolvedAt"));
        Api.Response again =
                api.post("/api/v1/payments/mismatches/" + id + "/resolution", Map.of("resolution", "再次处理"), operator);
        assertEquals(409, again.status());
        assertEquals("urn:huinong:problem:mismatch-already-resolved", again.get("type"));

        // the genuine event still settles
        expect(
                200,
                deliver(eventOf(
                        "payment_intent.succeeded",
                        StripeFake.intentJson(intent(), PRICE, "cny", "succeeded", payment))));
        assertEquals("PAID", order(order).get("status"));
        assertEquals(1, paidOutbox(order));
    }

    @Test
    void aConfirmationAnsweredForAnotherAmount_settlesNothing() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        gateway.confirmsIntent(1); // for 1 fen, not the payment's amount
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        assertEquals("PENDING", expect(200, confirm(payment)).get("status"));
        assertEquals("PENDING_PAYMENT", order(order).get("status"));
        assertEquals(1, db.count("SELECT count(*) FROM payment_mismatch WHERE payment_id = ?", payment));
    }

    @Test
    void anEventNamingOurPaymentBeforeItsIntentIsKnown_isCheckedWithTheGatewayInsteadOfBelieved() {
        long order = placeOrder(1);
        // the creation's answer is lost: the payment has no intent yet
        gateway.isDown();
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        assertNull(db.rows("SELECT intent_id FROM payment WHERE id = ?", payment)
                .get(0)
                .get("intent_id"));
        // now the gateway answers creations with our intent, still unpaid
        gateway.reset();
        gateway.createsIntent(PRICE);
        gateway.retrievesIntent(PRICE, "requires_payment_method", payment);
        expect(
                200,
                deliver(eventOf(
                        "payment_intent.succeeded",
                        StripeFake.intentJson("pi_attacker2", PRICE, "cny", "succeeded", payment))));
        assertEquals("PENDING_PAYMENT", order(order).get("status"));
        assertEquals(
                intent(),
                db.rows("SELECT intent_id FROM payment WHERE id = ?", payment)
                        .get(0)
                        .get("intent_id"),
                "our own key told us our intent");
        assertEquals(0, paidOutbox(order));
    }

    @Test
    void tenParallelAttempts_leaveOneLivePayment_andCaptureExactlyOnce() throws Exception {
        long order = placeOrder(1);
        // every creation gets its own intent, named after our key; confirm and cancel answer for the intent in the path
        gateway.handlesEveryIntent(PRICE);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Api.Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                attempts.add(() -> pay(order, "CARD", null));
            }
            List<Long> created = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(attempts)) {
                Api.Response r = f.get();
                assertTrue(r.status() == 201 || r.status() == 409, r.status() + " " + r.body());
                if (r.status() == 201) {
                    created.add(paymentId(r));
                }
            }
            assertTrue(!created.isEmpty());
            assertEquals(1, db.count("""
                    SELECT count(*) FROM payment WHERE order_id = ? AND status IN ('PENDING', 'AWAITING_TRANSFER', 'FAILED')""", order), "one live payment");
            // every superseded attempt was cancelled, at the gateway first
            for (Map<String, Object> p :
                    db.rows("SELECT intent_id FROM payment WHERE order_id = ? AND status = " + "'CANCELLED'", order)) {
                assertTrue(gateway.cancellations((String) p.get("intent_id")) >= 1, p.toString());
            }

            List<Callable<Api.Response>> confirmations = new ArrayList<>();
            for (long p : created) {
                confirmations.add(() -> confirm(p));
            }
            int succeeded = 0;
            for (Future<Api.Response> f : pool.invokeAll(confirmations)) {
                Api.Response r = f.get();
                assertTrue(r.status() == 200 || r.status() == 409, r.status() + " " + r.body());
                if (r.status() == 200 && "SUCCEEDED".equals(r.get("status"))) {
                    succeeded++;
                }
            }
            assertEquals(1, succeeded);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, gateway.confirmationsOfAnyIntent(), "exactly one capture");
        assertEquals("PAID", order(order).get("status"));
        assertEquals(1, paidOutbox(order));
    }

    @Test
    void aStartedBankTransferIsRefusedASecondAttempt_untilTheBuyerWithdrawsIt() {
        long order = placeOrder(1);
        long transfer = paymentId(expect(201, pay(order, "BANK_TRANSFER", null)));
        Api.Response again = pay(order, "CARD", null);
        assertEquals(409, again.status());
        assertEquals("urn:huinong:problem:payment-already-live", again.get("type"));
        assertTrue(((String) again.get("detail")).contains("撤销"), again.body().toString());
        assertEquals(
                403,
                api.post("/api/v1/payments/" + transfer + "/cancellation", Map.of(), supplier.token())
                        .status());
        assertEquals(
                "CANCELLED",
                expect(200, api.post("/api/v1/payments/" + transfer + "/cancellation", Map.of(), buyer.token()))
                        .get("status"));
        gateway.createsIntent(PRICE);
        assertEquals("PENDING", expect(201, pay(order, "CARD", null)).get("status"));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'PAYMENT_CANCELLED' AND resource_id = ?",
                        String.valueOf(transfer)));
    }

    @Test
    void aBankTransferIsAwaitedForDays_withAReminder_aSlipTheSupplierSees_andItsOwnDate() {
        long order = placeOrder(1);
        Instant before = Instant.now();
        Api.Response created = expect(201, pay(order, "BANK_TRANSFER", null));
        long payment = paymentId(created);
        Instant expires = Instant.parse((String) created.get("expiresAt"));
        assertTrue(
                Duration.between(before, expires).compareTo(Duration.ofDays(7).minusMinutes(1)) > 0,
                expires.toString());
        Map<String, Object> p = payments(order(order)).get(0);
        assertEquals("BANK_TRANSFER", p.get("method"));
        assertEquals("AWAITING_TRANSFER", p.get("status"));
        assertEquals(
                expires.toString(), Instant.parse((String) p.get("expiresAt")).toString());

        // the next day the order still waits, its stock reserved
        orderFacade.expireUnpaid(Instant.now().plus(Duration.ofDays(1)));
        assertEquals("PENDING_PAYMENT", order(order).get("status"));
        // a day before the window closes the buyer is reminded, once
        payments.reconcileAll(expires.minus(Duration.ofHours(12)));
        payments.reconcileAll(expires.minus(Duration.ofHours(11)));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'PAYMENT_TRANSFER_REMINDED' "
                                + "AND resource_id = ?",
                        String.valueOf(payment)));
        Map<String, Object> due =
                expect(200, api.get("/api/v1/payments/awaiting-transfer", buyer.token())).items().stream()
                        .filter(d -> ((Number) d.get("paymentId")).longValue() == payment)
                        .findFirst()
                        .orElseThrow();
        assertNotNull(due.get("remindedAt"));
        assertNotNull(due.get("transfer"));

        // the slip: uploaded by the buyer, attached with the transfer date, seen by the supplier only
        long file = FileFixtures.uploaded(api, buyer.token(), "TRANSFER_SLIP", FileFixtures.pdf());
        String today = LocalDate.now(BEIJING).toString();
        assertEquals(
                400,
                api.post(
                                "/api/v1/payments/" + payment + "/slip",
                                Map.of(
                                        "fileId",
                                        file,
                                        "transferDate",
                                        LocalDate.now(BEIJING).plusDays(1).toString()),
                                buyer.token())
                        .status());
        long otherUnitsFile = FileFixtures.uploaded(
                api,
                cn.huinong.support.OrderingFixtures.buyer(organizations, api).token(),
                "TRANSFER_SLIP",
                FileFixtures.pdf());
        assertEquals(
                400,
                api.post(
                                "/api/v1/payments/" + payment + "/slip",
                                Map.of("fileId", otherUnitsFile, "transferDate", today),
                                buyer.token())
                        .status(),
                "only a file of the buyer's own unit");
        Api.Response slipped = expect(
                200,
                api.post(
                        "/api/v1/payments/" + payment + "/slip",
                        Map.of("fileId", file, "transferDate", today),
                        buyer.token()));
        assertEquals(today, slipped.get("transferDate"));
        @SuppressWarnings("unchecked")
        Map<String, Object> slip =
                (Map<String, Object>) payments(expect(200, api.get("/api/v1/orders/" + order, supplier.token()))
                                .body())
                        .get(0)
                        .get("slip");
        assertEquals(file, ((Number) slip.get("fileId")).longValue());
        assertEquals(200, FileFixtures.download(client, file, supplier.token()).status());
        assertEquals(
                404,
                FileFixtures.download(
                                client,
                                file,
                                CatalogFixtures.supplier(organizations, api).token())
                        .status());

        Api.Response wrongAmount =
                api.post("/api/v1/payments/" + payment + "/receipt", Map.of("amountFen", PRICE - 1), supplier.token());
        assertEquals(422, wrongAmount.status());
        assertEquals("urn:huinong:problem:transfer-amount-mismatch", wrongAmount.get("type"));
        assertEquals(
                "到账金额¥127.99与应付金额¥128.00不符，不能确认到账；请与买方核对", wrongAmount.get("detail"), "in yuan, as people read it");
        assertEquals("AWAITING_TRANSFER", payments(order(order)).get(0).get("status"));
        Api.Response received = expect(
                200,
                api.post("/api/v1/payments/" + payment + "/receipt", Map.of("amountFen", PRICE), supplier.token()));
        assertEquals("SUCCEEDED", received.get("status"));
        assertEquals(today, received.get("transferDateConfirmed"));
        assertEquals("PAID", order(order).get("status"));
    }

    @Test
    void aTransferMadeOn30DecemberAndConfirmedInJanuary_countsInTheOldYear() {
        long order = placeOrder(1);
        int lastYear = LocalDate.now(BEIJING).getYear() - 1;
        // the order was placed on 29 December of last year
        db.update(
                "UPDATE purchase_order SET created_at = ? WHERE id = ?",
                LocalDate.of(lastYear, 12, 29).atTime(10, 0).atZone(BEIJING).toInstant(),
                order);
        long payment = paymentId(expect(201, pay(order, "BANK_TRANSFER", null)));
        long file = FileFixtures.uploaded(api, buyer.token(), "TRANSFER_SLIP", FileFixtures.pdf());
        expect(
                200,
                api.post(
                        "/api/v1/payments/" + payment + "/slip",
                        Map.of("fileId", file, "transferDate", lastYear + "-12-30"),
                        buyer.token()));
        assertEquals(
                400,
                api.post(
                                "/api/v1/payments/" + payment + "/receipt",
                                Map.of("transferDate", lastYear + "-12-28"),
                                supplier.token())
                        .status(),
                "not before the order");
        Api.Response received =
                expect(200, api.post("/api/v1/payments/" + payment + "/receipt", Map.of(), supplier.token()));
        assertEquals(lastYear + "-12-30", received.get("transferDateConfirmed"));
        Instant paidAt = Instant.parse((String) order(order).get("paidAt"));
        assertEquals(LocalDate.of(lastYear, 12, 30), LocalDate.ofInstant(paidAt, BEIJING));

        ledger.drain(1_000_000);
        assertEquals(
                lastYear,
                ((Number) db.rows(
                                        "SELECT year FROM quota_ledger WHERE order_id = ? AND event_type = "
                                                + "'ORDER_PAID'",
                                        order)
                                .get(0)
                                .get("year"))
                        .intValue());
    }

    @Test
    void aTransferWhoseWindowClosed_isNoLongerAwaited_andMoneyArrivingAnywayGoesBackThroughTheSupplier() {
        long order = placeOrder(1);
        long payment = paymentId(expect(201, pay(order, "BANK_TRANSFER", null)));
        Instant expires = Instant.parse((String) payments(order(order)).get(0).get("expiresAt"));
        orderFacade.expireUnpaid(expires.plusSeconds(60));
        Map<String, Object> o = order(order);
        assertEquals("CANCELLED", o.get("status"));
        assertEquals("CANCELLED", payments(o).get(0).get("status"), "closed with its order");

        // the money arrives anyway: the supplier confirms it, it is orphaned and owed back offline
        expect(200, api.post("/api/v1/payments/" + payment + "/receipt", Map.of(), supplier.token()));
        Map<String, Object> p = payments(order(order)).get(0);
        assertEquals("ORPHANED", p.get("status"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> refunds = (List<Map<String, Object>>) p.get("refunds");
        assertEquals(1, refunds.size());
        assertEquals("PENDING", refunds.get(0).get("status"));
        assertEquals(true, refunds.get(0).get("offline"));
    }

    @Test
    void aCancellationRacingAManualRefund_refundsTheRestAtOnce_andAFailedManualRefundIsMadeGoodByTheNextEvent() {
        long order = placeOrder(3);
        gateway.createsIntent(3 * PRICE);
        gateway.confirmsIntent(3 * PRICE);
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        assertEquals("SUCCEEDED", expect(200, confirm(payment)).get("status"));
        // the supplier's partial refund of one unit is still pending at the gateway when the buyer cancels
        gateway.refundIsPending(PRICE);
        gateway.refundSucceeds(2 * PRICE);
        Api.Response manual = expect(201, refund(order, PRICE, null, supplier.token()));
        assertEquals("PENDING", manual.get("status"));
        long manualId = ((Number) manual.get("refundId")).longValue();

        expect(200, api.post("/api/v1/orders/" + order + "/cancellation", Map.of("reason", "不需要了"), buyer.token()));
        List<Map<String, Object>> rows = db.rows("SELECT * FROM refund WHERE payment_id = ? ORDER BY id", payment);
        assertEquals(2, rows.size(), "the rest is refunded in the same request, not by a sweep");
        assertEquals("CANCELLATION", rows.get(1).get("cause"));
        assertEquals(2 * PRICE, ((Number) rows.get(1).get("amount_fen")).longValue());
        assertEquals("SUCCEEDED", rows.get(1).get("status"));

        // the manual refund fails after all: its part goes back at once, on that webhook
        expect(200, deliver(eventOf("refund.failed", """
                {"id":"re_refund-%d","object":"refund","amount":%d,"currency":"cny","status":"failed",
                 "failure_reason":"expired_or_canceled_card","payment_intent":"%s","metadata":{"refund_id":"%d"}}""".formatted(manualId, PRICE, intent(), manualId))));
        rows = db.rows("SELECT * FROM refund WHERE payment_id = ? ORDER BY id", payment);
        assertEquals(3, rows.size());
        assertEquals("FAILED", rows.get(0).get("status"));
        assertEquals("CANCELLATION", rows.get(2).get("cause"));
        assertEquals(PRICE, ((Number) rows.get(2).get("amount_fen")).longValue());
        assertEquals(
                3 * PRICE,
                db.count(
                        "SELECT coalesce(sum(amount_fen), 0) FROM refund WHERE payment_id = ? "
                                + "AND status <> 'FAILED'",
                        payment));
    }

    @Test
    void aRefundEventForAnotherAmount_changesNothing() {
        long order = placeOrder(1);
        gateway.createsIntent(PRICE);
        gateway.confirmsIntent(PRICE);
        long payment = paymentId(expect(201, pay(order, "CARD", null)));
        expect(200, confirm(payment));
        gateway.refundIsPending(100, "re_partial" + payment);
        long refundId = ((Number)
                        expect(201, refund(order, 100, null, supplier.token())).get("refundId"))
                .longValue();
        expect(200, deliver(eventOf("refund.updated", """
                {"id":"re_partial%d","object":"refund","amount":%d,"currency":"cny","status":"succeeded",
                 "payment_intent":"%s","metadata":{"refund_id":"%d"}}""".formatted(payment, PRICE, intent(), refundId))));
        assertEquals(
                "PENDING",
                db.rows("SELECT status FROM refund WHERE id = ?", refundId)
                        .get(0)
                        .get("status"));
        assertEquals(0, fen(order(order), "refundedFen"));
        assertEquals(1, db.count("SELECT count(*) FROM payment_mismatch WHERE refund_id = ?", refundId));
    }
}
