package cn.huinong.quota;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * Approved buyer units whose region code starts with {@code regionPrefix} ("" for the whole country), optionally
 * only those under a supervising department ({@code supervisorId}, its whole subtree), for a year, as of {@code now}
 * (for the pace). {@code moneyAsOf}, when set, counts only the money booked before it (payments by their payment
 * time, refunds by the time they were made), e.g. a half-yearly notice at the end of its half; null counts all.
 */
public record UnitQuery(
        int year,
        String regionPrefix,
        @Nullable Long supervisorId,
        UnitFilter filter,
        UnitSort sort,
        Instant now,
        @Nullable Instant moneyAsOf) {

    /** All the money booked so far. */
    public UnitQuery(
            int year, String regionPrefix, @Nullable Long supervisorId, UnitFilter filter, UnitSort sort, Instant now) {
        this(year, regionPrefix, supervisorId, filter, sort, now, null);
    }
}
