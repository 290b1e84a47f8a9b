package cn.huinong.identity;

import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** What operators do to users' sign-in: look them up, reset a password, end all sessions, lift a lock. All audited. */
public interface AccountAdministration {

    @Serdeable
    record AccountView(
            long id,
            String username,
            String role,
            long organizationId,
            String organizationName,
            boolean enabled,
            boolean totpEnabled,
            boolean passwordChangeRequired,
            @Nullable Instant lockedUntil,
            long liveSessions,
            Instant createdAt) {}

    PageResponse<AccountView> search(@Nullable String q, boolean lockedOnly, PageQuery page);

    record TemporaryPassword(String password, Instant validUntil) {}

    /** A one-time password (shown once to the operator); the user must choose a new one at the next sign-in. */
    TemporaryPassword resetPassword(String username, Actor operator);

    /** Ends every session of the user; how many ended. */
    int revokeSessions(String username, Actor operator);

    void unlock(String username, Actor operator);

    /**
     * A user lost the phone and the recovery codes: removes the user's TOTP and ends every session; where the role
     * requires a second factor, the next sign-in must enrol again. Audited.
     */
    void resetSecondFactor(String username, Actor operator);
}
