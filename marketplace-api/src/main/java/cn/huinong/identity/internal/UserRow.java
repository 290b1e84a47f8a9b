package cn.huinong.identity.internal;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A row of {@code app_user} as {@link UserStore} reads it. */
record UserRow(
        long id,
        long organizationId,
        String username,
        String passwordHash,
        String role,
        boolean enabled,
        Instant createdAt,
        @Nullable Instant passwordChangedAt,
        boolean mustChangePassword,
        @Nullable Instant temporaryPasswordExpiresAt) {}
