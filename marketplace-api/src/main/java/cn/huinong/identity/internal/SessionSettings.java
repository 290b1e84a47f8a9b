package cn.huinong.identity.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Sessions (one per issued token): a session unused for {@code idleTimeout} ends; its last use is written at
 * most once per {@code touchInterval} (so the idle timeout is exact to within that interval).
 */
@ConfigurationProperties("huinong.identity.session")
record SessionSettings(
        @NotNull Duration idleTimeout, @NotNull Duration touchInterval) {

    SessionSettings {
        if (idleTimeout != null && touchInterval != null && touchInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException(
                    "huinong.identity.session.touch-interval must be shorter than idle-timeout");
        }
    }
}
