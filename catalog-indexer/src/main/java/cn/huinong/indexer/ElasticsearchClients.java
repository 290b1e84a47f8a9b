package cn.huinong.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** Builds the elasticsearch-java client (Jackson 2 mapper) with connect and socket timeouts. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {}

    /** The JSON mapper shared by the client and the indexer: Jackson 2, ISO dates. */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** A client for indexing: connect within {@code connectTimeout}, wait up to 30 s for a bulk answer. */
    public static ElasticsearchClient connect(String url, Duration connectTimeout) {
        return connect(
                url,
                connectTimeout,
                Duration.ofSeconds(30).compareTo(connectTimeout) > 0 ? Duration.ofSeconds(30) : connectTimeout);
    }

    /** A client that gives up after {@code connectTimeout} to connect and {@code socketTimeout} waiting for data. */
    public static ElasticsearchClient connect(String url, Duration connectTimeout, Duration socketTimeout) {
        int connect = (int) connectTimeout.toMillis();
        int socket = (int) socketTimeout.toMillis();
        RestClient rest = RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(c ->
                        c.setConnectTimeout(connect).setSocketTimeout(socket).setConnectionRequestTimeout(connect))
                // searches, the outbox indexer and a rebuild share one client (EngineClient): room for all of them
                .setHttpClientConfigCallback(h -> h.setMaxConnPerRoute(32).setMaxConnTotal(64))
                .build();
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(objectMapper())));
    }

    /** Closes the client, ignoring failures (a broken client may fail to close). */
    public static void closeQuietly(ElasticsearchClient client) {
        try {
            client._transport().close();
        } catch (IOException | RuntimeException e) {
            // nothing more to do with it
        }
    }

    public static void close(ElasticsearchClient client) {
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
