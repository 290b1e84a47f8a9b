package cn.huinong.identity.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Self-registrations per client address within a window (ADR 9): each probe of "does this username exist?" through
 * registering and then signing in costs a visible pending organisation, and only this many per address and window.
 */
@ConfigurationProperties("huinong.identity.registration")
record RegistrationSettings(
        @Min(1) int maxPerAddress, @NotNull Duration window) {}
