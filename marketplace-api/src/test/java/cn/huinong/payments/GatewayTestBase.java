package cn.huinong.payments;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.OrderingFixtures.checkout;
import static cn.huinong.support.OrderingFixtures.id;
import static cn.huinong.support.OrderingFixtures.line;
import static cn.huinong.support.OrderingFixtures.orders;
import static cn.huinong.support.OrderingFixtures.place;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.huinong.identity.Organizations;
import cn.huinong.region.Designations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogDb;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import cn.huinong.support.OrderingFixtures;
import cn.huinong.support.OrderingFixtures.Buyer;
import cn.huinong.support.PaymentFixtures;
import cn.huinong.support.StripeFake;
import cn.huinong.support.WebhookSigner;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * What payment tests share: the {@link StripeFake} standing in for the Stripe-compatible gateway, a supplier with a
 * listed product, a buyer and an operator, signed webhook deliveries, and helpers for paying and reading orders.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GatewayTestBase implements TestPropertyProvider {

    static final String SECRET = "whsec_test_" + UUID.randomUUID();
    static final long PRICE = 12800;

    final StripeFake gateway = new StripeFake();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    @Inject
    CatalogDb db;

    Api api;
    Supplier supplier;
    String operator;
    Buyer buyer;
    long tea;
    String accountNumber;

    @Override
    public Map<String, String> getProperties() {
        gateway.start();
        return Map.of(
                "huinong.payments.api-base",
                gateway.baseUrl(),
                "huinong.payments.secret-key",
                "sk_test_huinong",
                "huinong.payments.webhook-secret",
                SECRET,
                "huinong.payments.max-network-retries",
                "2",
                "huinong.payments.read-timeout",
                "1s");
    }

    @AfterAll
    void stopGateway() {
        gateway.stop();
    }

    @BeforeEach
    void setUp() {
        gateway.reset();
        gateway.nextIntent();
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        supplier = CatalogFixtures.supplier(organizations, api);
        operator = CatalogFixtures.operator(organizations, api);
        buyer = OrderingFixtures.buyer(organizations, api);
        tea = OrderingFixtures.listed(api, supplier, operator, PRICE, 20);
        accountNumber = PaymentFixtures.bankAccount(api, supplier);
    }

    /** The intent the gateway creates and answers for (a new one per test). */
    String intent() {
        return gateway.intent();
    }

    long placeOrder(int quantity) {
        return id(orders(expect(201, place(api, buyer.token(), null, checkout(line(tea, quantity)))))
                .get(0));
    }

    Api.Response pay(long order, String method, String key) {
        MutableHttpRequest<?> r = HttpRequest.POST("/api/v1/orders/" + order + "/payments", Map.of("method", method));
        if (key != null) {
            r.header("Idempotency-Key", key);
        }
        return api.send(r, buyer.token());
    }

    Api.Response confirm(long payment) {
        return api.post(
                "/api/v1/payments/" + payment + "/confirmation",
                Map.of("paymentMethod", "pm_card_visa"),
                buyer.token());
    }

    Map<String, Object> order(long order) {
        return expect(200, api.get("/api/v1/orders/" + order, buyer.token())).body();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> payments(Map<String, Object> order) {
        return (List<Map<String, Object>>) order.get("payments");
    }

    long paidHistory(long order) {
        return db.count("SELECT count(*) FROM order_history WHERE order_id = ? AND action = 'ORDER_PAID'", order);
    }

    /** ORDER_PAID and PAYMENT_SUCCEEDED events: exactly one of each for a paid order. */
    long paidOutbox(long order) {
        long paid = db.count(
                "SELECT count(*) FROM order_event_outbox WHERE order_id = ? AND event_type = 'ORDER_PAID'", order);
        long succeeded = db.count("""
                SELECT count(*) FROM order_event_outbox WHERE order_id = ? AND event_type = 'PAYMENT_SUCCEEDED'
                AND amount_fen = (SELECT total_fen FROM purchase_order WHERE id = ?)
                AND eligible_fen = (SELECT eligible_fen FROM purchase_order WHERE id = ?)
                AND payload->>'paidAt' IS NOT NULL""", order, order, order);
        assertEquals(paid, succeeded, "ORDER_PAID and PAYMENT_SUCCEEDED events");
        return paid;
    }

    String event(String type, long amount, String status, long paymentId, String lastError) {
        String object = StripeFake.intentJson(intent(), amount, status, paymentId);
        if (lastError != null) {
            object = object.substring(0, object.lastIndexOf('}')) + ",\"last_payment_error\":{\"type\":\"card_error\","
                    + "\"code\":\"card_declined\",\"message\":\"" + lastError + "\"}}";
        }
        return eventOf(type, object);
    }

    /** A webhook event of {@code type} about {@code object} (its JSON). */
    String eventOf(String type, String object) {
        return WebhookSigner.event(type, object, StripeFake.API_VERSION);
    }

    static String sign(String payload, String secret, long timestamp) {
        return WebhookSigner.sign(payload, secret, timestamp);
    }

    Api.Response deliver(String payload, String signature) {
        MutableHttpRequest<?> r = HttpRequest.POST("/api/v1/payments/webhook", payload)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Stripe-Signature", signature);
        return api.send(r, null);
    }

    Api.Response deliver(String payload) {
        return deliver(payload, sign(payload, SECRET, System.currentTimeMillis() / 1000));
    }

    long amount(Map<String, Object> m) {
        return ((Number) m.get("amountFen")).longValue();
    }

    long paymentId(Api.Response r) {
        return ((Number) r.get("paymentId")).longValue();
    }

    Api.Response refund(long order, long amountFen, String key, String token) {
        MutableHttpRequest<?> r = HttpRequest.POST(
                "/api/v1/orders/" + order + "/refunds", Map.of("amountFen", amountFen, "reason", "部分商品破损"));
        if (key != null) {
            r.header("Idempotency-Key", key);
        }
        return api.send(r, token);
    }

    static long fen(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }
}
