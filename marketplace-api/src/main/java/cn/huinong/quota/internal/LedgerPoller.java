package cn.huinong.quota.internal;

import cn.huinong.quota.QuotaLedger;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls the order events into the ledger inside the app; off with {@code huinong.quota.ledger.embedded=false}. */
@Singleton
@Requires(property = "huinong.quota.ledger.embedded", value = "true", defaultValue = "true")
class LedgerPoller {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerPoller.class);

    private final QuotaLedger ledger;
    private final LedgerSettings settings;

    LedgerPoller(QuotaLedger ledger, LedgerSettings settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "${huinong.quota.ledger.poll-interval:1s}", initialDelay = "5s")
    void poll() {
        try {
            int n;
            do {
                n = ledger.consumeBatch(settings.batchSize());
                if (n > 0) {
                    LOG.debug("booked a batch of {} order events", n);
                }
            } while (n == settings.batchSize());
        } catch (RuntimeException e) {
            // e.g. a deadlock with another instance: the batch rolled back and stays unpublished for the next poll
            LOG.warn("ledger batch failed, retrying at the next poll: {}", e.toString());
        }
    }
}
