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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The engine accepts connections and reads requests but never answers: searches give up after
 * huinong.elasticsearch.timeout and answer from PostgreSQL; the next ones skip the engine for a while (no request
 * reaches it). The engine here counts the requests it is sent; nothing here measures time.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HangingEngineSearchTest implements TestPropertyProvider {

    ServerSocket blackhole;
    final AtomicInteger requests = new AtomicInteger();
    final List<Socket> held = new CopyOnWriteArrayList<>();

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
        Thread acceptor = new Thread(this::acceptForever, "hanging-engine");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of(
                "huinong.elasticsearch.url",
                "http://127.0.0.1:" + blackhole.getLocalPort(),
                "huinong.elasticsearch.timeout",
                "700ms");
    }

    /** Accepts every connection and counts the HTTP requests on it (request lines), answering none. */
    private void acceptForever() {
        while (!blackhole.isClosed()) {
            try {
                Socket s = blackhole.accept();
                held.add(s);
                Thread reader = new Thread(() -> countRequests(s), "hanging-engine-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void countRequests(Socket s) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.matches("(GET|POST|PUT|HEAD|DELETE) \\S+ HTTP/1\\.1")) {
                    requests.incrementAndGet();
                }
            }
        } catch (IOException e) {
            // the client gave up on the connection
        }
    }

    @AfterAll
    void close() throws Exception {
        blackhole.close();
        for (Socket s : held) {
            s.close();
        }
    }

    @Test
    @Timeout(120) // a guard against hanging for ever, not a measurement
    void givesUpOnAHangingEngineAndThenSkipsIt() throws Exception {
        SearchDocuments docs = new SearchDocuments(DelegatingDataSource.unwrapDataSource(dataSource), index, indexer);
        docs.reset(null);
        SearchCatalogData.seed(docs);
        Api api = new Api(client);

        int before = requests.get();
        Api.Response first = api.get("/api/v1/catalog/search?q=%E8%8C%B6%E5%8F%B6", null);
        assertEquals(200, first.status());
        assertEquals(true, first.get("degraded"));
        assertEquals(3, ((Number) first.get("total")).intValue());
        assertTrue(requests.get() > before, "the first search asked the engine before giving up");

        int afterFirst = requests.get();
        Api.Response second = api.get("/api/v1/catalog/search?sort=price_asc", null);
        assertEquals(200, second.status());
        assertEquals(true, second.get("degraded"));
        assertEquals(afterFirst, requests.get(), "the engine is skipped for a while after it hung");
    }
}
