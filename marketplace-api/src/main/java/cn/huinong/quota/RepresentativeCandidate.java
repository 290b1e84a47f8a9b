package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A unit that a SHARED canteen could name as representative: an approved buyer unit of the same province, not a
 * shared-canteen member itself. {@code proximity}: COUNTY (same region code), PREFECTURE, PROVINCE.
 * {@code eligible}: it has filed OWN or OUTSOURCED for the year, which a representative must have.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RepresentativeCandidate(long organizationId, String name, String regionCode,
                                      @Nullable String regionName, String proximity, boolean filed,
                                      @Nullable Canteen canteen, boolean eligible) {
}
