package cn.huinong.ordering;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.OrderingFixtures.checkout;
import static cn.huinong.support.OrderingFixtures.fen;
import static cn.huinong.support.OrderingFixtures.id;
import static cn.huinong.support.OrderingFixtures.line;
import static cn.huinong.support.OrderingFixtures.orders;
import static cn.huinong.support.OrderingFixtures.place;
import static cn.huinong.support.OrderingFixtures.stock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.region.Designations;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CheckoutTest {

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
    Supplier leishan;
    Supplier beijing;
    String operator;
    Buyer buyer;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        leishan = CatalogFixtures.supplier(organizations, api);
        beijing = CatalogFixtures.supplier(organizations, api, "110101", true);
        operator = CatalogFixtures.operator(organizations, api);
        buyer = OrderingFixtures.buyer(organizations, api);
    }

    @Test
    @SuppressWarnings("unchecked")
    void splitsCheckoutIntoOneOrderPerSupplierWithTotalsAndEligibleAmounts() {
        long tea = OrderingFixtures.listed(api, leishan, operator, 12800, 100);
        long notFromPovertyCounty = OrderingFixtures.listed(api, leishan, operator, 500, 100, "110101");
        long beijingRice = OrderingFixtures.listed(api, beijing, operator, 1000, 100, "110101");

        Api.Response r = expect(
                201,
                place(
                        api,
                        buyer.token(),
                        null,
                        checkout(line(beijingRice, 1), line(tea, 2), line(notFromPovertyCounty, 4))));
        assertNotNull(UUID.fromString((String) r.get("checkoutId")));
        List<Map<String, Object>> orders = orders(r);
        assertEquals(2, orders.size());
        Map<String, Object> a = orders.stream()
                .filter(o -> fen(o, "supplierId") == leishan.id())
                .findFirst()
                .orElseThrow();
        Map<String, Object> b = orders.stream()
                .filter(o -> fen(o, "supplierId") == beijing.id())
                .findFirst()
                .orElseThrow();
        assertEquals("PENDING_PAYMENT", a.get("status"));
        assertEquals(2 * 12800 + 4 * 500, fen(a, "totalFen"));
        assertEquals(2 * 12800, fen(a, "eligibleFen"), "only the line from a poverty-alleviated county counts");
        assertEquals(2, ((List<?>) a.get("lines")).size());
        assertEquals(1000, fen(b, "totalFen"));
        assertEquals(0, fen(b, "eligibleFen"));
        assertEquals("CANTEEN", b.get("channel"));

        assertEquals(98, stock(api, leishan, tea));
        assertEquals(96, stock(api, leishan, notFromPovertyCounty));
        assertEquals(99, stock(api, beijing, beijingRice));
        assertEquals(98, ((Number) db.document(tea).get("stock")).intValue(), "the search document follows the stock");

        Map<String, Object> view =
                expect(200, api.get("/api/v1/orders/" + id(a), buyer.token())).body();
        assertEquals("PENDING_PAYMENT", view.get("status"));
        assertEquals(List.of(), view.get("payments"));
        assertEquals(r.get("checkoutId"), view.get("checkoutId"));
        assertEquals(buyer.organizationId(), fen(view, "buyerOrganizationId"));
        List<Map<String, Object>> history = (List<Map<String, Object>>) view.get("history");
        assertEquals(1, history.size());
        assertEquals("ORDER_PLACED", history.get(0).get("action"));
        for (Map<String, Object> o : orders) {
            assertEquals(
                    1,
                    db.count(
                            "SELECT count(*) FROM audit_event WHERE action = 'ORDER_PLACED' AND resource_id = ?",
                            String.valueOf(id(o))));
            assertEquals(1, db.count("""
                    SELECT count(*) FROM order_event_outbox WHERE event_type = 'ORDER_PLACED' AND order_id = ?
                      AND amount_fen = ? AND eligible_fen = ? AND payload->>'checkoutId' = ?""", id(o), fen(o, "totalFen"), fen(o, "eligibleFen"), r.get("checkoutId")));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void freezesPriceFactsAndEligibilityAtOrderTime() {
        Map<String, Object> body = CatalogFixtures.product();
        long tea = CatalogFixtures.listed(api, leishan.token(), operator, body);
        Map<String, Object> order = orders(expect(201, place(api, buyer.token(), null, checkout(line(tea, 3)))))
                .get(0);

        body.put("priceFen", 9900);
        body.put("spec", "500克/罐");
        expect(200, api.put("/api/v1/products/" + tea, body, leishan.token()));

        Map<String, Object> view = expect(200, api.get("/api/v1/orders/" + id(order), buyer.token()))
                .body();
        Map<String, Object> l = ((List<Map<String, Object>>) view.get("lines")).get(0);
        assertEquals(12800, fen(l, "unitPriceFen"));
        assertEquals(3 * 12800, fen(l, "amountFen"));
        assertEquals("250克/罐", l.get("spec"));
        assertEquals(3 * 12800, fen(view, "totalFen"));
        Map<String, Object> snapshot = (Map<String, Object>) l.get("snapshot");
        assertEquals(12800, fen(snapshot, "priceFen"));
        assertEquals(true, snapshot.get("eligible"));
        assertTrue(((List<String>) snapshot.get("eligibilityReasons")).contains("产地为脱贫县"));
        assertEquals(CatalogFixtures.LEISHAN, ((Map<String, Object>) snapshot.get("origin")).get("code"));
        assertEquals(leishan.id(), fen(snapshot, "supplierId"));
    }

    @Test
    void replaysTheFirstResponseForTheSameKeyAndRefusesAnotherBody() {
        long tea = OrderingFixtures.listed(api, leishan, operator, 12800, 50);
        String key = UUID.randomUUID().toString();
        Api.Response first = expect(201, place(api, buyer.token(), key, checkout(line(tea, 2))));
        Api.Response again = expect(201, place(api, buyer.token(), key, checkout(line(tea, 2))));
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().get("Idempotency-Replayed"));
        assertEquals(48, stock(api, leishan, tea), "reserved once");
        assertEquals(
                1,
                db.count("SELECT count(*) FROM purchase_order WHERE checkout_id = ?::uuid", first.get("checkoutId")));

        Api.Response other = place(api, buyer.token(), key, checkout(line(tea, 3)));
        assertEquals(422, other.status(), other.body().toString());
        assertEquals(48, stock(api, leishan, tea));

        // keys belong to their user: another buyer may use the same key for its own checkout
        Buyer someoneElse = OrderingFixtures.buyer(organizations, api);
        Api.Response theirs = expect(201, place(api, someoneElse.token(), key, checkout(line(tea, 2))));
        assertFalse(theirs.get("checkoutId").equals(first.get("checkoutId")));
    }

    @Test
    void concurrentRetriesWithTheSameKeyPlaceTheOrderOnce() throws Exception {
        long tea = OrderingFixtures.listed(api, leishan, operator, 12800, 50);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = checkout(line(tea, 1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return place(api, buyer.token(), key, body);
            }));
        }
        start.countDown();
        Set<Object> checkoutIds = new HashSet<>();
        for (var f : futures) {
            Api.Response r = f.get(60, TimeUnit.SECONDS);
            assertEquals(201, r.status(), r.body().toString());
            checkoutIds.add(r.get("checkoutId"));
        }
        pool.shutdown();
        assertEquals(1, checkoutIds.size());
        assertEquals(49, stock(api, leishan, tea));
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesCheckoutWithNotEnoughStockAndReservesNothing() {
        long plenty = OrderingFixtures.listed(api, leishan, operator, 12800, 5);
        long scarce = OrderingFixtures.listed(api, beijing, operator, 1000, 1, "110101");
        long draft = CatalogFixtures.create(api, leishan.token(), CatalogFixtures.product());

        Api.Response r =
                place(api, buyer.token(), UUID.randomUUID().toString(), checkout(line(plenty, 3), line(scarce, 2)));
        assertEquals(409, r.status(), r.body().toString());
        List<Map<String, Object>> shortages = (List<Map<String, Object>>) r.get("shortages");
        assertEquals(1, shortages.size());
        assertEquals(scarce, fen(shortages.get(0), "productId"));
        assertEquals(1, fen(shortages.get(0), "available"));
        assertEquals(5, stock(api, leishan, plenty), "nothing reserved");
        assertEquals(1, stock(api, beijing, scarce));
        assertEquals(
                0L, fen(expect(200, api.get("/api/v1/orders", buyer.token())).body(), "total"));

        assertEquals(
                409,
                place(api, buyer.token(), null, checkout(line(plenty, 1), line(draft, 1)))
                        .status(),
                "a product not listed cannot be bought");
        assertEquals(5, stock(api, leishan, plenty));
        assertEquals(
                400, place(api, buyer.token(), null, checkout(line(plenty, 0))).status());
        assertEquals(
                403,
                place(api, leishan.token(), null, checkout(line(plenty, 1))).status());
    }

    @Test
    void ordersAreVisibleToTheirBuyerAndSupplierOnlyAndListedByStatus() {
        long tea = OrderingFixtures.listed(api, leishan, operator, 12800, 50);
        long first = id(orders(expect(201, place(api, buyer.token(), null, checkout(line(tea, 1)))))
                .get(0));
        long second = id(orders(expect(201, place(api, buyer.token(), null, checkout(line(tea, 2)))))
                .get(0));
        expect(200, api.post("/api/v1/orders/" + second + "/cancellation", Map.of(), buyer.token()));

        String path = "/api/v1/orders/" + first;
        expect(200, api.get(path, buyer.token()));
        expect(200, api.get(path, leishan.token()));
        expect(200, api.get(path, operator));
        assertEquals(
                404,
                api.get(path, OrderingFixtures.buyer(organizations, api).token())
                        .status());
        assertEquals(404, api.get(path, beijing.token()).status());
        assertEquals(
                404,
                api.post(
                                path + "/cancellation",
                                Map.of(),
                                OrderingFixtures.buyer(organizations, api).token())
                        .status());

        Api.Response mine = expect(200, api.get("/api/v1/orders?size=1", buyer.token()));
        assertEquals(2L, fen(mine.body(), "total"));
        assertEquals(1, mine.items().size());
        assertEquals(second, id(mine.items().get(0)), "newest first");
        Api.Response pending = expect(200, api.get("/api/v1/orders?status=PENDING_PAYMENT", buyer.token()));
        assertEquals(
                List.of(first),
                pending.items().stream().map(OrderingFixtures::id).toList());
        Api.Response supplierCancelled = expect(200, api.get("/api/v1/orders?status=CANCELLED", leishan.token()));
        assertEquals(
                List.of(second),
                supplierCancelled.items().stream().map(OrderingFixtures::id).toList());
        assertEquals(
                0L, fen(expect(200, api.get("/api/v1/orders", beijing.token())).body(), "total"));
    }

    @Test
    void operatorsFindAnyOrderByNumberOrEitherPartysNameAndListsNameBothParties() {
        long tea = OrderingFixtures.listed(api, leishan, operator, 12800, 50);
        long order = id(orders(expect(201, place(api, buyer.token(), null, checkout(line(tea, 1)))))
                .get(0));
        String buyerName = (String) ((Map<?, ?>)
                        expect(200, api.get("/api/v1/me", buyer.token())).get("organization"))
                .get("name");
        String supplierName = (String)
                expect(200, api.get("/api/v1/orders/" + order, operator)).get("supplierName");

        for (String q :
                List.of(String.valueOf(order), "#" + order, buyerName, buyerName.substring(2, 8), supplierName)) {
            Api.Response found = expect(200, api.get("/api/v1/orders?size=100&q=" + encode(q), operator));
            Map<String, Object> row = found.items().stream()
                    .filter(o -> id(o) == order)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(q + " did not find order " + order));
            assertEquals(buyerName, row.get("buyerName"), q);
            assertEquals(supplierName, row.get("supplierName"), q);
        }
        assertEquals(
                0L,
                fen(
                        expect(200, api.get("/api/v1/orders?q=" + encode("不存在的单位%_"), operator))
                                .body(),
                        "total"),
                "wildcards in the query are plain characters");
        // a buyer's search stays within its own orders
        Buyer other = OrderingFixtures.buyer(organizations, api);
        assertEquals(
                0L,
                fen(
                        expect(200, api.get("/api/v1/orders?q=" + order, other.token()))
                                .body(),
                        "total"));
        assertEquals(
                1L,
                fen(
                        expect(200, api.get("/api/v1/orders?q=" + order, buyer.token()))
                                .body(),
                        "total"));
    }

    static String encode(String q) {
        return java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theApiDocumentDescribesOrderingAndTheIdempotencyKey() {
        String yml = client.toBlocking().retrieve("/swagger/huinong-market-api-1.yml");
        for (String path : List.of(
                "/api/v1/orders:",
                "/api/v1/orders/{id}:",
                "/api/v1/orders/{id}/shipment:",
                "/api/v1/orders/{id}/delivery:",
                "/api/v1/orders/{id}/acceptance:",
                "/api/v1/orders/{id}/cancellation:",
                "/api/v1/cart:",
                "/api/v1/cart/checkout:",
                "name: Idempotency-Key")) {
            assertTrue(yml.contains(path), path);
        }
    }
}
