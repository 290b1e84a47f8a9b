package cn.huinong.quota.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** The ledger's consumer of order events: whether the app polls itself, how many events per transaction, how often. */
@ConfigurationProperties("huinong.quota.ledger")
record LedgerSettings(
        boolean embedded,
        @Min(1) @Max(5000) int batchSize,
        @NotNull Duration pollInterval) {}
