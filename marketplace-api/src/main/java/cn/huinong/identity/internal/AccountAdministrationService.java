package cn.huinong.identity.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.AccountAdministration;
import cn.huinong.identity.TwoFactorNotEnabled;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.problem.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** What operators do to users' sign-in (ADR 9): list accounts, reset a password, end sessions, lift a lock. Audited. */
@Singleton
class AccountAdministrationService implements AccountAdministration {

    private final UserStore users;
    private final PasswordHasher passwords;
    private final PasswordPolicy policy;
    private final PasswordSettings passwordSettings;
    private final LoginThrottle throttle;
    private final SessionStore sessions;
    private final TotpService totp;
    private final AuditLog audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    AccountAdministrationService(
            UserStore users,
            PasswordHasher passwords,
            PasswordPolicy policy,
            PasswordSettings passwordSettings,
            LoginThrottle throttle,
            SessionStore sessions,
            TotpService totp,
            AuditLog audit,
            TransactionOperations<Connection> tx,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.passwordSettings = passwordSettings;
        this.throttle = throttle;
        this.sessions = sessions;
        this.totp = totp;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public PageResponse<AccountView> search(@Nullable String q, boolean lockedOnly, PageQuery page) {
        String term = q == null || q.isBlank() ? null : q.strip();
        return users.accounts(term, lockedOnly, sessions.idleTimeoutSeconds(), page);
    }

    @Override
    public TemporaryPassword resetPassword(String username, Actor operator) {
        UserRow u = existing(username);
        String temporary = policy.temporary();
        String hash = passwords.hash(temporary);
        Instant until = Instant.now(clock).plus(passwordSettings.temporaryPasswordValidity());
        inTx(() -> {
            users.resetPassword(u.id(), hash, until);
            int ended = sessions.revokeAll(u.id(), "PASSWORD_RESET", null);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("sessionsEnded", ended);
            detail.put("temporaryPasswordValidUntil", until.toString());
            audit.record(operator, "PASSWORD_RESET", "user", u.username(), detail);
            return null;
        });
        return new TemporaryPassword(temporary, until);
    }

    @Override
    public int revokeSessions(String username, Actor operator) {
        UserRow u = existing(username);
        return inTx(() -> {
            int ended = sessions.revokeAll(u.id(), "REVOKED_BY_OPERATOR", null);
            audit.record(operator, "SESSIONS_REVOKED", "user", u.username(), Map.of("sessionsEnded", ended));
            return ended;
        });
    }

    @Override
    public void unlock(String username, Actor operator) {
        throttle.unlock(username, operator);
    }

    @Override
    public void resetSecondFactor(String username, Actor operator) {
        UserRow u = existing(username);
        inTx(() -> {
            if (!totp.remove(u.id())) {
                throw new TwoFactorNotEnabled("该用户未启用两步验证");
            }
            int ended = sessions.revokeAll(u.id(), "MFA_RESET", null);
            audit.record(
                    operator,
                    "MFA_RESET",
                    "user",
                    u.username(),
                    Map.of("factor", TotpService.FACTOR_TOTP, "sessionsEnded", ended));
            return null;
        });
    }

    private UserRow existing(String username) {
        return users.byUsername(username).orElseThrow(() -> new NotFoundException("用户不存在：" + username));
    }

    private <T> T inTx(Supplier<T> work) {
        return tx.executeWrite(status -> work.get());
    }
}
