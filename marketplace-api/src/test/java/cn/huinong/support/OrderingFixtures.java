package cn.huinong.support;

import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.Organizations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builders for ordering tests: buyer units, listed products with a price and stock, checkout bodies. */
public final class OrderingFixtures {

    public static final String ADDRESS = "贵州省贵阳市南明区市政府机关食堂";

    public record Buyer(long organizationId, String username, String token) {}

    private OrderingFixtures() {}

    /** An approved buyer unit (采购单位) with its admin user, logged in. */
    public static Buyer buyer(Organizations organizations, Api api) {
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        return login(api, username);
    }

    @SuppressWarnings("unchecked")
    public static Buyer login(Api api, String username) {
        Api.Response r = CatalogFixtures.expect(
                200, api.post("/api/v1/auth/login", Map.of("username", username, "password", Fixtures.PASSWORD), null));
        Map<String, Object> user = (Map<String, Object>) r.get("user");
        return new Buyer(((Number) user.get("organizationId")).longValue(), username, (String) r.get("accessToken"));
    }

    /** A LISTED product of the supplier with this price and stock. */
    public static long listed(Api api, CatalogFixtures.Supplier supplier, String operator, long priceFen, int stock) {
        return listed(api, supplier, operator, priceFen, stock, CatalogFixtures.LEISHAN);
    }

    public static long listed(
            Api api,
            CatalogFixtures.Supplier supplier,
            String operator,
            long priceFen,
            int stock,
            String originRegionCode) {
        Map<String, Object> body = CatalogFixtures.product();
        body.put("priceFen", priceFen);
        body.put("stock", stock);
        body.put("originRegionCode", originRegionCode);
        return CatalogFixtures.listed(api, supplier.token(), operator, body);
    }

    public static Map<String, Object> line(long productId, int quantity) {
        return Map.of("productId", productId, "quantity", quantity);
    }

    @SafeVarargs
    public static Map<String, Object> checkout(Map<String, Object>... lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("lines", List.of(lines));
        body.put("deliveryAddress", ADDRESS);
        body.put("channel", "CANTEEN");
        return body;
    }

    /** POST /api/v1/orders with an Idempotency-Key (null: none). */
    public static Api.Response place(Api api, String token, String idempotencyKey, Map<String, Object> body) {
        MutableHttpRequest<?> request = HttpRequest.POST("/api/v1/orders", body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return api.send(request, token);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> orders(Api.Response checkout) {
        return (List<Map<String, Object>>) checkout.get("orders");
    }

    public static long id(Map<String, Object> m) {
        return ((Number) m.get("id")).longValue();
    }

    public static long fen(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    /** The product's stock as its supplier sees it. */
    public static int stock(Api api, CatalogFixtures.Supplier supplier, long productId) {
        return ((Number) CatalogFixtures.expect(200, api.get("/api/v1/products/" + productId, supplier.token()))
                        .get("stock"))
                .intValue();
    }
}
