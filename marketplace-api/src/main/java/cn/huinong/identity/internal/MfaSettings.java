package cn.huinong.identity.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/**
 * Two-factor sign-in (TOTP, RFC 6238). {@code requiredRoles}: users of these roles must enrol before they may
 * use anything but their own security settings (production: OPERATOR and REGULATOR; the demo: none).
 * {@code encryptionKey} seals the TOTP secrets at rest (at least 32 characters); when blank, a key derived from the
 * JWT signing secret is used (set one of its own in production: {@code HUINONG_MFA_KEY}).
 */
@ConfigurationProperties("huinong.identity.mfa")
record MfaSettings(
        @Nullable List<String> requiredRoles,
        @NotBlank String issuer,
        @Nullable String encryptionKey,
        @NotNull Duration challengeLifetime,
        @Min(1) int maxCodeAttempts,
        @Min(4) int recoveryCodes) {

    MfaSettings {
        requiredRoles = requiredRoles == null
                ? List.of()
                : requiredRoles.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        encryptionKey = encryptionKey == null || encryptionKey.isBlank() ? null : encryptionKey;
        if (encryptionKey != null && encryptionKey.length() < 32) {
            throw new IllegalArgumentException("huinong.identity.mfa.encryption-key must have at least 32 characters");
        }
    }

    boolean requiredFor(String role) {
        return requiredRoles.contains(role);
    }
}
