package cn.huinong.search;

import static cn.huinong.support.SearchDocuments.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.support.Api;
import cn.huinong.support.SearchDocuments;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** With huinong.indexer.embedded=true the app creates its index and drains the outbox on its own. */
@MicronautTest(transactional = false)
@Property(name = "huinong.indexer.embedded", value = "true")
@Property(name = "huinong.indexer.alias-prefix", value = "test-embedded-")
@Property(name = "huinong.indexer.poll-interval", value = "100ms")
class EmbeddedIndexerTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    CatalogIndex index;

    @Inject
    OutboxIndexer indexer;

    @Test
    void indexesNewDocumentsInTheBackground() throws Exception {
        assertEquals("test-embedded-catalog", index.alias());
        SearchDocuments docs = new SearchDocuments(DelegatingDataSource.unwrapDataSource(dataSource), index, indexer);
        docs.reset(null);
        docs.put(doc(2001, "榕江小香鸡")
                .category("禽肉", "04", "0401")
                .origin("522632", "榕江县", "520000", "贵州省")
                .price(8800, "只", "1.2kg"));
        Api api = new Api(client);
        List<Long> found = List.of();
        for (int i = 0; i < 100 && found.isEmpty(); i++) {
            Thread.sleep(200);
            Api.Response r = api.get("/api/v1/catalog/search?q=%E5%B0%8F%E9%A6%99%E9%B8%A1", null);
            if (Boolean.FALSE.equals(r.get("degraded"))) {
                found = SearchApiTest.ids(r);
            }
        }
        assertEquals(List.of(2001L), found, "found through Elasticsearch, without anyone draining by hand");
        assertTrue(indexer.metrics().running());
        ElasticsearchClient es = SearchDocuments.testElasticsearch();
        for (String name : es.indices()
                .get(g -> g.index("test-embedded-catalog*"))
                .result()
                .keySet()) {
            es.indices().delete(d -> d.index(name));
        }
        es._transport().close();
    }
}
