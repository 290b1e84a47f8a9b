package cn.huinong.search.internal;

import static cn.huinong.support.SearchDocuments.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.indexer.text.Synonyms;
import cn.huinong.search.CatalogSearch;
import cn.huinong.search.SearchCatalogData;
import cn.huinong.search.SearchItem;
import cn.huinong.search.SearchQuery;
import cn.huinong.search.SearchResult;
import cn.huinong.search.SearchResult.FacetBucket;
import cn.huinong.search.Suggestion;
import cn.huinong.support.SearchDocuments;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What canteen buyers type, answered by both engines (the real Elasticsearch and the PostgreSQL fallback): parent
 * categories, origins (short forms too), provinces, certifications by name, pinyin, initials, a homophone typed by
 * mistake, synonyms; name matches ranked above supplier-name matches; the county facet; suggestions inside names
 * and from initials. Every seeded product's supplier is 雷山县苗岭银球茶农民专业合作社, so 银球茶 and 雷山 also match
 * every product through the supplier's name.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatBuyersTypeTest {

    enum Engine {
        ELASTICSEARCH,
        POSTGRES
    }

    @Inject
    DataSource dataSource;

    @Inject
    CatalogIndex index;

    @Inject
    OutboxIndexer indexer;

    @Inject
    ElasticsearchEngine elasticsearch;

    @Inject
    PostgresEngine postgres;

    @Inject
    CatalogSearch search;

    ElasticsearchClient es;

    @BeforeAll
    void seed() throws Exception {
        es = SearchDocuments.testElasticsearch();
        SearchDocuments docs = new SearchDocuments(DelegatingDataSource.unwrapDataSource(dataSource), index, indexer);
        docs.reset(es);
        SearchCatalogData.seed(docs);
        docs.put(doc(1008, "威宁马铃薯 10斤装")
                .category("薯类", "04", "0401")
                .categoryNames("蔬菜", "薯类")
                .origin("520526", "威宁彝族回族苗族自治县", "520000", "贵州省")
                .prefecture("毕节市")
                .price(3000, "袋", "5kg")
                .stock(50));
        docs.sync(es);
    }

    @AfterAll
    void close() throws Exception {
        es._transport().close();
    }

    SearchResult search(Engine engine, SearchQuery q) throws Exception {
        ValidQuery vq = DefaultCatalogSearch.validate(q, Synonyms.bundled());
        return engine == Engine.ELASTICSEARCH ? elasticsearch.search(vq) : postgres.search(vq);
    }

    Set<Long> found(Engine engine, String text) throws Exception {
        return Set.copyOf(ids(search(engine, SearchQuery.text(text))));
    }

    static List<Long> ids(SearchResult r) {
        return r.items().stream().map(SearchItem::id).toList();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void findsProductsByTheirParentCategoryAndOrigin(Engine engine) throws Exception {
        assertEquals(Set.of(1001L, 1002L, 1005L), found(engine, "饮品"), "饮品 is the parent of 茶叶 and 咖啡");
        assertEquals(Set.of(1001L, 1003L), found(engine, "黔东南"), "short for 黔东南苗族侗族自治州");
        assertEquals(Set.of(1001L, 1002L, 1003L, 1006L, 1008L), found(engine, "贵州"));
        assertEquals(Set.of(1008L), found(engine, "威宁"), "short for 威宁彝族回族苗族自治县");
        assertEquals(Set.of(1008L), found(engine, "毕节"));
        assertTrue(found(engine, "茶叶").containsAll(Set.of(1001L, 1002L)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void findsProductsByCertificationName(Engine engine) throws Exception {
        assertEquals(Set.of(1001L, 1004L, 1006L), found(engine, "绿色食品"));
        assertEquals(Set.of(1004L, 1005L), found(engine, "有机"));
        assertEquals(Set.of(1001L), found(engine, "地理标志"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void findsPinyinInitialsAndHomophones(Engine engine) throws Exception {
        assertEquals(Set.of(1004L), found(engine, "dami"));
        assertEquals(Set.of(1004L), found(engine, "wuchang"));
        assertTrue(found(engine, "yinqiucha").contains(1001L));
        assertEquals(Set.of(1001L), found(engine, "yqc"));
        assertEquals(1001L, ids(search(engine, SearchQuery.text("银求茶"))).get(0), "求 sounds like 球");
        assertEquals(Set.of(), found(engine, "xyzxyz"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void findsSynonyms(Engine engine) throws Exception {
        assertEquals(Set.of(1008L), found(engine, "马铃薯"));
        assertEquals(Set.of(1008L), found(engine, "土豆"));
        assertEquals(Set.of(1008L), found(engine, "洋芋"));
        assertEquals(Set.of(1004L), found(engine, "稻米"));
    }

    @Test
    void elasticsearchForgivesAWrongLetterOrCharacter() throws Exception {
        assertTrue(found(Engine.ELASTICSEARCH, "yinqiuca").contains(1001L), "one letter missing");
        assertEquals(
                1001L,
                ids(search(Engine.ELASTICSEARCH, SearchQuery.text("银球荼"))).get(0),
                "荼 is not a homophone: two of three characters");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ranksANameMatchAboveSupplierNameMatches(Engine engine) throws Exception {
        List<Long> ids = ids(search(engine, SearchQuery.text("银球茶")));
        assertEquals(7, ids.size(), "every product's supplier is a 银球茶 cooperative");
        assertEquals(1001L, ids.get(0));
        List<Long> lei = ids(search(engine, SearchQuery.text("雷山")));
        assertEquals(1001L, lei.get(0), "雷山银球茶 is named so; the others only come from 雷山");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void countyFacetCountsIgnoreItsOwnSelection(Engine engine) throws Exception {
        SearchQuery guizhou = new SearchQuery(
                null, null, null, List.of("520000"), null, null, null, null, null, null, null, null, null, null, null);
        Map<String, Long> counties = counts(search(engine, guizhou).facets().county());
        assertEquals(Map.of("522634", 2L, "522701", 1L, "522631", 1L, "520526", 1L), counties);
        assertEquals(
                "雷山县",
                search(engine, guizhou).facets().county().stream()
                        .filter(b -> b.value().equals("522634"))
                        .findFirst()
                        .orElseThrow()
                        .label());
        SearchQuery leishan = new SearchQuery(
                null,
                null,
                null,
                List.of("520000"),
                List.of("522634"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        SearchResult r = search(engine, leishan);
        assertEquals(Set.of(1001L, 1003L), Set.copyOf(ids(r)));
        assertEquals(counties, counts(r.facets().county()), "the county facet still offers the other counties");
        assertEquals(
                2L,
                counts(r.facets().certification()).values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void suggestsFromInsideNamesAndFromInitials(Engine engine) throws Exception {
        assertEquals("雷山银球茶", suggest(engine, "球茶").get(0).text(), "inside the name, not only its start");
        assertEquals("雷山银球茶", suggest(engine, "yqc").get(0).text());
        assertEquals(1001L, suggest(engine, "yqc").get(0).productId());
        List<Suggestion> rice = suggest(engine, "大米");
        assertEquals("五常大米", rice.get(0).text());
        assertEquals(1, rice.stream().filter(s -> s.text().equals("五常大米")).count(), "name and brand once");
    }

    @Test
    void elasticsearchSuggestsFromPinyinInPart() throws Exception {
        assertEquals("雷山银球茶", suggest(Engine.ELASTICSEARCH, "yinqiu").get(0).text());
    }

    @Test
    void helpsWhenNothingIsFound() {
        SearchQuery inDuyun = new SearchQuery(
                "黔东南", null, null, null, List.of("522701"), null, null, null, null, null, null, null, null, null, null);
        SearchResult none = search.search(inDuyun);
        assertEquals(0, none.total());
        assertEquals(new SearchResult.Relaxed("county", "区县", 2), none.help().withoutFilter());

        SearchResult twoWords = search.search(SearchQuery.text("黔东南 咖啡"));
        assertEquals(0, twoWords.total());
        assertEquals("黔东南", twoWords.help().didYouMean(), "黔东南 finds two products, 咖啡 one");

        SearchResult tea = search.search(SearchQuery.text("明前茶叶礼品券"));
        assertEquals(0, tea.total());
        assertEquals(new SearchResult.CategoryHint("05", "茶叶"), tea.help().nearestCategory());

        assertEquals(null, search.search(SearchQuery.text("茶叶")).help(), "no help when something is found");
    }

    List<Suggestion> suggest(Engine engine, String input) throws Exception {
        return engine == Engine.ELASTICSEARCH ? elasticsearch.suggest(input) : postgres.suggest(input);
    }

    static Map<String, Long> counts(List<FacetBucket> buckets) {
        return buckets.stream().collect(Collectors.toMap(FacetBucket::value, FacetBucket::count));
    }
}
