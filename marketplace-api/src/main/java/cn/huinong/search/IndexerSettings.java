package cn.huinong.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The catalog indexer inside the app: {@code embedded} runs the outbox loop on a background thread
 * (default true; tests drive it themselves), {@code alias-prefix} names the index alias
 * ({@code <prefix>catalog}), batch size and idle poll interval of the outbox loop, and {@code max-lag}: an outbox
 * whose oldest waiting row is older than this makes /health DEGRADED (default 5 minutes).
 */
@ConfigurationProperties("huinong.indexer")
public record IndexerSettings(
        @Nullable Boolean embedded,
        @Nullable String aliasPrefix,
        @Nullable Integer batchSize,
        @Nullable Duration pollInterval,
        @Nullable Duration maxLag) {

    public Duration maxLagOrDefault() {
        return maxLag == null ? Duration.ofMinutes(5) : maxLag;
    }

    public boolean embeddedOrDefault() {
        return embedded == null || embedded;
    }

    public String aliasPrefixOrDefault() {
        return aliasPrefix == null ? "" : aliasPrefix;
    }

    public int batchSizeOrDefault() {
        return batchSize == null ? 200 : batchSize;
    }

    public Duration pollIntervalOrDefault() {
        return pollInterval == null ? Duration.ofMillis(500) : pollInterval;
    }
}
