package cn.huinong.search.internal;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the searches themselves found out about the engine: when one last succeeded and when one last failed, and
 * why. Health reads it, so that an engine a probe can reach but searches cannot use (a dead client, a broken index)
 * is reported instead of looking UP.
 */
@Singleton
class EngineWatch {

    private final Clock clock;

    EngineWatch(Clock clock) {
        this.clock = clock;
    }

    private volatile Instant lastSuccessAt;
    private volatile Instant lastFailureAt;
    private volatile String lastFailure;
    private final AtomicLong failures = new AtomicLong();

    void succeeded() {
        lastSuccessAt = Instant.now(clock);
    }

    void failed(Throwable e) {
        failures.incrementAndGet();
        String m = e.getMessage();
        String text = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        lastFailure = text.length() > 300 ? text.substring(0, 300) : text;
        lastFailureAt = Instant.now(clock);
    }

    /** The last failure, when it is newer than the last success and at most {@code window} old. */
    Optional<String> recentFailure(Duration window) {
        Instant failed = lastFailureAt;
        Instant ok = lastSuccessAt;
        if (failed == null
                || (ok != null && !failed.isAfter(ok))
                || failed.isBefore(Instant.now(clock).minus(window))) {
            return Optional.empty();
        }
        return Optional.of(lastFailure);
    }

    long failures() {
        return failures.get();
    }

    Instant lastFailureAt() {
        return lastFailureAt;
    }

    Instant lastSuccessAt() {
        return lastSuccessAt;
    }
}
