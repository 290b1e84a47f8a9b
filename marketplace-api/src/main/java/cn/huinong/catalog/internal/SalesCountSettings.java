package cn.huinong.catalog.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The sales counts' consumer of ordering's events ({@link SalesCounts}): whether the app runs it itself
 * ({@link SalesCountJob}), how many events per transaction, how often.
 */
@ConfigurationProperties("huinong.catalog.sales")
record SalesCountSettings(
        boolean embedded,
        @Min(1) @Max(5000) int batchSize,
        @NotNull Duration pollInterval) {}
