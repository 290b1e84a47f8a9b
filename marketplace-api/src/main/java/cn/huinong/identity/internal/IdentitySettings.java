package cn.huinong.identity.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

@ConfigurationProperties("huinong.identity")
record IdentitySettings(
        @NotNull Duration tokenLifetime, @NotNull @Valid Argon2 argon2) {

    @ConfigurationProperties("argon2")
    record Argon2(
            @Min(8192) int memoryKib,
            @Min(1) int iterations,
            @Min(1) int parallelism) {}
}
