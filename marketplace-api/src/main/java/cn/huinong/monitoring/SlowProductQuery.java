package cn.huinong.monitoring;

import java.time.Instant;

/**
 * LISTED products whose origin region code starts with {@code regionPrefix} ("" for the country) with no sale since
 * {@code now - days}; an authorised query (the caller's scope was checked when it was made).
 */
public record SlowProductQuery(String regionCode, String regionPrefix, int days, Instant now) {}
