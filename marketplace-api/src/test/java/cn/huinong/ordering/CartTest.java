package cn.huinong.ordering;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.OrderingFixtures.fen;
import static cn.huinong.support.OrderingFixtures.orders;
import static cn.huinong.support.OrderingFixtures.stock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.huinong.identity.Organizations;
import cn.huinong.region.Designations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import cn.huinong.support.OrderingFixtures;
import cn.huinong.support.OrderingFixtures.Buyer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CartTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    Api api;
    Supplier a;
    Supplier b;
    String operator;
    Buyer buyer;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        a = CatalogFixtures.supplier(organizations, api);
        b = CatalogFixtures.supplier(organizations, api);
        operator = CatalogFixtures.operator(organizations, api);
        buyer = OrderingFixtures.buyer(organizations, api);
    }

    Api.Response checkoutCart(String key) {
        return api.send(
                HttpRequest.POST(
                                "/api/v1/cart/checkout",
                                Map.of("deliveryAddress", OrderingFixtures.ADDRESS, "channel", "UNION"))
                        .header("Idempotency-Key", key),
                buyer.token());
    }

    @Test
    @SuppressWarnings("unchecked")
    void buildsACartAndChecksItOutPerSupplier() {
        long tea = OrderingFixtures.listed(api, a, operator, 12800, 10);
        long rice = OrderingFixtures.listed(api, b, operator, 3000, 10);
        long dropped = OrderingFixtures.listed(api, b, operator, 100, 10);
        expect(200, api.put("/api/v1/cart/lines/" + tea, Map.of("quantity", 1), buyer.token()));
        expect(200, api.put("/api/v1/cart/lines/" + rice, Map.of("quantity", 2), buyer.token()));
        expect(200, api.put("/api/v1/cart/lines/" + dropped, Map.of("quantity", 2), buyer.token()));
        expect(200, api.put("/api/v1/cart/lines/" + tea, Map.of("quantity", 3), buyer.token()));
        Map<String, Object> cart = expect(
                        200, api.send(HttpRequest.DELETE("/api/v1/cart/lines/" + dropped), buyer.token()))
                .body();
        assertEquals(3 * 12800 + 2 * 3000, fen(cart, "totalFen"));
        assertEquals(2, ((List<?>) cart.get("lines")).size());
        assertEquals(
                404,
                api.put(
                                "/api/v1/cart/lines/"
                                        + CatalogFixtures.create(api, a.token(), CatalogFixtures.product()),
                                Map.of("quantity", 1),
                                buyer.token())
                        .status(),
                "not purchasable");
        assertEquals(403, api.get("/api/v1/cart", a.token()).status());

        String key = UUID.randomUUID().toString();
        Api.Response placed = expect(201, checkoutCart(key));
        List<Map<String, Object>> orders = orders(placed);
        assertEquals(2, orders.size());
        assertEquals(
                List.of("UNION", "UNION"),
                orders.stream().map(o -> o.get("channel")).toList());
        assertEquals(
                3 * 12800 + 2 * 3000,
                orders.stream().mapToLong(o -> fen(o, "totalFen")).sum());
        assertEquals(7, stock(api, a, tea));
        assertEquals(8, stock(api, b, rice));
        assertEquals(
                List.of(), expect(200, api.get("/api/v1/cart", buyer.token())).get("lines"));
        assertEquals(placed.body(), expect(201, checkoutCart(key)).body(), "replayed, not placed again");
        assertEquals(422, checkoutCart(UUID.randomUUID().toString()).status(), "the cart is empty");
    }

    @Test
    void aShortCartLineRefusesTheCheckoutAndKeepsTheCart() {
        long tea = OrderingFixtures.listed(api, a, operator, 12800, 10);
        long scarce = OrderingFixtures.listed(api, b, operator, 3000, 2);
        expect(200, api.put("/api/v1/cart/lines/" + tea, Map.of("quantity", 1), buyer.token()));
        expect(200, api.put("/api/v1/cart/lines/" + scarce, Map.of("quantity", 2), buyer.token()));
        expect(
                201,
                OrderingFixtures.place(
                        api,
                        OrderingFixtures.buyer(organizations, api).token(),
                        null,
                        OrderingFixtures.checkout(OrderingFixtures.line(scarce, 1))));

        Map<String, Object> cart =
                expect(200, api.get("/api/v1/cart", buyer.token())).body();
        assertEquals(12800, fen(cart, "totalFen"), "the short line is marked unavailable");
        assertEquals(409, checkoutCart(UUID.randomUUID().toString()).status());
        assertEquals(10, stock(api, a, tea));
        assertEquals(
                2,
                ((List<?>) expect(200, api.get("/api/v1/cart", buyer.token())).get("lines")).size());
        assertEquals(
                List.of(),
                expect(200, api.send(HttpRequest.DELETE("/api/v1/cart"), buyer.token()))
                        .get("lines"));
    }
}
