package cn.huinong.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.support.Api;
import cn.huinong.support.SearchDocuments;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The engine accepts connections but never answers (a socket nobody reads): searches give up after
 * huinong.elasticsearch.timeout and answer from PostgreSQL; the next ones skip the engine for a while.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HangingEngineSearchTest implements TestPropertyProvider {

    ServerSocket blackhole;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    DataSource dataSource;
    @Inject
    CatalogIndex index;
    @Inject
    OutboxIndexer indexer;

    @Override
    public Map<String, String> getProperties() {
        try {
            blackhole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("huinong.elasticsearch.url", "http://127.0.0.1:" + blackhole.getLocalPort(),
                "huinong.elasticsearch.timeout", "700ms");
    }

    @AfterAll
    void close() throws Exception {
        blackhole.close();
    }

    @Test
    void givesUpOnAHangingEngineWithinTheTimeout() throws Exception {
        SearchDocuments docs = new SearchDocuments(DelegatingDataSource.unwrapDataSource(dataSource), index, indexer);
        docs.reset(null);
        SearchCatalogData.seed(docs);
        Api api = new Api(client);

        long start = System.nanoTime();
        Api.Response first = api.get("/api/v1/catalog/search?q=%E8%8C%B6%E5%8F%B6", null);
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, first.status());
        assertEquals(true, first.get("degraded"));
        assertEquals(3, ((Number) first.get("total")).intValue());
        assertTrue(firstMs < 5_000, "answered after the timeout, not after the engine: " + firstMs + " ms");

        start = System.nanoTime();
        Api.Response second = api.get("/api/v1/catalog/search?sort=price_asc", null);
        long secondMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(true, second.get("degraded"));
        assertTrue(secondMs < 600, "the engine is skipped for a while: " + secondMs + " ms");
    }
}
