package cn.huinong.search;

import cn.huinong.indexer.IndexerMetrics;
import cn.huinong.indexer.RebuildProgress;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The catalog index as an operator sees it: alias and the concrete index behind it, its document
 * count, the outbox backlog and lag, parked rows (documents the engine kept rejecting), the last
 * indexing error, and the progress of the last rebuild started by this instance ({@code rebuildingIndex}
 * shows a rebuild under way from any process).
 */
@Serdeable
public record IndexStatus(
        String alias,
        @Nullable String index,
        @Nullable Long docCount,
        @Nullable String rebuildingIndex,
        boolean engineAvailable,
        @Nullable String engineError,
        long backlog,
        long parked,
        double lagSeconds,
        @Nullable String lastError,
        Rebuild rebuild) {

    @Serdeable
    public record Rebuild(
            String state,
            @Nullable String fromIndex,
            @Nullable String toIndex,
            long done,
            long total,
            long rejected,
            double docsPerSecond,
            @Nullable String startedAt,
            @Nullable String finishedAt,
            @Nullable String error) {

        public static Rebuild of(RebuildProgress p) {
            return new Rebuild(
                    p.state().name(),
                    p.fromIndex(),
                    p.toIndex(),
                    p.done(),
                    p.total(),
                    p.rejected(),
                    p.docsPerSecond(),
                    p.startedAt() == null ? null : p.startedAt().toString(),
                    p.finishedAt() == null ? null : p.finishedAt().toString(),
                    p.error());
        }
    }

    /** The indexer's own counters (GET /search/index/metrics). */
    @Serdeable
    public record Metrics(
            boolean embedded,
            boolean running,
            long processed,
            long batches,
            long errors,
            @Nullable String lastBatchAt,
            @Nullable String lastError,
            @Nullable String lastErrorAt,
            long backlog,
            long parked,
            double lagSeconds) {

        public static Metrics of(boolean embedded, IndexerMetrics m) {
            return new Metrics(
                    embedded,
                    m.running(),
                    m.processed(),
                    m.batches(),
                    m.errors(),
                    m.lastBatchAt() == null ? null : m.lastBatchAt().toString(),
                    m.lastError(),
                    m.lastErrorAt() == null ? null : m.lastErrorAt().toString(),
                    m.backlog(),
                    m.parked(),
                    m.lagSeconds());
        }
    }
}
