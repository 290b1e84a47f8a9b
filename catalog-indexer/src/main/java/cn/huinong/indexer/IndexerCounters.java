package cn.huinong.indexer;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@link OutboxIndexer} has done since it started (documents, batches, errors, the last batch and the last
 * error with their times), read by any thread while the loop writes it; {@link #snapshot} adds the outbox's own
 * figures for {@link IndexerMetrics}.
 */
final class IndexerCounters {

    private final Clock clock;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile Instant lastBatchAt;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    IndexerCounters(Clock clock) {
        this.clock = clock;
    }

    void batchDone(int documents) {
        processed.addAndGet(documents);
    }

    void batchCommitted() {
        batches.incrementAndGet();
        lastBatchAt = clock.instant();
    }

    void failed(Throwable e) {
        failed(describe(e));
    }

    void failed(String error) {
        errors.incrementAndGet();
        lastError = error;
        lastErrorAt = clock.instant();
    }

    String lastError() {
        return lastError;
    }

    IndexerMetrics snapshot(boolean running, OutboxTable.Backlog backlog) {
        return new IndexerMetrics(
                running,
                processed.get(),
                batches.get(),
                errors.get(),
                lastBatchAt,
                lastError,
                lastErrorAt,
                backlog.waiting(),
                backlog.parked(),
                backlog.lagSeconds());
    }

    /** A failure in one line for logs, metrics and {@code last_error}: its kind and message, at most 500 characters. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        String text = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
