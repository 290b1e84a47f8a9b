package cn.huinong.ordering.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How long an order may wait for payment before its stock goes back, how long after delivery it is accepted
 * automatically, checkout limits, and how long Idempotency-Keys are kept.
 */
@ConfigurationProperties("huinong.ordering")
record OrderingSettings(
        @NotNull Duration paymentTimeout,
        @NotNull Duration autoAcceptAfter,
        @Min(1) @Max(500) int maxLinesPerCheckout,
        @Min(1) int maxQuantityPerLine,
        @NotNull Duration idempotencyKeyTtl) {}
