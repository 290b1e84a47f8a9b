package cn.huinong.quota;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * Units due a reminder (催办) for {@code year}: approved buyer units whose region code starts with
 * {@code regionPrefix} ("" for the country), optionally below a supervising department, that have not filed while
 * the deadline is at most {@code withinDays} days away (or passed), or that are behind the straight-line pace at
 * {@code now}. The caller has checked its scope.
 */
public record DueQuery(
        int year,
        String regionPrefix,
        @Nullable Long supervisorId,
        DueFilter filter,
        int withinDays,
        DueSort sort,
        Instant now) {}
