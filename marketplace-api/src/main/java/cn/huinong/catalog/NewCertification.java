package cn.huinong.catalog;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

public record NewCertification(
        CertificationKind kind,
        String number,
        String issuer,
        LocalDate issuedOn,
        @Nullable LocalDate expiresOn,
        @Nullable String evidenceUrl) {}
