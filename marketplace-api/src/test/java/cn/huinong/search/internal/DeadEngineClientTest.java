package cn.huinong.search.internal;

import static cn.huinong.support.SearchDocuments.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.Organizations;
import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.ElasticsearchClients;
import cn.huinong.indexer.EngineClient;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.search.SearchSettings;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import cn.huinong.support.SearchDocuments;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.apache.http.HttpHost;
import org.apache.http.HttpResponseInterceptor;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Elasticsearch client's I/O reactor dies because an error escaped one of its callback threads (as an
 * OutOfMemoryError did on the demo): the search in flight fails, and every later request through that client
 * would fail too. Search must answer from PostgreSQL at once, the client must be rebuilt, search must answer
 * from Elasticsearch again, the outbox must drain again by itself, and /health must say so while it is broken
 * and UP once it has healed. The app's client is the real one against the real test Elasticsearch, with one
 * response interceptor that throws an Error when {@link #POISON} is armed.
 */
@MicronautTest(transactional = false)
@Property(name = "huinong.test.poisonable-engine", value = "true")
@Property(name = "huinong.indexer.embedded", value = "true")
@Property(name = "huinong.indexer.alias-prefix", value = "test-reactor-")
@Property(name = "huinong.indexer.poll-interval", value = "100ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadEngineClientTest {

    private static final String TEA = "%E8%8C%B6";
    /** Armed by a test: the next response the client receives throws an Error on the I/O reactor's thread. */
    static final AtomicBoolean POISON = new AtomicBoolean();

    /** The app's client holder, built as in production plus the poison interceptor. Only for this test class. */
    @Factory
    @Requires(property = "huinong.test.poisonable-engine", value = "true")
    static class PoisonableEngine {
        @Singleton
        @Replaces(EngineClient.class)
        @Bean(preDestroy = "close")
        EngineClient engineClient(SearchSettings settings) {
            return EngineClient.of(
                    () -> {
                        RestClient rest = RestClient.builder(HttpHost.create(settings.url()))
                                .setHttpClientConfigCallback(h ->
                                        h.addInterceptorLast((HttpResponseInterceptor) (response, context) -> {
                                            if (POISON.compareAndSet(true, false)) {
                                                throw new Error(
                                                        "simulated: an error escaped the I/O reactor's callback thread");
                                            }
                                        }))
                                .build();
                        return new ElasticsearchClient(new RestClientTransport(
                                rest, new JacksonJsonpMapper(ElasticsearchClients.objectMapper())));
                    },
                    settings.timeoutOrDefault());
        }
    }

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

    @Inject
    EngineClient engine;

    @AfterAll
    void dropIndices() throws Exception {
        ElasticsearchClient es = SearchDocuments.testElasticsearch();
        for (String name : es.indices()
                .get(g -> g.index(index.alias() + "*").allowNoIndices(true))
                .result()
                .keySet()) {
            es.indices().delete(d -> d.index(name));
        }
        es._transport().close();
    }

    @Test
    void searchDegradesThenHealsWhenTheClientsReactorDies() throws Exception {
        ElasticsearchClient admin = SearchDocuments.testElasticsearch();
        SearchDocuments docs = new SearchDocuments(DelegatingDataSource.unwrapDataSource(dataSource), index, indexer);
        docs.reset(admin);
        admin._transport().close();
        docs.put(doc(3001, "雷山银球茶")
                .category("绿茶", "05", "0501")
                .origin("522634", "雷山县", "520000", "贵州省")
                .price(12800, "罐", "250克/罐"));
        Api api = new Api(client);
        String operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);

        Api.Response healthy = until(
                () -> api.get("/api/v1/catalog/search?q=" + TEA, null),
                r -> Boolean.FALSE.equals(r.get("degraded")) && ids(r).contains(3001L));
        assertEquals(List.of(3001L), ids(healthy));
        until(
                () -> api.get("/health", operator),
                r -> "UP".equals(searchHealth(r).get("status")));

        ElasticsearchClient before = engine.get();
        POISON.set(true);

        Api.Response broken = api.get("/api/v1/catalog/search?q=" + TEA, null);
        assertEquals(200, broken.status(), broken.body().toString());
        assertEquals(true, broken.get("degraded"), "answered from PostgreSQL at once");
        assertEquals(List.of(3001L), ids(broken));
        assertFalse(POISON.get(), "the poisoned response was the search's");
        RestClient deadRest = ((RestClientTransport) before._transport()).restClient();
        for (int i = 0; i < 100 && deadRest.isRunning(); i++) {
            Thread.sleep(50);
        }
        assertFalse(deadRest.isRunning(), "that client's reactor is dead for good");
        Api.Response health = api.get("/health", operator);
        assertEquals(200, health.status(), "search still answers: degraded, not out of service");
        Map<String, Object> es = searchHealth(health);
        assertEquals("DEGRADED", es.get("status"), health.body().toString());
        assertTrue(String.valueOf(details(es).get("reason")).matches(".*[\\u4e00-\\u9fff].*"), es.toString());
        assertEquals("DEGRADED", health.get("status"), health.body().toString());

        docs.put(doc(3002, "雷山毛尖茶")
                .category("绿茶", "05", "0501")
                .origin("522634", "雷山县", "520000", "贵州省")
                .price(9900, "罐", "250克/罐"));
        Api.Response healed = until(
                () -> api.get("/api/v1/catalog/search?q=" + TEA + "&sort=price_asc", null),
                r -> Boolean.FALSE.equals(r.get("degraded")) && ids(r).contains(3002L));
        assertEquals(List.of(3002L, 3001L), ids(healed), "the outbox drained again through a new client");
        Api.Response up = until(
                () -> api.get("/health", operator),
                r -> "UP".equals(searchHealth(r).get("status")));
        assertEquals("UP", up.get("status"), up.body().toString());
        assertTrue(
                ((Number) details(searchHealth(up)).get("clientRebuilds")).longValue() >= 1,
                up.body().toString());
    }

    static List<Long> ids(Api.Response r) {
        return r.items().stream().map(i -> ((Number) i.get("id")).longValue()).toList();
    }

    /**
     * A client closed under everyone's feet (its reactor stopped) is replaced before the next search uses it:
     * search never answers 500 and keeps answering from Elasticsearch.
     */
    @Test
    void aStoppedClientIsReplacedBeforeTheNextSearch() throws Exception {
        Api api = new Api(client);
        // the loop has made its index and is idle (a request cut off in the middle of a connection lease, as a
        // close at an unlucky moment does, may never complete: that is what the max-lag health check is for)
        until(() -> api.get("/api/v1/catalog/search?q=" + TEA, null), x -> Boolean.FALSE.equals(x.get("degraded")));
        ElasticsearchClient before = engine.get();
        ((RestClientTransport) before._transport()).restClient().close();
        Api.Response r = api.get("/api/v1/catalog/search?q=" + TEA, null);
        assertEquals(200, r.status(), r.body().toString());
        assertNotSame(before, engine.get());
        until(() -> api.get("/api/v1/catalog/search?q=" + TEA, null), x -> Boolean.FALSE.equals(x.get("degraded")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> searchHealth(Api.Response health) {
        Map<String, Object> details = (Map<String, Object>) health.body().get("details");
        return details == null ? Map.of() : (Map<String, Object>) details.getOrDefault("elasticsearch", Map.of());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(Map<String, Object> component) {
        return (Map<String, Object>) component.getOrDefault("details", Map.of());
    }

    /** Asks again (at most about 60 s) until the answer satisfies {@code done}; fails with the last answer. */
    static Api.Response until(java.util.function.Supplier<Api.Response> ask, Predicate<Api.Response> done)
            throws InterruptedException {
        Api.Response last = null;
        for (int i = 0; i < 300; i++) {
            last = ask.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never happened; last answer " + last.status() + " " + last.body());
    }
}
