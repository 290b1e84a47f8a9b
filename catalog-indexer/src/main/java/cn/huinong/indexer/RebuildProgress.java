package cn.huinong.indexer;

import java.time.Instant;

/**
 * Where a full rebuild stands: IDLE (none since start), RUNNING (streaming documents), DONE, FAILED.
 * {@code done} counts documents streamed, {@code rejected} those Elasticsearch refused (logged, left out);
 * {@code docsPerSecond} is measured over the streaming so far.
 */
public record RebuildProgress(
        State state,
        String fromIndex,
        String toIndex,
        long done,
        long total,
        long rejected,
        double docsPerSecond,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    public enum State {
        IDLE,
        RUNNING,
        DONE,
        FAILED
    }

    public static RebuildProgress idle() {
        return new RebuildProgress(State.IDLE, null, null, 0, 0, 0, 0, null, null, null);
    }
}
