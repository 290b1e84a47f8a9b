package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A unit that a SHARED canteen may name as representative (ADR 11): an approved buyer unit of the same county (the
 * same region code) that files an own canteen (OWN) for the year. Only such units are listed, so {@code proximity}
 * is always COUNTY, {@code filed} and {@code eligible} are true and {@code canteen} is OWN; the fields stay for the
 * clients that show them.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RepresentativeCandidate(
        long organizationId,
        String name,
        String regionCode,
        @Nullable String regionName,
        String proximity,
        boolean filed,
        @Nullable Canteen canteen,
        boolean eligible) {}
