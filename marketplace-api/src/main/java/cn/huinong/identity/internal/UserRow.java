package cn.huinong.identity.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("app_user")
record UserRow(
        @Id @GeneratedValue @Nullable Long id,
        long organizationId,
        String username,
        String passwordHash,
        String role,
        boolean enabled,
        Instant createdAt,
        @Nullable Instant passwordChangedAt,
        boolean mustChangePassword,
        @Nullable Instant temporaryPasswordExpiresAt) {}
