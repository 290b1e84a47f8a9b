package cn.huinong.ordering.internal;

import cn.huinong.shared.idempotency.Idempotency;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes Idempotency-Keys (of checkouts, payments and refunds) older than {@code huinong.ordering.idempotency-key-ttl}
 * (24h by default, like Stripe's), hourly, in batches of one transaction each.
 */
@Singleton
class IdempotencyCleanupJob {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyCleanupJob.class);
    static final int BATCH = 5000;

    private final Idempotency idempotency;
    private final OrderingSettings settings;
    private final InstantSource clock;

    IdempotencyCleanupJob(Idempotency idempotency, OrderingSettings settings, InstantSource clock) {
        this.idempotency = idempotency;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${huinong.ordering.idempotency-cleanup-interval:1h}", initialDelay = "5m")
    void run() {
        int n = purge(clock.instant());
        if (n > 0) {
            LOG.info("deleted {} Idempotency-Keys older than {}", n, settings.idempotencyKeyTtl());
        }
    }

    /** Deletes every key created before {@code now - ttl}; returns how many. */
    int purge(Instant now) {
        Instant cutoff = now.minus(settings.idempotencyKeyTtl());
        int total = 0;
        int n;
        do {
            n = idempotency.purgeCreatedBefore(cutoff, BATCH);
            total += n;
        } while (n == BATCH);
        return total;
    }
}
