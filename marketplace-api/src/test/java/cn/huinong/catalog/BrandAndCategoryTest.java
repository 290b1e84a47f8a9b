package cn.huinong.catalog;

import static cn.huinong.support.CatalogFixtures.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.region.Designations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogDb;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class BrandAndCategoryTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    @Inject
    CatalogDb db;

    @Test
    @SuppressWarnings("unchecked")
    void servesTheCategoryTreeAnonymously() {
        List<Map<String, Object>> tree = client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/api/v1/catalog/categories"),
                        Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(tree.size() >= 10);
        Map<String, Object> grain = tree.get(0);
        assertEquals("01", grain.get("code"));
        assertEquals("粮油", grain.get("name"));
        Map<String, Object> rice = ((List<Map<String, Object>>) grain.get("children")).get(0);
        assertEquals("0101", rice.get("code"));
        assertEquals(
                "010101",
                ((List<Map<String, Object>>) rice.get("children")).get(0).get("code"));
        assertTrue(tree.stream()
                .map(c -> c.get("name"))
                .toList()
                .containsAll(List.of("肉禽蛋", "蔬菜", "水果", "茶叶", "干货菌菇", "调味品", "水产", "中药材", "加工食品")));
    }

    @Test
    void suppliersCreateOwnBrandsOperatorsRegionalPublicOnes() {
        Api api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        Supplier supplier = CatalogFixtures.supplier(organizations, api);
        String operator = CatalogFixtures.operator(organizations, api);

        Api.Response own =
                expect(201, api.post("/api/v1/brands", Map.of("name", "苗岭银球", "kind", "ENTERPRISE"), supplier.token()));
        assertEquals(
                409,
                api.post("/api/v1/brands", Map.of("name", "苗岭银球", "kind", "PRODUCT"), supplier.token())
                        .status());
        assertEquals(
                403,
                api.post(
                                "/api/v1/brands",
                                Map.of("name", "雷山银球茶", "kind", "REGIONAL_PUBLIC", "regionCode", "522634"),
                                supplier.token())
                        .status());
        Api.Response noRegion = api.post("/api/v1/brands", Map.of("name", "黔货出山", "kind", "REGIONAL_PUBLIC"), operator);
        assertEquals(400, noRegion.status());
        assertEquals(List.of("regionCode"), noRegion.violatedFields());
        Api.Response regional = expect(
                201,
                api.post(
                        "/api/v1/brands",
                        Map.of(
                                "name",
                                "雷山银球茶" + own.get("id"),
                                "kind",
                                "REGIONAL_PUBLIC",
                                "regionCode",
                                "522634",
                                "inNationalCatalogue",
                                true),
                        operator));
        assertEquals("雷山县", regional.get("regionName"));

        Api.Response mine = expect(200, api.get("/api/v1/brands?mine=true", supplier.token()));
        assertEquals(1, ((Number) mine.get("total")).intValue());
        assertEquals("苗岭银球", mine.items().get(0).get("name"));

        Map<String, Object> body = CatalogFixtures.product();
        body.put("brandId", regional.get("id"));
        long id = CatalogFixtures.listed(api, supplier.token(), operator, body);
        Map<?, ?> brand =
                (Map<?, ?>) expect(200, api.get("/api/v1/products/" + id, null)).get("brand");
        assertEquals("REGIONAL_PUBLIC", brand.get("kind"));
        Map<String, Object> doc = db.document(id);
        assertEquals(regional.get("name"), doc.get("brandName"));
        assertEquals("REGIONAL_PUBLIC", doc.get("brandKind"));

        Supplier other = CatalogFixtures.supplier(organizations, api);
        Map<String, Object> foreign = CatalogFixtures.product();
        foreign.put("brandId", own.get("id"));
        assertEquals(
                List.of("brandId"),
                api.post("/api/v1/products", foreign, other.token()).violatedFields());
    }
}
