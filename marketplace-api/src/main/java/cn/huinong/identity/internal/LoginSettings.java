package cn.huinong.identity.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** Login throttling: failures counted per account and per client address within a sliding window. */
@ConfigurationProperties("huinong.login")
record LoginSettings(@Min(1) int maxFailuresPerAccount, @Min(1) int maxFailuresPerAddress, @NotNull Duration window) {
}
