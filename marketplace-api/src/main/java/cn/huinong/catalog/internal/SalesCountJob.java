package cn.huinong.catalog.internal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows ordering's events into the sales counts inside the app, every {@code huinong.catalog.sales.poll-interval}
 * (batches until the stream is drained); off with {@code huinong.catalog.sales.embedded=false}. A failed batch rolls
 * back, is logged and tried again at the next run: the scheduler keeps running, and /health says DEGRADED meanwhile
 * ({@link SalesCountHealthIndicator}).
 */
@Singleton
@Requires(property = "huinong.catalog.sales.embedded", value = "true", defaultValue = "true")
class SalesCountJob {

    private static final Logger LOG = LoggerFactory.getLogger(SalesCountJob.class);

    private final SalesCounts counts;
    private final SalesCountSettings settings;
    private final SalesCountRuns runs;

    SalesCountJob(SalesCounts counts, SalesCountSettings settings, SalesCountRuns runs) {
        this.counts = counts;
        this.settings = settings;
        this.runs = runs;
    }

    @Scheduled(fixedDelay = "${huinong.catalog.sales.poll-interval:5s}", initialDelay = "5s")
    void run() {
        try {
            int events = 0;
            int changed = 0;
            SalesCounts.Batch b;
            do {
                b = counts.consumeBatch(settings.batchSize());
                events += b.events();
                changed += b.changed();
            } while (b.events() == settings.batchSize());
            if (events > 0) {
                LOG.debug("sales counts: {} order events read, {} products' counts changed", events, changed);
            }
            runs.succeeded();
        } catch (RuntimeException e) {
            // e.g. a deadlock with a product command: the batch rolled back, the position stays for the next run
            LOG.warn("sales count batch failed, retrying at the next run: {}", e.toString());
            runs.failed(e);
        }
    }
}
