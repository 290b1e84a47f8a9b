package cn.huinong.catalog.internal;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** How the sales count job's runs went, for /health: the last success, and the failures since. */
@Singleton
class SalesCountRuns {

    /** The failures since the last success (0 after a success), the first of them and the last one's error. */
    record Failing(int runs, Instant since, String error) {}

    private final Clock clock;
    private Instant lastSuccess;
    private Failing failing;

    SalesCountRuns(Clock clock) {
        this.clock = clock;
    }

    synchronized void succeeded() {
        lastSuccess = clock.instant();
        failing = null;
    }

    synchronized void failed(RuntimeException e) {
        String error = e.getClass().getSimpleName();
        failing = failing == null
                ? new Failing(1, clock.instant(), error)
                : new Failing(failing.runs() + 1, failing.since(), error);
    }

    synchronized Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    synchronized Optional<Failing> failing() {
        return Optional.ofNullable(failing);
    }
}
