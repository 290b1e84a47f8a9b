package cn.huinong.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.support.Api;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** An unreachable search engine degrades the app; it stays up and healthy for load balancers. */
@MicronautTest(transactional = false)
@Property(name = "huinong.elasticsearch.url", value = "http://127.0.0.1:1")
class SearchEngineDownHealthTest {

    @Inject
    List<HealthIndicator> indicators;

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void reportsDegradedNotDown() {
        HealthResult result = indicators.stream()
                .map(i -> Mono.from(i.getResult()).block())
                .filter(r -> r != null && "elasticsearch".equals(r.getName()))
                .findFirst()
                .orElseThrow();
        assertEquals("DEGRADED", result.getStatus().getName());
        assertTrue(result.getStatus().getOperational().orElse(false));
        assertEquals(200, new Api(client).get("/health", null).status());
    }
}
