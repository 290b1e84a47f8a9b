package cn.huinong.catalog;

import static cn.huinong.support.CatalogFixtures.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.identity.Organizations;
import cn.huinong.region.Designations;
import cn.huinong.shared.PageQuery;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class PriceAlertTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    @Inject
    AuditLog audit;

    @Test
    void flagsAPriceFarAboveTheCategoryMedianOnceFivePeersAreListed() {
        Api api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        Supplier supplier = CatalogFixtures.supplier(organizations, api);
        String operator = CatalogFixtures.operator(organizations, api);
        String unit = "箱" + ThreadLocalRandom.current().nextInt(100000); // a unit no other test uses
        long[] peers = {9000, 10000, 10000, 11000};
        for (long price : peers) {
            CatalogFixtures.listed(api, supplier.token(), operator, priced(unit, price));
        }
        long tooFew = CatalogFixtures.create(api, supplier.token(), priced(unit, 50000));
        assertEquals(
                false,
                expect(200, api.get("/api/v1/products/" + tooFew, supplier.token()))
                        .get("priceFlagged"),
                "four peers are not enough to judge");

        CatalogFixtures.listed(api, supplier.token(), operator, priced(unit, 12000));
        long atThreeTimes = CatalogFixtures.create(api, supplier.token(), priced(unit, 30000));
        assertEquals(
                false,
                expect(200, api.get("/api/v1/products/" + atThreeTimes, supplier.token()))
                        .get("priceFlagged"));

        long dear = CatalogFixtures.create(api, supplier.token(), priced(unit, 30001));
        Api.Response page = expect(200, api.get("/api/v1/products/" + dear, supplier.token()));
        assertEquals(true, page.get("priceFlagged"));
        assertEquals(
                "价格 300.01 元/" + unit + " 是同品类已上架商品中位价 100.00 元/" + unit + " 的 3.0 倍（5 个商品，超过 3 倍即提示）",
                page.get("priceFlagReason"));
        assertTrue(expect(200, api.get("/api/v1/products/price-alerts?size=200", operator)).items().stream()
                .anyMatch(p -> ((Number) p.get("id")).longValue() == dear));
        assertEquals(
                1,
                audit.search(
                                new AuditQuery(
                                        null, "PRODUCT_PRICE_FLAGGED", "product", String.valueOf(dear), null, null),
                                PageQuery.of(0, 5))
                        .total());
        assertEquals(
                403, api.get("/api/v1/products/price-alerts", supplier.token()).status());

        Map<String, Object> cheaper = priced(unit, 15000);
        cheaper.put("name", page.get("name"));
        assertEquals(
                false,
                expect(200, api.put("/api/v1/products/" + dear, cheaper, supplier.token()))
                        .get("priceFlagged"));
        assertFalse(expect(200, api.get("/api/v1/products/price-alerts?size=200", operator)).items().stream()
                .anyMatch(p -> ((Number) p.get("id")).longValue() == dear));
    }

    private static Map<String, Object> priced(String unit, long priceFen) {
        Map<String, Object> body = CatalogFixtures.product();
        body.put("unit", unit);
        body.put("priceFen", priceFen);
        return body;
    }
}
