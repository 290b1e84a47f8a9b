package cn.huinong.catalog;

import static cn.huinong.support.CatalogFixtures.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.huinong.identity.Organizations;
import cn.huinong.region.Designations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ProductVisibilityTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    Api api;
    Supplier supplier;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        supplier = CatalogFixtures.supplier(organizations, api);
        operator = CatalogFixtures.operator(organizations, api);
    }

    @Test
    void anonymousSeesOnlyListedProductsOwnerAndOperatorSeeAll() {
        long id = CatalogFixtures.create(api, supplier.token(), CatalogFixtures.product());
        String path = "/api/v1/products/" + id;
        assertEquals(404, api.get(path, null).status());
        assertEquals(
                404,
                api.get(path, CatalogFixtures.supplier(organizations, api).token())
                        .status());
        assertEquals("DRAFT", expect(200, api.get(path, supplier.token())).get("status"));
        assertEquals("DRAFT", expect(200, api.get(path, operator)).get("status"));

        expect(200, api.post(path + "/submission", Map.of(), supplier.token()));
        expect(200, api.post(path + "/decision", Map.of("decision", "APPROVE"), operator));
        Api.Response page = expect(200, api.get(path, null));
        assertEquals("LISTED", page.get("status"));
        assertEquals(
                Map.of("id", supplier.id(), "name", ((Map<?, ?>) page.get("supplier")).get("name")),
                Map.of(
                        "id",
                        ((Number) ((Map<?, ?>) page.get("supplier")).get("id")).longValue(),
                        "name",
                        ((Map<?, ?>) page.get("supplier")).get("name")));
        Map<?, ?> origin = (Map<?, ?>) page.get("origin");
        assertEquals("522634", origin.get("code"));
        assertEquals("雷山县", origin.get("name"));
        assertEquals("520000", origin.get("province"));
        assertEquals("贵州省", origin.get("provinceName"));
        assertEquals(true, page.get("eligible"));
        assertEquals(List.of("05", "0501"), ((Map<?, ?>) page.get("category")).get("path"));
        assertNull(page.get("brand"));
        assertNull(page.get("priceFlagged"), "review notes are for the owner and operators");
        assertEquals(false, expect(200, api.get(path, supplier.token())).get("priceFlagged"));
    }
}
