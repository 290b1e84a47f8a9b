package cn.huinong.search;

import static cn.huinong.search.SearchApiTest.facet;
import static cn.huinong.search.SearchApiTest.ids;
import static cn.huinong.search.SearchApiTest.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.Organizations;
import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import cn.huinong.support.SearchDocuments;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The search engine is unreachable (a closed port): search answers from PostgreSQL with degraded: true. */
@MicronautTest(transactional = false)
@Property(name = "huinong.elasticsearch.url", value = "http://127.0.0.1:1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DegradedSearchTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    CatalogIndex index;

    @Inject
    OutboxIndexer indexer;

    @Inject
    Organizations organizations;

    Api api;

    @BeforeAll
    void seed() throws Exception {
        SearchDocuments docs = new SearchDocuments(DelegatingDataSource.unwrapDataSource(dataSource), index, indexer);
        docs.reset(null);
        SearchCatalogData.seed(docs);
    }

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    Api.Response search(String query) {
        Api.Response r = api.get("/api/v1/catalog/search?" + query, null);
        assertEquals(200, r.status(), r.body().toString());
        assertEquals(true, r.get("degraded"), "answered without the engine");
        return r;
    }

    @Test
    void findsKeywordsWithNameMatchesFirst() {
        List<Long> ids = ids(search(q("茶叶")));
        assertEquals(3, ids.size(), ids.toString());
        assertTrue(ids.containsAll(List.of(1001L, 1002L, 1003L)));
        assertEquals(1002L, ids.get(0));
        assertFalse(ids.contains(1007L));
        assertEquals(List.of(), ids(search(q("尖毛"))));
        String hl = (String) search(q("毛尖")).items().get(0).get("highlight");
        assertEquals("都匀<em>毛尖</em> 茶叶礼盒", hl);
    }

    @Test
    void appliesTheSameFiltersSortsAndFacets() {
        assertEquals(List.of(1005L, 1001L, 1002L), ids(search("category=02&sort=price_asc")));
        assertEquals(List.of(1001L, 1006L), ids(search("province=520000&certification=GREEN_FOOD&sort=price_asc")));
        assertEquals(List.of(1004L, 1001L, 1006L), ids(search("minPriceFen=9900&maxPriceFen=15800&sort=price_asc")));
        assertEquals(List.of(1003L), ids(search("eligible=false")));
        assertEquals(List.of(1002L), ids(search("inStock=false")));
        assertEquals(List.of(1005L), ids(search("brandKind=ENTERPRISE")));
        assertEquals(List.of(1003L, 1001L), ids(search("county=522634&sort=price_asc")));
        assertEquals(List.of(1005L, 1002L, 1006L, 1001L, 1004L, 1003L), ids(search("sort=newest")));
        assertEquals(List.of(1004L, 1002L), ids(search("sort=sales&size=2")));

        Api.Response organic = search("certification=ORGANIC");
        assertEquals(
                Map.of("GREEN_FOOD", 3L, "ORGANIC", 2L, "GEOGRAPHICAL_INDICATION", 1L, "ASSISTANCE_PRODUCT", 1L),
                facet(organic, "certification"));
        assertEquals(Map.of("230000", 1L, "530000", 1L), facet(organic, "province"));
        assertEquals(Map.of("13", 1L, "14", 1L), facet(organic, "brand"));
        assertEquals(Map.of("01", 1L, "0101", 1L, "02", 1L, "0202", 1L), facet(organic, "category"));
    }

    @Test
    void suggestsFromTheDatabase() {
        List<Map<String, Object>> list = client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/api/v1/catalog/suggest?q=" + URLEncoder.encode("都匀", StandardCharsets.UTF_8)),
                        Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals("都匀毛尖 茶叶礼盒", list.get(0).get("text"));
        assertEquals(1002, ((Number) list.get(0).get("productId")).intValue());
        assertTrue(
                list.stream().anyMatch(s -> "都匀毛尖".equals(s.get("text")) && s.get("productId") == null),
                list.toString());
    }

    @Test
    void stillValidatesAndReportsTheEngineDownToOperators() {
        assertEquals(
                400,
                api.get("/api/v1/catalog/search?minPriceFen=9&maxPriceFen=1", null)
                        .status());
        String operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);
        Api.Response status = api.get("/api/v1/search/index/status", operator);
        assertEquals(200, status.status(), status.body().toString());
        assertEquals(false, status.get("engineAvailable"));
        assertEquals(7, ((Number) status.get("backlog")).intValue(), "the outbox waits for the engine");
    }
}
