package cn.huinong.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.indexer.text.Synonyms;
import cn.huinong.search.SearchCatalogData;
import cn.huinong.search.SearchItem;
import cn.huinong.search.SearchQuery;
import cn.huinong.search.SearchResult;
import cn.huinong.support.SearchDocuments;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The degraded engine (PostgreSQL) answers like Elasticsearch for the same data: hits, order, totals, facets. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameAnswersTest {

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

    ElasticsearchClient es;

    @BeforeAll
    void seed() throws Exception {
        es = SearchDocuments.testElasticsearch();
        SearchDocuments docs = new SearchDocuments(DelegatingDataSource.unwrapDataSource(dataSource), index, indexer);
        docs.reset(es);
        SearchCatalogData.seed(docs);
        docs.sync(es);
    }

    @AfterAll
    void close() throws Exception {
        es._transport().close();
    }

    static SearchQuery query(
            String q,
            List<String> category,
            List<String> certification,
            List<String> province,
            Long min,
            Long max,
            Boolean eligible,
            String sort,
            Integer page,
            Integer size) {
        return new SearchQuery(
                q,
                category,
                certification,
                province,
                null,
                null,
                null,
                null,
                min,
                max,
                eligible,
                null,
                sort,
                page,
                size);
    }

    static List<SearchQuery> queries() {
        return List.of(
                query(null, null, null, null, null, null, null, "price_asc", null, null),
                query(null, null, null, null, null, null, null, "relevance", null, null),
                query("茶叶", null, null, null, null, null, null, "price_asc", null, null),
                query("茶", null, null, null, null, null, null, "sales", null, null),
                query("毛尖 礼盒", null, null, null, null, null, null, null, null, null),
                query(null, List.of("02"), null, null, null, null, null, "newest", null, null),
                query(null, null, List.of("ORGANIC", "GREEN_FOOD"), null, null, null, null, "price_desc", null, null),
                query(
                        null,
                        List.of("01", "02"),
                        List.of("GREEN_FOOD"),
                        List.of("520000"),
                        null,
                        null,
                        null,
                        "price_asc",
                        null,
                        null),
                query(null, null, null, null, 5000L, 16000L, true, "price_asc", null, null),
                query("茶", null, null, null, null, null, null, "price_asc", 1, 2),
                // what buyers type: an origin (short forms too), a province, a certification, pinyin, initials,
                // a homophone typed by mistake, a synonym, a parent category
                query("雷山", null, null, null, null, null, null, null, null, null),
                query("黔东南", null, null, null, null, null, null, null, null, null),
                query("贵州 茶叶", null, null, null, null, null, null, null, null, null),
                query("绿色食品", null, null, null, null, null, null, null, null, null),
                query("yinqiucha", null, null, null, null, null, null, null, null, null),
                query("yqc", null, null, null, null, null, null, null, null, null),
                query("银求茶", null, null, null, null, null, null, null, null, null),
                query("稻米", null, null, null, null, null, null, null, null, null),
                query("饮品", null, null, null, null, null, null, "price_asc", null, null),
                new SearchQuery(
                        null,
                        null,
                        null,
                        null,
                        List.of("522634"),
                        List.of("11", "12"),
                        List.of("REGIONAL_PUBLIC"),
                        List.of("7"),
                        null,
                        null,
                        null,
                        true,
                        "sales",
                        null,
                        null));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void answersTheSameQueryTheSameWay(SearchQuery query) throws Exception {
        ValidQuery vq = DefaultCatalogSearch.validate(query, Synonyms.bundled());
        SearchResult fromEs = elasticsearch.search(vq);
        SearchResult fromPg = postgres.search(vq);
        assertFalse(fromEs.degraded());
        assertTrue(fromPg.degraded());
        if (vq.sort() == SearchSort.RELEVANCE && !vq.terms().isEmpty()) {
            // relevance with words: Elasticsearch scores (BM25 and the shop's boosts), the fallback ranks in tiers
            // (whole name, name, name/category/brand, the rest; in stock and eligible first): the same products,
            // not always in the same order (ADR 5)
            assertEquals(Set.copyOf(ids(fromEs)), Set.copyOf(ids(fromPg)), query.toString());
        } else {
            assertEquals(ids(fromEs), ids(fromPg), query.toString());
        }
        assertEquals(fromEs.total(), fromPg.total());
        assertEquals(fromEs.facets(), fromPg.facets());
        assertEquals(Set.copyOf(withoutHighlight(fromEs.items())), Set.copyOf(withoutHighlight(fromPg.items())));
    }

    static List<Long> ids(SearchResult r) {
        return r.items().stream().map(SearchItem::id).toList();
    }

    static List<SearchItem> withoutHighlight(List<SearchItem> items) {
        return items.stream()
                .map(i -> new SearchItem(
                        i.id(),
                        i.name(),
                        i.priceFen(),
                        i.unit(),
                        i.spec(),
                        i.supplier(),
                        i.origin(),
                        i.brand(),
                        i.certifications(),
                        i.eligible(),
                        i.stock(),
                        i.inStock(),
                        i.salesCount(),
                        i.imageUrl(),
                        null))
                .toList();
    }
}
