package cn.huinong.identity.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** Password rules ({@code minLength}, 3 of 4 character classes, not the username) and operator resets. */
@ConfigurationProperties("huinong.identity.password")
record PasswordSettings(
        @Min(8) @Max(64) int minLength, @NotNull Duration temporaryPasswordValidity) {}
