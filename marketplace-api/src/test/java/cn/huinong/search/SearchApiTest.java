package cn.huinong.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.Organizations;
import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import cn.huinong.support.SearchDocuments;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** GET /catalog/search and /suggest over the real Elasticsearch, plus the operator endpoints. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest {

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

    ElasticsearchClient es;
    SearchDocuments docs;
    Api api;

    @BeforeAll
    void seed() throws Exception {
        es = SearchDocuments.testElasticsearch();
        docs = new SearchDocuments(DelegatingDataSource.unwrapDataSource(dataSource), index, indexer);
        docs.reset(es);
        SearchCatalogData.seed(docs);
        docs.sync(es);
    }

    @AfterAll
    void close() throws Exception {
        es._transport().close();
    }

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    Api.Response search(String query) {
        return api.get("/api/v1/catalog/search?" + query, null);
    }

    static List<Long> ids(Api.Response r) {
        return r.items().stream().map(i -> ((Number) i.get("id")).longValue()).toList();
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Long> facet(Api.Response r, String name) {
        List<Map<String, Object>> buckets =
                (List<Map<String, Object>>) ((Map<String, Object>) r.get("facets")).get(name);
        return buckets.stream()
                .collect(Collectors.toMap(b -> (String) b.get("value"), b -> ((Number) b.get("count")).longValue()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> labels(Api.Response r, String name) {
        List<Map<String, Object>> buckets =
                (List<Map<String, Object>>) ((Map<String, Object>) r.get("facets")).get(name);
        return buckets.stream().collect(Collectors.toMap(b -> (String) b.get("value"), b -> (String) b.get("label")));
    }

    @Test
    void findsChineseKeywordsAndRanksNameMatchesAboveDescriptionMatches() {
        Api.Response r = search(q("茶叶"));
        assertEquals(200, r.status());
        assertEquals(false, r.get("degraded"));
        List<Long> ids = ids(r);
        assertTrue(ids.containsAll(List.of(1001L, 1002L, 1003L)), ids.toString());
        assertFalse(ids.contains(1007L), "unsearchable products are never found");
        assertFalse(ids.contains(1006L), "山茶油 has 茶 but not 茶叶");
        assertEquals(1002L, ids.get(0), "the name match first: " + ids);
        assertTrue(ids.indexOf(1001L) < ids.indexOf(1003L), "category above description-only: " + ids);
        assertEquals(3, ((Number) r.get("total")).intValue());
    }

    @Test
    void matchesTwoCharacterWordsAsBigramsNotAsLooseCharacters() {
        assertEquals(List.of(1002L), ids(search(q("毛尖"))));
        assertEquals(List.of(), ids(search(q("尖毛"))), "both characters occur, but not as this word");
        assertEquals(List.of(1006L), ids(search(q("山茶"))), "雷山银球茶 has 山 and 茶, not 山茶");
    }

    @Test
    void putsTheExactNameFirst() {
        List<Long> ids = ids(search(q("五常大米")));
        assertEquals(1004L, ids.get(0));
    }

    @Test
    void returnsTheApiShapeForEachItem() {
        Map<String, Object> tea = search(q("雷山银球茶")).items().get(0);
        assertEquals(1001, ((Number) tea.get("id")).intValue());
        assertEquals("雷山银球茶", tea.get("name"));
        assertEquals(12800, ((Number) tea.get("priceFen")).intValue());
        assertEquals("盒", tea.get("unit"));
        assertEquals("250g", tea.get("spec"));
        assertEquals(Map.of("id", 7, "name", "雷山县苗岭银球茶农民专业合作社"), tea.get("supplier"));
        assertEquals(
                Map.of("code", "522634", "name", "雷山县", "province", "520000", "provinceName", "贵州省"),
                tea.get("origin"));
        assertEquals(Map.of("id", 11, "name", "雷山银球茶", "kind", "REGIONAL_PUBLIC"), tea.get("brand"));
        assertEquals(List.of("GEOGRAPHICAL_INDICATION", "GREEN_FOOD"), tea.get("certifications"));
        assertEquals(true, tea.get("eligible"));
        assertEquals(10, ((Number) tea.get("stock")).intValue());
        assertTrue(((String) tea.get("highlight")).contains("<em>"), String.valueOf(tea.get("highlight")));

        Map<String, Object> sauce = search(q("酸汤鱼")).items().get(0);
        assertNull(sauce.get("brand"));
        assertEquals(List.of(), sauce.get("certifications"));
        Api.Response page = search("size=5&page=1");
        assertEquals(1, ((Number) page.get("page")).intValue());
        assertEquals(5, ((Number) page.get("size")).intValue());
        assertEquals(6, ((Number) page.get("total")).intValue());
    }

    @Test
    void highlightsTheMatchedWordsInTheName() {
        String hl = (String) search(q("毛尖")).items().get(0).get("highlight");
        assertTrue(hl.contains("<em>") && hl.contains("</em>") && hl.contains("都匀"), hl);
        assertFalse(hl.contains("<em>都匀"), hl);
    }

    List<Long> byPrice(String query) {
        Api.Response r = search(query + "&sort=price_asc");
        assertEquals(200, r.status(), r.body().toString());
        return ids(r);
    }

    @Test
    void filtersByEveryParameter() {
        assertEquals(List.of(1005L, 1001L, 1002L), byPrice("category=02"), "a root category finds its descendants");
        assertEquals(List.of(1001L, 1002L), byPrice("category=0201"));
        assertEquals(List.of(1005L, 1004L), byPrice("certification=ORGANIC"));
        assertEquals(
                List.of(1003L, 1001L, 1002L, 1006L).stream().sorted().toList(),
                byPrice("province=520000").stream().sorted().toList());
        assertEquals(List.of(1003L, 1001L), byPrice("county=522634"));
        assertEquals(List.of(1001L), byPrice("brand=11"));
        assertEquals(List.of(1005L), byPrice("brandKind=ENTERPRISE"));
        assertEquals(List.of(1004L, 1001L, 1006L), byPrice("minPriceFen=9900&maxPriceFen=15800"));
        assertEquals(List.of(1003L), byPrice("eligible=false"));
        assertEquals(List.of(1002L), byPrice("inStock=false"));
        assertEquals(byPrice(""), byPrice("supplier=7"), "the supplier's store shows all its products");
        assertEquals(List.of(), byPrice("supplier=8"));
        assertEquals(400, search("supplier=abc").status());
    }

    @Test
    void repeatedValuesAreOrWithinAFacetAndAndAcrossFacets() {
        assertEquals(List.of(1004L, 1001L, 1002L), byPrice("category=0201&category=0101"));
        assertEquals(List.of(1005L, 1004L, 1001L, 1006L), byPrice("certification=ORGANIC&certification=GREEN_FOOD"));
        assertEquals(List.of(1001L, 1006L), byPrice("province=520000&certification=GREEN_FOOD"));
        assertEquals(List.of(1001L), byPrice("province=520000&certification=GREEN_FOOD&category=02"));
        assertEquals(List.of(1003L, 1001L), byPrice("county=522634&county=999999"));
        assertEquals(List.of(), byPrice("brandKind=ENTERPRISE&province=520000"));
    }

    @Test
    void facetCountsIgnoreTheirOwnSelectionButNotTheOthers() {
        Api.Response all = search("");
        assertEquals(
                Map.of("GREEN_FOOD", 3L, "ORGANIC", 2L, "GEOGRAPHICAL_INDICATION", 1L, "ASSISTANCE_PRODUCT", 1L),
                facet(all, "certification"));
        assertEquals(Map.of("520000", 4L, "230000", 1L, "530000", 1L), facet(all, "province"));
        assertEquals(
                Map.of("02", 3L, "0201", 2L, "0202", 1L, "01", 2L, "0101", 1L, "0102", 1L, "03", 1L, "0301", 1L),
                facet(all, "category"));
        assertEquals(Map.of("11", 1L, "12", 1L, "13", 1L, "14", 1L, "15", 1L), facet(all, "brand"));
        assertEquals("绿色食品", labels(all, "certification").get("GREEN_FOOD"));
        assertEquals("贵州省", labels(all, "province").get("520000"));
        assertEquals("茶叶", labels(all, "category").get("0201"));
        assertEquals("肉禽蛋", labels(all, "category").get("02"), "a parent category is named from the category tree");
        assertEquals("雷山银球茶", labels(all, "brand").get("11"));

        Api.Response organic = search("certification=ORGANIC");
        assertEquals(2, ((Number) organic.get("total")).intValue());
        assertEquals(facet(all, "certification"), facet(organic, "certification"), "its own selection is ignored");
        assertEquals(Map.of("230000", 1L, "530000", 1L), facet(organic, "province"), "other facets are narrowed");
        assertEquals(Map.of("13", 1L, "14", 1L), facet(organic, "brand"));

        Api.Response guizhouGreen = search("province=520000&certification=GREEN_FOOD");
        assertEquals(Map.of("520000", 2L, "230000", 1L), facet(guizhouGreen, "province"));
        assertEquals(
                Map.of("GREEN_FOOD", 2L, "GEOGRAPHICAL_INDICATION", 1L, "ASSISTANCE_PRODUCT", 1L),
                facet(guizhouGreen, "certification"));

        Api.Response tea = search(q("茶叶") + "&eligible=true");
        assertEquals(Map.of("520000", 2L), facet(tea, "province"), "text and plain filters narrow every facet");
    }

    @Test
    void pagesThroughResults() {
        List<Long> all = byPrice("size=100");
        List<Long> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            Api.Response r = search("sort=price_asc&size=2&page=" + page);
            assertEquals(6, ((Number) r.get("total")).intValue());
            paged.addAll(ids(r));
        }
        assertEquals(all, paged);
        assertEquals(List.of(1003L, 1005L, 1004L, 1001L, 1006L, 1002L), all);
    }

    @Test
    void sortsByPriceSalesAndNewest() {
        assertEquals(List.of(1002L, 1006L, 1001L, 1004L, 1005L, 1003L), ids(search("sort=price_desc")));
        assertEquals(List.of(1004L, 1002L, 1005L, 1001L, 1006L, 1003L), ids(search("sort=sales")));
        assertEquals(List.of(1005L, 1002L, 1006L, 1001L, 1004L, 1003L), ids(search("sort=newest")), "unlisted last");
        assertEquals(
                List.of(1004L, 1005L, 1001L, 1006L, 1003L, 1002L),
                ids(search("sort=relevance")),
                "without words, relevance puts what is in stock and eligible first, then what sells");
    }

    @Test
    @SuppressWarnings("unchecked")
    void suggestsProductAndBrandNamesForThePrefix() {
        List<Map<String, Object>> list = suggest("都匀");
        assertTrue(
                list.stream()
                        .anyMatch(s ->
                                "都匀毛尖 茶叶礼盒".equals(s.get("text")) && ((Number) s.get("productId")).longValue() == 1002),
                list.toString());
        assertTrue(
                list.stream().anyMatch(s -> "都匀毛尖".equals(s.get("text")) && s.get("productId") == null),
                list.toString());
        assertEquals(List.of(), suggest("不存在的"));
        assertTrue(suggest("已下架").isEmpty(), "unsearchable products are not suggested");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> suggest(String prefix) {
        return client.toBlocking()
                .retrieve(
                        io.micronaut.http.HttpRequest.GET(
                                "/api/v1/catalog/suggest?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8)),
                        io.micronaut.core.type.Argument.listOf(
                                io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void rejectsBadParametersWithChineseProblems() {
        Api.Response r = search("minPriceFen=5000&maxPriceFen=100");
        assertEquals(400, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(r.violatedFields().contains("minPriceFen"));
        assertTrue(r.violations().get(0).get("message").toString().contains("最低价格"));
        assertEquals(List.of("sort"), search("sort=cheapest").violatedFields());
        assertEquals(List.of("size"), search("size=101").violatedFields());
        assertEquals(List.of("page"), search("page=-1").violatedFields());
        assertEquals(List.of("certification"), search("certification=SHINY").violatedFields());
        assertEquals(List.of("brandKind"), search("brandKind=COOL").violatedFields());
        assertEquals(List.of("province"), search("province=522634").violatedFields());
        assertEquals(400, search("eligible=maybe").status());
        assertEquals(400, search("page=200&size=100").status());
        assertEquals(400, search("minPriceFen=abc").status());
    }

    @Test
    void onlyOperatorsSeeStatusAndRebuild() throws Exception {
        String buyer = api.login(Fixtures.provisioned(organizations, OrganizationKind.BUYER), Fixtures.PASSWORD);
        String operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);
        assertEquals(401, api.get("/api/v1/search/index/status", null).status());
        assertEquals(403, api.get("/api/v1/search/index/status", buyer).status());
        assertEquals(
                403, api.post("/api/v1/search/index/rebuild", Map.of(), buyer).status());
        assertEquals(403, api.get("/api/v1/search/index/metrics", buyer).status());

        Api.Response status = api.get("/api/v1/search/index/status", operator);
        assertEquals(200, status.status(), status.body().toString());
        assertEquals("test-catalog", status.get("alias"));
        assertEquals(6, ((Number) status.get("docCount")).intValue());
        assertEquals(0, ((Number) status.get("backlog")).intValue());
        assertEquals(true, status.get("engineAvailable"));
        String before = (String) status.get("index");

        Api.Response metrics = api.get("/api/v1/search/index/metrics", operator);
        assertEquals(200, metrics.status());
        assertEquals(0, ((Number) metrics.get("backlog")).intValue());

        Api.Response started = api.post("/api/v1/search/index/rebuild", Map.of(), operator);
        assertEquals(202, started.status(), started.body().toString());
        Map<String, Object> rebuild = Map.of();
        for (int i = 0; i < 100; i++) {
            rebuild = rebuildOf(api.get("/api/v1/search/index/status", operator));
            if ("DONE".equals(rebuild.get("state")) || "FAILED".equals(rebuild.get("state"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("DONE", rebuild.get("state"), rebuild.toString());
        assertEquals(6, ((Number) rebuild.get("done")).intValue());
        assertEquals(6, ((Number) rebuild.get("total")).intValue());
        Api.Response after = api.get("/api/v1/search/index/status", operator);
        assertNotEquals(before, after.get("index"));
        assertEquals(6, ((Number) after.get("docCount")).intValue());
        assertEquals(6, ((Number) search("").get("total")).intValue(), "search goes on over the new index");

        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                var rs = c.createStatement()
                        .executeQuery(
                                "SELECT count(*) FROM audit_event WHERE action = 'SEARCH_INDEX_REBUILD_REQUESTED'")) {
            rs.next();
            assertTrue(rs.getLong(1) >= 1, "the rebuild request is audited");
        }
    }

    @Test
    void operatorsSeeTheRequestSentToElasticsearchAndItAnswersTheSame() throws Exception {
        String operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);
        String buyer = api.login(Fixtures.provisioned(organizations, OrganizationKind.BUYER), Fixtures.PASSWORD);
        String query = q("茶") + "&certification=GREEN_FOOD&certification=ORGANIC&sort=price_asc";
        assertEquals(403, api.get("/api/v1/search/explain?" + query, buyer).status());

        Api.Response explained = api.get("/api/v1/search/explain?" + query, operator);
        assertEquals(200, explained.status(), explained.body().toString());
        assertEquals("test-catalog", explained.get("index"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) explained.get("body");
        assertTrue(
                body.keySet().containsAll(List.of("query", "post_filter", "aggregations", "sort")),
                body.keySet().toString());

        String esUrl = System.getenv().getOrDefault("HUINONG_TEST_ES_URL", "http://127.0.0.1:9202");
        String direct = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(esUrl + "/test-catalog/_search"))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        long total = ((Number) search(query).get("total")).longValue();
        assertTrue(total > 0);
        assertTrue(direct.contains("\"total\":{\"value\":" + total + ","), direct);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> rebuildOf(Api.Response status) {
        return (Map<String, Object>) status.get("rebuild");
    }
}
