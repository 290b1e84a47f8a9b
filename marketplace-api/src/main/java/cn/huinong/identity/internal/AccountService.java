package cn.huinong.identity.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.Accounts;
import cn.huinong.shared.Actor;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Accounts (ADR 9): sign-in ({@link SignIn}), sessions (logout, the idle timeout, what a session may still do) and
 * the user's own password. Each change is one transaction with its audit entry.
 */
@Singleton
class AccountService implements Accounts {

    private final SignIn signIn;
    private final UserStore users;
    private final PasswordHasher passwords;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final SessionStore sessions;
    private final TotpService totp;
    private final AuditLog audit;
    private final TransactionOperations<Connection> tx;

    AccountService(
            SignIn signIn,
            UserStore users,
            PasswordHasher passwords,
            PasswordPolicy policy,
            LoginThrottle throttle,
            SessionStore sessions,
            TotpService totp,
            AuditLog audit,
            TransactionOperations<Connection> tx) {
        this.signIn = signIn;
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.throttle = throttle;
        this.sessions = sessions;
        this.totp = totp;
        this.audit = audit;
        this.tx = tx;
    }

    // ---------- sign-in ----------

    @Override
    public LoginOutcome login(String username, String password, String clientAddress) {
        return signIn.login(username, password, clientAddress);
    }

    @Override
    public IssuedToken completeLogin(String challenge, String code, String clientAddress) {
        return signIn.completeLogin(challenge, code, clientAddress);
    }

    // ---------- sessions ----------

    @Override
    public void logout(Actor actor, String jti) {
        inTx(() -> {
            boolean ended = sessions.revoke(jti, "LOGOUT");
            audit.record(actor, "LOGOUT", "user", actor.username(), Map.of("session", shortId(jti), "ended", ended));
            return null;
        });
    }

    @Override
    public SessionAccess access(String jti) {
        if (jti == null || jti.isBlank()) {
            return SessionAccess.ENDED;
        }
        Optional<SessionStore.Session> found = sessions.find(jti);
        if (found.isEmpty()) {
            return SessionAccess.ENDED;
        }
        SessionStore.Session s = found.get();
        if (s.revokedAt() != null || !s.expiresAt().isAfter(s.now())) {
            return SessionAccess.ENDED;
        }
        if (sessions.idle(s)) {
            inTx(() -> {
                if (sessions.revoke(jti, "IDLE_TIMEOUT")) {
                    UserRow u = users.find(s.userId()).orElseThrow();
                    audit.record(
                            Actor.system("session-idle-timeout"),
                            "SESSION_IDLE_TIMEOUT",
                            "user",
                            u.username(),
                            Map.of(
                                    "session",
                                    shortId(jti),
                                    "lastSeenAt",
                                    s.lastSeenAt().toString()));
                }
                return null;
            });
            return SessionAccess.ENDED;
        }
        if (sessions.dueForTouch(s)) {
            sessions.touch(jti);
        }
        return switch (s.purpose()) {
            case FULL -> SessionAccess.FULL;
            case PASSWORD_CHANGE -> SessionAccess.PASSWORD_CHANGE_ONLY;
            case MFA_ENROLMENT -> SessionAccess.MFA_ENROLMENT_ONLY;
        };
    }

    @Override
    public SessionUser user(String username) {
        UserRow u = existing(username);
        return new SessionUser(u.username(), List.of(u.role()), u.organizationId());
    }

    @Override
    public AccountSecurity security(String username) {
        UserRow u = existing(username);
        boolean enabled = totp.enabled(u.id());
        return new AccountSecurity(
                enabled,
                totp.requiredFor(u.role()),
                enabled ? totp.recoveryCodesLeft(u.id()) : 0,
                u.mustChangePassword());
    }

    // ---------- passwords ----------

    @Override
    public void changePassword(Actor actor, String jti, String currentPassword, String newPassword) {
        UserRow u = existing(actor.username());
        policy.require("newPassword", newPassword, u.username());
        String address = actor.ipAddress() == null ? "unknown" : actor.ipAddress();
        signIn.charge(u.username(), address, "PASSWORD_CHANGE");
        if (!passwords.matches(currentPassword, u.passwordHash())) {
            inTx(() -> {
                throttle.failed(u.username(), address);
                audit.record(
                        actor,
                        "PASSWORD_CHANGE_FAILED",
                        "user",
                        u.username(),
                        Map.of("reason", SignIn.BAD_CREDENTIALS));
                return null;
            });
            throw new InvalidInputException("当前密码不正确", List.of(new Violation("currentPassword", "当前密码不正确")));
        }
        if (passwords.matches(newPassword, u.passwordHash())) {
            inTx(() -> {
                throttle.cleared(u.username(), address);
                return null;
            });
            throw new InvalidInputException("新密码不能与当前密码相同", List.of(new Violation("newPassword", "新密码不能与当前密码相同")));
        }
        String hash = passwords.hash(newPassword);
        inTx(() -> {
            users.changePassword(u.id(), hash);
            throttle.cleared(u.username(), address);
            int ended = sessions.revokeAll(u.id(), "PASSWORD_CHANGED", jti);
            sessions.find(jti)
                    .filter(s -> s.purpose() == SessionStore.Purpose.PASSWORD_CHANGE)
                    .ifPresent(s -> sessions.changePurpose(jti, signIn.purposeFor(u, false)));
            audit.record(actor, "PASSWORD_CHANGED", "user", u.username(), Map.of("otherSessionsEnded", ended));
            return null;
        });
    }

    private UserRow existing(String username) {
        return users.byUsername(username).orElseThrow(() -> new NotFoundException("用户不存在：" + username));
    }

    private <T> T inTx(Supplier<T> work) {
        return tx.executeWrite(status -> work.get());
    }

    private static String shortId(String jti) {
        return jti.length() <= 8 ? jti : jti.substring(0, 8);
    }
}
