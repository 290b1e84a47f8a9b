package cn.huinong.ordering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.support.CatalogDb;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idempotency-Keys older than huinong.ordering.idempotency-key-ttl (24h) are deleted by the scheduled job. */
@MicronautTest(transactional = false)
class IdempotencyCleanupTest {

    @Inject
    IdempotencyCleanupJob job;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    CatalogDb db;

    String key(Instant createdAt) {
        String key = "cleanup-" + UUID.randomUUID();
        tx.executeWrite(s -> jdbc.prepareStatement("""
                INSERT INTO idempotency_key (scope, key, request_hash, response_status, response_body, created_at)
                VALUES ('user:cleanup-test', ?, 'h', 201, '{}'::jsonb, ?)""", ps -> {
            ps.setString(1, key);
            ps.setTimestamp(2, Timestamp.from(createdAt));
            return ps.executeUpdate();
        }));
        return key;
    }

    boolean exists(String key) {
        return db.count("SELECT count(*) FROM idempotency_key WHERE key = ?", key) == 1;
    }

    @Test
    void deletesKeysOlderThanTheTtlAndKeepsYoungerOnes() {
        Instant now = Instant.now().plus(Duration.ofDays(3)); // a "now" later than anything other tests left
        String old = key(now.minus(Duration.ofHours(25)));
        String older = key(now.minus(Duration.ofDays(2)));
        String young = key(now.minus(Duration.ofHours(23)));

        assertTrue(job.purge(now) >= 2);
        assertEquals(false, exists(old));
        assertEquals(false, exists(older));
        assertEquals(true, exists(young), "younger than 24h: kept");
        assertEquals(0, job.purge(now.minus(Duration.ofHours(1))), "nothing older is left");
    }
}
