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

    private ElasticsearchClients() {
    }

    /** The JSON mapper shared by the client and the indexer: Jackson 2, ISO dates. */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public static ElasticsearchClient connect(String url, Duration timeout) {
        int ms = (int) timeout.toMillis();
        RestClient rest = RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(c -> c.setConnectTimeout(ms).setSocketTimeout(Math.max(ms, 30_000)).setConnectionRequestTimeout(ms))
                .build();
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(objectMapper())));
    }

    public static void close(ElasticsearchClient client) {
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
