package cn.huinong.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** A certification; {@code valid} = APPROVED and not past its expiry date. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CertificationView(
        long id,
        long productId,
        CertificationKind kind,
        String kindLabel,
        String number,
        String issuer,
        LocalDate issuedOn,
        @Nullable LocalDate expiresOn,
        @Nullable String evidenceUrl,
        CertificationStatus status,
        @Nullable String decisionReason,
        boolean valid) {}
