package cn.huinong.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * Where the search engine (Elasticsearch 8) answers, how long we wait for it, and for how long a failed search
 * keeps /health DEGRADED when no search has succeeded since ({@code failure-window}, default 1 minute).
 */
@ConfigurationProperties("huinong.elasticsearch")
public record SearchSettings(
        @NotBlank String url, Duration timeout, @Nullable Duration failureWindow) {

    public Duration timeoutOrDefault() {
        return timeout == null ? Duration.ofSeconds(2) : timeout;
    }

    public Duration failureWindowOrDefault() {
        return failureWindow == null ? Duration.ofMinutes(1) : failureWindow;
    }
}
