package cn.huinong.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The test Elasticsearch that ops/test starts must be there: a missing engine fails, never skips. */
@MicronautTest(transactional = false)
class SearchEngineHealthTest {

    @Inject
    List<HealthIndicator> indicators;

    @Test
    void reportsTheRealSearchEngineUp() {
        HealthResult result = indicators.stream()
                .map(i -> Mono.from(i.getResult()).block())
                .filter(r -> r != null && "elasticsearch".equals(r.getName()))
                .findFirst()
                .orElseThrow();
        assertEquals("UP", result.getStatus().getName(), String.valueOf(result.getDetails()));
        assertNotEquals("red", ((Map<?, ?>) result.getDetails()).get("cluster"));
        assertTrue(((Map<?, ?>) result.getDetails()).containsKey("outboxBacklog"), String.valueOf(result.getDetails()));
        assertTrue(((Map<?, ?>) result.getDetails()).containsKey("outboxLagSeconds"));
    }
}
