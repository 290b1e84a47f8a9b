package cn.huinong.identity;

import cn.huinong.shared.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Users signing in (throttled, audited, second factor), their sessions (logout, idle timeout) and passwords. */
public interface Accounts {

    @Serdeable
    record SessionUser(String username, List<String> roles, long organizationId) {}

    /**
     * A signed token. {@code passwordChangeRequired} / {@code mfaEnrolmentRequired}: the session may only
     * change the password / enrol a second factor (and see {@code /me}, log out) until that is done.
     */
    record IssuedToken(
            String accessToken,
            long expiresInSeconds,
            SessionUser user,
            boolean passwordChangeRequired,
            boolean mfaEnrolmentRequired) {}

    /** Either a token, or (the password was right and a second factor is due) a challenge to answer with a code. */
    record LoginOutcome(
            @Nullable IssuedToken token, @Nullable String challenge, long challengeExpiresInSeconds) {}

    /** What a session's token may still do (checked on every request, so revocation is immediate everywhere). */
    enum SessionAccess {
        FULL,
        PASSWORD_CHANGE_ONLY,
        MFA_ENROLMENT_ONLY,
        ENDED
    }

    @Serdeable
    record AccountSecurity(
            boolean totpEnabled, boolean totpRequired, int recoveryCodesLeft, boolean passwordChangeRequired) {}

    LoginOutcome login(String username, String password, String clientAddress);

    /** The second step: the challenge from {@link #login} and a TOTP code (or a recovery code). */
    IssuedToken completeLogin(String challenge, String code, String clientAddress);

    void logout(Actor actor, String jti);

    SessionAccess access(String jti);

    SessionUser user(String username);

    AccountSecurity security(String username);

    /** The caller's own password; other sessions end; a session restricted to a password change becomes full. */
    void changePassword(Actor actor, String jti, String currentPassword, String newPassword);
}
