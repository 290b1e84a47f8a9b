package cn.huinong.identity.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Login throttling (ADR 9). Per account and client: {@code freeFailures} wrong attempts, then each further
 * failure makes that client wait {@code firstDelay}, doubling up to {@code maxDelay}; forgotten after
 * {@code failureMemory} without a failure, or at a success from that client. Per client across accounts: at
 * most {@code maxFailuresPerAddress} failures within {@code addressWindow}. Account-wide: a lock only after
 * {@code accountLock.failures} failures from at least {@code accountLock.distinctClients} clients within
 * {@code accountLock.window}, for {@code accountLock.duration} or until an operator lifts it.
 */
@ConfigurationProperties("huinong.login")
record LoginSettings(
        @Min(1) int freeFailures,
        @NotNull Duration firstDelay,
        @NotNull Duration maxDelay,
        @NotNull Duration failureMemory,
        @Min(1) int maxFailuresPerAddress,
        @NotNull Duration addressWindow,
        @NotNull @Valid AccountLock accountLock) {

    @ConfigurationProperties("account-lock")
    record AccountLock(
            @Min(2) int distinctClients,
            @Min(1) int failures,
            @NotNull Duration window,
            @NotNull Duration duration) {}

    /** How long a client waits after its n-th consecutive failure for an account (0 while n is within the free ones). */
    Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 30);
        long seconds = firstDelay.toSeconds() << doublings;
        return seconds <= 0 || seconds > maxDelay.toSeconds() ? maxDelay : Duration.ofSeconds(seconds);
    }
}
