package cn.huinong.identity.web;

import cn.huinong.identity.Accounts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Password-only users get the token as always ({@code accessToken}, {@code tokenType}, {@code expiresIn},
 * {@code user}). A user with a second factor gets {@code mfaRequired: true} and a {@code challenge} instead, to
 * send with a code to {@code POST /auth/login/totp} within {@code challengeExpiresIn} seconds.
 * {@code passwordChangeRequired} / {@code mfaEnrolmentRequired}: the token may only change the password / enrol
 * TOTP until that is done.
 */
@Serdeable
record LoginResponse(
        @Nullable String accessToken,
        @Nullable String tokenType,
        @Nullable Long expiresIn,
        @Nullable Accounts.SessionUser user,
        boolean mfaRequired,
        @Nullable String challenge,
        @Nullable Long challengeExpiresIn,
        boolean passwordChangeRequired,
        boolean mfaEnrolmentRequired) {

    static LoginResponse of(Accounts.IssuedToken t) {
        return new LoginResponse(
                t.accessToken(),
                "Bearer",
                t.expiresInSeconds(),
                t.user(),
                false,
                null,
                null,
                t.passwordChangeRequired(),
                t.mfaEnrolmentRequired());
    }

    static LoginResponse of(Accounts.LoginOutcome o) {
        return o.token() != null
                ? of(o.token())
                : new LoginResponse(
                        null, null, null, null, true, o.challenge(), o.challengeExpiresInSeconds(), false, false);
    }
}
