package cn.huinong.quota;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * Approved buyer units whose region code starts with {@code regionPrefix} ("" for the whole country), optionally
 * only those under a supervising department ({@code supervisorId}, its whole subtree), for a year, as of {@code now}
 * (for the pace).
 */
public record UnitQuery(int year, String regionPrefix, @Nullable Long supervisorId, UnitFilter filter, UnitSort sort,
                        Instant now) {
}
