package cn.huinong.ordering;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.OrderingFixtures.checkout;
import static cn.huinong.support.OrderingFixtures.id;
import static cn.huinong.support.OrderingFixtures.line;
import static cn.huinong.support.OrderingFixtures.orders;
import static cn.huinong.support.OrderingFixtures.place;
import static cn.huinong.support.OrderingFixtures.stock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.region.Designations;
import cn.huinong.shared.Actor;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogDb;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import cn.huinong.support.OrderingFixtures;
import cn.huinong.support.OrderingFixtures.Buyer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class OrderLifecycleTest {

    static final Map<String, Object> SHIPMENT = Map.of("carrier", "顺丰速运", "trackingNumber", "SF1234567890");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    @Inject
    CatalogDb db;

    @Inject
    Orders orders;

    @Inject
    OrderPayments payments;

    Api api;
    Supplier supplier;
    String operator;
    Buyer buyer;
    long tea;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        supplier = CatalogFixtures.supplier(organizations, api);
        operator = CatalogFixtures.operator(organizations, api);
        buyer = OrderingFixtures.buyer(organizations, api);
        tea = OrderingFixtures.listed(api, supplier, operator, 12800, 20);
    }

    long placeOrder(int quantity) {
        return id(orders(expect(201, place(api, buyer.token(), null, checkout(line(tea, quantity)))))
                .get(0));
    }

    Api.Response act(long order, String step, Object body, String token) {
        return api.post("/api/v1/orders/" + order + "/" + step, body, token);
    }

    void pay(long order) {
        payments.markPaid(order, "test-payment-" + order, Instant.now(), Actor.system("test"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void goesFromPaymentToAcceptanceWithHistoryAuditAndOutbox() {
        long order = placeOrder(2);
        pay(order);
        Map<String, Object> paid =
                expect(200, api.get("/api/v1/orders/" + order, buyer.token())).body();
        assertEquals("PAID", paid.get("status"));
        assertTrue(paid.get("paidAt") != null);

        Map<String, Object> shipped =
                expect(200, act(order, "shipment", SHIPMENT, supplier.token())).body();
        assertEquals("SHIPPED", shipped.get("status"));
        assertEquals(
                SHIPMENT.get("trackingNumber"), ((Map<String, Object>) shipped.get("shipment")).get("trackingNumber"));
        assertEquals(
                "DELIVERED",
                expect(200, act(order, "delivery", Map.of(), supplier.token())).get("status"));
        Map<String, Object> accepted = expect(
                        200, act(order, "acceptance", Map.of("rating", 5, "comment", "茶叶品质很好，按时送达"), buyer.token()))
                .body();
        assertEquals("ACCEPTED", accepted.get("status"));
        assertEquals(5, ((Number) ((Map<String, Object>) accepted.get("acceptance")).get("rating")).intValue());

        List<Map<String, Object>> history = (List<Map<String, Object>>) accepted.get("history");
        assertEquals(
                List.of("ORDER_PLACED", "ORDER_PAID", "ORDER_SHIPPED", "ORDER_DELIVERED", "ORDER_ACCEPTED"),
                history.stream().map(h -> h.get("action")).toList());
        assertEquals(
                List.of("PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "ACCEPTED"),
                history.stream().map(h -> h.get("toStatus")).toList());
        assertEquals(supplier.username(), history.get(2).get("actor"));
        for (String action :
                List.of("ORDER_PLACED", "ORDER_PAID", "ORDER_SHIPPED", "ORDER_DELIVERED", "ORDER_ACCEPTED")) {
            assertEquals(
                    1,
                    db.count(
                            "SELECT count(*) FROM audit_event WHERE resource_type = 'order' AND resource_id = ?"
                                    + " AND action = ?",
                            String.valueOf(order),
                            action),
                    action);
        }
        assertEquals(1, db.count("""
                SELECT count(*) FROM order_event_outbox WHERE order_id = ? AND event_type = 'ORDER_PAID'
                  AND payload->>'paymentRef' = ? AND (payload->>'paid')::boolean""", order, "test-payment-" + order));
        assertEquals(3, db.count("SELECT count(*) FROM order_event_outbox WHERE order_id = ?", order));
        assertEquals(18, stock(api, supplier, tea), "a completed order keeps its stock");
    }

    @Test
    void refusesEveryIllegalTransitionWith409() {
        long order = placeOrder(1);
        // PENDING_PAYMENT
        assertEquals(409, act(order, "shipment", SHIPMENT, supplier.token()).status());
        assertEquals(409, act(order, "delivery", Map.of(), supplier.token()).status());
        assertEquals(409, act(order, "acceptance", Map.of(), buyer.token()).status());
        pay(order);
        // PAID
        assertThrows(OrderNotPayable.class, () -> pay(order));
        assertEquals(409, act(order, "delivery", Map.of(), supplier.token()).status());
        assertEquals(409, act(order, "acceptance", Map.of(), buyer.token()).status());
        expect(200, act(order, "shipment", SHIPMENT, supplier.token()));
        // SHIPPED
        assertEquals(409, act(order, "shipment", SHIPMENT, supplier.token()).status());
        assertEquals(409, act(order, "cancellation", Map.of(), buyer.token()).status());
        assertEquals(409, act(order, "acceptance", Map.of(), buyer.token()).status());
        expect(200, act(order, "delivery", Map.of(), supplier.token()));
        // DELIVERED
        assertEquals(409, act(order, "delivery", Map.of(), supplier.token()).status());
        assertEquals(409, act(order, "cancellation", Map.of(), buyer.token()).status());
        assertEquals(409, act(order, "shipment", SHIPMENT, supplier.token()).status());
        expect(200, act(order, "acceptance", Map.of(), buyer.token()));
        // ACCEPTED
        assertEquals(409, act(order, "acceptance", Map.of(), buyer.token()).status());
        assertEquals(409, act(order, "cancellation", Map.of(), buyer.token()).status());
        assertEquals(409, act(order, "shipment", SHIPMENT, supplier.token()).status());
        // CANCELLED
        long cancelled = placeOrder(1);
        expect(200, act(cancelled, "cancellation", Map.of("reason", "重复下单"), buyer.token()));
        assertEquals(
                409, act(cancelled, "cancellation", Map.of(), buyer.token()).status());
        assertEquals(409, act(cancelled, "shipment", SHIPMENT, supplier.token()).status());
        assertThrows(OrderNotPayable.class, () -> pay(cancelled));
        Api.Response problem = act(cancelled, "shipment", SHIPMENT, supplier.token());
        assertEquals("application/problem+json", problem.contentType());
        assertTrue(((String) problem.get("detail")).contains("已取消"));
        // roles: the buyer cannot ship, the supplier cannot accept or cancel, a stranger sees nothing
        assertEquals(403, act(order, "shipment", SHIPMENT, buyer.token()).status());
        assertEquals(403, act(order, "cancellation", Map.of(), supplier.token()).status());
        assertEquals(
                404,
                act(
                                placeOrder(1),
                                "shipment",
                                SHIPMENT,
                                CatalogFixtures.supplier(organizations, api).token())
                        .status());
        assertEquals(
                400,
                act(order, "acceptance", Map.of("rating", 6), buyer.token()).status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void cancellationBeforeShipmentReleasesTheStock() {
        long unpaid = placeOrder(3);
        long paid = placeOrder(4);
        pay(paid);
        assertEquals(13, stock(api, supplier, tea));

        Map<String, Object> cancelled = expect(
                        200, act(unpaid, "cancellation", Map.of("reason", "采购计划调整"), buyer.token()))
                .body();
        assertEquals("CANCELLED", cancelled.get("status"));
        assertEquals("采购计划调整", cancelled.get("cancelReason"));
        assertEquals(16, stock(api, supplier, tea));
        expect(200, act(paid, "cancellation", Map.of(), buyer.token()));
        assertEquals(20, stock(api, supplier, tea));
        assertEquals(20, ((Number) db.document(tea).get("stock")).intValue());

        assertEquals(1, db.count("""
                SELECT count(*) FROM order_event_outbox WHERE order_id = ? AND event_type = 'ORDER_CANCELLED'
                  AND NOT (payload->>'paid')::boolean""", unpaid));
        assertEquals(
                1,
                db.count("""
                SELECT count(*) FROM order_event_outbox WHERE order_id = ? AND event_type = 'ORDER_CANCELLED'
                  AND (payload->>'paid')::boolean""", paid),
                "a paid cancellation says it was paid (the ledger takes money back on ORDER_REFUNDED only)");
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'ORDER_CANCELLED' AND resource_id = ?",
                        String.valueOf(unpaid)));
        List<Map<String, Object>> history = (List<Map<String, Object>>) cancelled.get("history");
        assertEquals("ORDER_CANCELLED", history.get(history.size() - 1).get("action"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void unpaidOrdersExpireAfterThePaymentTimeoutAndReleaseTheirStock() {
        long unpaid = placeOrder(5);
        long paid = placeOrder(1);
        pay(paid);
        Map<String, Object> view =
                expect(200, api.get("/api/v1/orders/" + unpaid, buyer.token())).body();
        Instant createdAt = Instant.parse((String) view.get("createdAt"));
        Instant expiresAt = Instant.parse((String) view.get("expiresAt"));
        Duration timeout = Duration.between(createdAt, expiresAt);
        assertTrue(
                timeout.compareTo(Duration.ofMinutes(29)) > 0 && timeout.compareTo(Duration.ofMinutes(31)) < 0,
                "huinong.ordering.payment-timeout (30m): " + timeout);

        orders.expireUnpaid(expiresAt.minusSeconds(1));
        assertEquals(
                "PENDING_PAYMENT",
                expect(200, api.get("/api/v1/orders/" + unpaid, buyer.token())).get("status"));
        assertEquals(14, stock(api, supplier, tea));

        assertTrue(orders.expireUnpaid(expiresAt.plusSeconds(1)) >= 1);
        Map<String, Object> expired =
                expect(200, api.get("/api/v1/orders/" + unpaid, buyer.token())).body();
        assertEquals("CANCELLED", expired.get("status"));
        List<Map<String, Object>> history = (List<Map<String, Object>>) expired.get("history");
        assertEquals("ORDER_EXPIRED", history.get(history.size() - 1).get("action"));
        assertEquals("system:order-expiry", history.get(history.size() - 1).get("actor"));
        assertEquals(
                "PAID",
                expect(200, api.get("/api/v1/orders/" + paid, buyer.token())).get("status"));
        assertEquals(19, stock(api, supplier, tea));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM order_event_outbox WHERE order_id = ? AND event_type = 'ORDER_EXPIRED'",
                        unpaid));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'ORDER_EXPIRED' AND resource_id = ?",
                        String.valueOf(unpaid)));
        assertEquals(0, orders.expireUnpaid(expiresAt.plusSeconds(1)), "nothing left to expire");
        assertThrows(OrderNotPayable.class, () -> pay(unpaid), "an expired order can no longer be paid");
    }

    @Test
    @SuppressWarnings("unchecked")
    void deliveredOrdersAreAcceptedAutomaticallyAfterTheConfiguredDays() {
        long order = placeOrder(1);
        long acceptedByBuyer = placeOrder(1);
        for (long o : List.of(order, acceptedByBuyer)) {
            pay(o);
            expect(200, act(o, "shipment", SHIPMENT, supplier.token()));
            expect(200, act(o, "delivery", Map.of(), supplier.token()));
        }
        expect(200, act(acceptedByBuyer, "acceptance", Map.of("rating", 4), buyer.token()));
        Instant deliveredAt = Instant.parse((String)
                expect(200, api.get("/api/v1/orders/" + order, buyer.token())).get("deliveredAt"));
        Duration days = Duration.ofDays(7); // huinong.ordering.auto-accept-after

        orders.acceptDelivered(deliveredAt.plus(days).minusSeconds(1));
        assertEquals(
                "DELIVERED",
                expect(200, api.get("/api/v1/orders/" + order, buyer.token())).get("status"));

        assertTrue(orders.acceptDelivered(deliveredAt.plus(days).plusSeconds(1)) >= 1);
        Map<String, Object> accepted =
                expect(200, api.get("/api/v1/orders/" + order, buyer.token())).body();
        assertEquals("ACCEPTED", accepted.get("status"));
        assertTrue(accepted.get("acceptance") != null);
        List<Map<String, Object>> history = (List<Map<String, Object>>) accepted.get("history");
        Map<String, Object> last = history.get(history.size() - 1);
        assertEquals("AUTO_ACCEPTED", last.get("action"));
        assertEquals("DELIVERED", last.get("fromStatus"));
        assertEquals("system:order-auto-accept", last.get("actor"));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'AUTO_ACCEPTED' AND resource_id = ?",
                        String.valueOf(order)));
        assertEquals(1, db.count("""
                SELECT count(*) FROM order_event_outbox WHERE order_id = ? AND event_type = 'ORDER_ACCEPTED'
                  AND amount_fen = 12800 AND (payload->>'paid')::boolean""", order));
        // the order the buyer accepted itself is left alone; nothing is accepted twice
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM order_event_outbox WHERE order_id = ? AND event_type = "
                                + "'ORDER_ACCEPTED'",
                        acceptedByBuyer));
        assertEquals(
                0,
                db.count(
                        "SELECT count(*) FROM order_history WHERE order_id = ? AND action = 'AUTO_ACCEPTED'",
                        acceptedByBuyer));
        orders.acceptDelivered(deliveredAt.plus(days).plusSeconds(1));
        assertEquals(
                1,
                db.count("SELECT count(*) FROM order_history WHERE order_id = ? AND action = 'AUTO_ACCEPTED'", order));
        assertEquals(409, act(order, "acceptance", Map.of(), buyer.token()).status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void buyerRecordsInvoiceDetailsAndSupplierTheIssuedInvoice() {
        long order = placeOrder(1);
        Map<String, Object> issued = Map.of("invoiceNumber", "24522000000012345678", "issuedOn", "2026-11-20");
        assertEquals(
                409,
                api.put("/api/v1/orders/" + order + "/invoice", issued, supplier.token())
                        .status(),
                "no invoice details yet");
        Map<String, Object> requested = expect(
                        200,
                        api.put(
                                "/api/v1/orders/" + order + "/invoice-request",
                                Map.of("title", "贵阳市南明区机关事务服务中心", "taxNumber", "12520102MB1234567X"),
                                buyer.token()))
                .body();
        assertEquals("12520102MB1234567X", ((Map<String, Object>) requested.get("invoice")).get("taxNumber"));
        assertEquals(
                409,
                api.put("/api/v1/orders/" + order + "/invoice", issued, supplier.token())
                        .status(),
                "not paid yet");
        pay(order);
        Map<String, Object> done = expect(
                        200, api.put("/api/v1/orders/" + order + "/invoice", issued, supplier.token()))
                .body();
        Map<String, Object> invoice = (Map<String, Object>) done.get("invoice");
        assertEquals("24522000000012345678", invoice.get("number"));
        assertEquals("2026-11-20", invoice.get("issuedOn"));
        assertEquals(
                400,
                api.put(
                                "/api/v1/orders/" + order + "/invoice-request",
                                Map.of("title", "某单位", "taxNumber", "abc"),
                                buyer.token())
                        .status());
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'ORDER_INVOICE_ISSUED' AND resource_id = ?",
                        String.valueOf(order)));
    }
}
