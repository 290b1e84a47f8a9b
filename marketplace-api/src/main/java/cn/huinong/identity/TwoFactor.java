package cn.huinong.identity;

import cn.huinong.shared.Actor;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** TOTP (RFC 6238) as a second sign-in factor: enrolment confirmed by a first code, recovery codes, removal. */
public interface TwoFactor {

    @Serdeable
    record TotpEnrolment(String secret, String otpauthUri, String issuer, String accountName) {}

    /** A new (unconfirmed) secret for the caller; 409 when TOTP is already on. */
    TotpEnrolment startTotp(Actor actor);

    /** Turns TOTP on with a first valid code; returns the one-time recovery codes (shown once). */
    List<String> confirmTotp(Actor actor, String jti, String code);

    /** Turns TOTP off with a current code or a recovery code; refused where the role requires it. */
    void disableTotp(Actor actor, String code);
}
