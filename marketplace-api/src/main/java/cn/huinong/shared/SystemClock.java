package cn.huinong.shared;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one {@link Clock} of the application: jobs and rules take it instead of calling
 * {@code Instant.now()}, so tests can replace it ({@code @Replaces(Clock.class)}) and read time
 * deterministically. UTC; the China calendar is applied where a rule needs a date.
 */
@Factory
public class SystemClock {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
