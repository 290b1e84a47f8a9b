package cn.huinong.indexer;

import java.time.Instant;

/**
 * A snapshot of the outbox indexer's health: documents processed since start, batches, errors,
 * when the last batch succeeded, the last error, and from the outbox table itself the backlog
 * (rows waiting), the parked rows (documents Elasticsearch kept rejecting) and the lag (age of the
 * oldest waiting row, in seconds).
 */
public record IndexerMetrics(
        boolean running,
        long processed,
        long batches,
        long errors,
        Instant lastBatchAt,
        String lastError,
        Instant lastErrorAt,
        long backlog,
        long parked,
        double lagSeconds) {}
