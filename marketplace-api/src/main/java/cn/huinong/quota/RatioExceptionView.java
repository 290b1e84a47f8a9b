package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;

/** A unit's request for a ratio below its province floor (e.g. 8.5 for 8.5%) and its decision. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RatioExceptionView(
        long id,
        long organizationId,
        @Nullable String organizationName,
        @Nullable String regionCode,
        int year,
        BigDecimal ratioPercent,
        String reason,
        RatioExceptionStatus status,
        String requestedBy,
        Instant requestedAt,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String decisionReason) {}
