package cn.huinong.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.http.HttpHost;
import org.apache.http.HttpResponseInterceptor;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/**
 * The client holder against the real test Elasticsearch: an error escaping the low-level client's I/O
 * thread stops its reactor for good (every later request fails); the holder notices and swaps in a new
 * client, while a mere engine outage never makes it rebuild.
 */
class EngineClientTest {

    /** A client whose response callback throws an Error (as an OutOfMemoryError there did) while {@code poison} is set. */
    static ElasticsearchClient poisonable(AtomicBoolean poison) {
        RestClient rest = RestClient.builder(HttpHost.create(TestCatalog.esUrl()))
                .setHttpClientConfigCallback(h ->
                        h.addInterceptorLast((HttpResponseInterceptor) (response, context) -> {
                            if (poison.get()) {
                                throw new Error("simulated: an error escaped the I/O reactor's callback");
                            }
                        }))
                .build();
        return new ElasticsearchClient(
                new RestClientTransport(rest, new JacksonJsonpMapper(ElasticsearchClients.objectMapper())));
    }

    @Test
    void replacesTheClientAfterAnErrorStoppedItsReactor() throws Exception {
        AtomicBoolean poison = new AtomicBoolean();
        try (EngineClient engine = EngineClient.of(() -> poisonable(poison), Duration.ofSeconds(5))) {
            ElasticsearchClient first = engine.get();
            assertTrue(first.cluster().health().numberOfNodes() >= 1);

            poison.set(true);
            ExecutionException failed = assertThrows(
                    ExecutionException.class,
                    () -> CompletableFuture.supplyAsync(() -> {
                                try {
                                    return first.cluster().health();
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            })
                            .get(30, TimeUnit.SECONDS));
            poison.set(false);
            for (int i = 0; i < 100 && EngineClient.running(first); i++) {
                Thread.sleep(50);
            }
            assertFalse(EngineClient.running(first), "the reactor is stopped for good");
            Exception again =
                    assertThrows(Exception.class, () -> first.cluster().health());
            assertTrue(EngineClient.brokenClient(again), "every later request fails as broken: " + again);
            assertTrue(failed.getCause() != null);

            ElasticsearchClient second = engine.get();
            assertNotSame(first, second, "a new client");
            assertEquals(1, engine.rebuilds());
            assertTrue(second.cluster().health().numberOfNodes() >= 1, "which works");
            assertTrue(engine.forSearch().cluster().health().numberOfNodes() >= 1);
            assertSame(second, engine.get(), "and stays while it works");
        }
    }

    @Test
    void anUnreachableEngineIsNotABrokenClient() {
        try (EngineClient engine = EngineClient.connect(
                "http://127.0.0.1:1", Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300))) {
            ElasticsearchClient c = engine.get();
            IOException down = assertThrows(IOException.class, () -> c.cluster().health());
            assertTrue(
                    down instanceof ConnectException
                            || down.getCause() instanceof ConnectException
                            || String.valueOf(down.getMessage()).contains("Connection refused"),
                    down.toString());
            assertFalse(engine.recover(down), "a new client would not help");
            assertSame(c, engine.get());
            assertEquals(0, engine.rebuilds());
        }
    }

    @Test
    void aFixedClientIsNeverReplaced() throws Exception {
        ElasticsearchClient own = ElasticsearchClients.connect(TestCatalog.esUrl(), Duration.ofSeconds(5));
        EngineClient engine = EngineClient.of(own);
        ((RestClientTransport) own._transport()).restClient().close();
        assertFalse(
                engine.recover(new IllegalStateException("Request cannot be executed; I/O reactor status: STOPPED")));
        assertSame(own, engine.get());
    }
}
