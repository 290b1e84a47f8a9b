package cn.huinong.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** An outbox that waits longer than huinong.indexer.max-lag makes search DEGRADED, with the reason. */
@MicronautTest(transactional = false)
@Property(name = "huinong.indexer.max-lag", value = "5m")
class OutboxLagHealthTest {

    @Inject
    List<HealthIndicator> indicators;

    @Inject
    DataSource dataSource;

    private HealthResult searchHealth() {
        return indicators.stream()
                .map(i -> Mono.from(i.getResult()).block())
                .filter(r -> r != null && "elasticsearch".equals(r.getName()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void reportsAnOutboxLaggingBehindTheThreshold() throws Exception {
        DataSource ds = DelegatingDataSource.unwrapDataSource(dataSource);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM catalog_outbox");
        }
        assertEquals(
                "UP",
                searchHealth().getStatus().getName(),
                String.valueOf(searchHealth().getDetails()));
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO catalog_outbox (product_id, version, created_at) VALUES (990001, 1, now() - interval '1 hour')");
        }
        try {
            HealthResult lagging = searchHealth();
            assertEquals("DEGRADED", lagging.getStatus().getName(), String.valueOf(lagging.getDetails()));
            assertTrue(lagging.getStatus().getOperational().orElse(false));
            String reason = String.valueOf(((Map<?, ?>) lagging.getDetails()).get("reason"));
            assertTrue(reason.contains("索引") && reason.contains("滞后"), reason);
        } finally {
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("DELETE FROM catalog_outbox WHERE product_id = 990001");
            }
        }
        assertEquals("UP", searchHealth().getStatus().getName());
    }
}
