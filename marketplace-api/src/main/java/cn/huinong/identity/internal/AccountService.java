package cn.huinong.identity.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.AccountAdministration;
import cn.huinong.identity.Accounts;
import cn.huinong.identity.InvalidCredentials;
import cn.huinong.identity.InvalidTotpCode;
import cn.huinong.identity.LoginChallengeExpired;
import cn.huinong.identity.TwoFactorNotEnabled;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sign-in and sessions (ADR 9). A login is throttled first ({@link LoginThrottle#charge}, its own transaction),
 * the password checked outside any transaction, and the outcome (throttle, session, audit entry) written in one
 * transaction. Every success and failure is audited with the username tried, the client address, the outcome and
 * a reason code; never the password or a code.
 */
@Singleton
class AccountService implements Accounts, AccountAdministration {

    static final String BAD_CREDENTIALS = "BAD_CREDENTIALS";
    static final String UNKNOWN_USER = "UNKNOWN_USER";
    static final String DISABLED = "DISABLED";
    static final String TEMPORARY_PASSWORD_EXPIRED = "TEMPORARY_PASSWORD_EXPIRED";
    static final String BAD_SECOND_FACTOR = "BAD_SECOND_FACTOR";
    static final String CHALLENGE_INVALID = "CHALLENGE_INVALID";

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final PasswordPolicy policy;
    private final PasswordSettings passwordSettings;
    private final LoginThrottle throttle;
    private final SessionStore sessions;
    private final TotpService totp;
    private final TokenGenerator tokens;
    private final IdentitySettings settings;
    private final AuditLog audit;
    private final Sql sql;
    private final TransactionOperations<Connection> tx;

    private final Clock clock;

    AccountService(
            UserRepository users,
            PasswordHasher passwords,
            PasswordPolicy policy,
            PasswordSettings passwordSettings,
            LoginThrottle throttle,
            SessionStore sessions,
            TotpService totp,
            TokenGenerator tokens,
            IdentitySettings settings,
            AuditLog audit,
            Sql sql,
            TransactionOperations<Connection> tx,
            Clock clock) {
        this.clock = clock;
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.passwordSettings = passwordSettings;
        this.throttle = throttle;
        this.sessions = sessions;
        this.totp = totp;
        this.tokens = tokens;
        this.settings = settings;
        this.audit = audit;
        this.sql = sql;
        this.tx = tx;
    }

    // ---------- sign-in ----------

    @Override
    public LoginOutcome login(String username, String password, String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        charge(username, address, null);
        Optional<UserRow> user = users.findByUsernameIgnoringCase(username);
        String failure = null;
        if (user.isEmpty()) {
            passwords.burn(password);
            failure = UNKNOWN_USER;
        } else if (!passwords.matches(password, user.get().passwordHash())) {
            failure = BAD_CREDENTIALS;
        } else if (!user.get().enabled()) {
            failure = DISABLED;
        } else if (temporaryPasswordSpent(user.get())) {
            failure = TEMPORARY_PASSWORD_EXPIRED;
        }
        if (failure != null) {
            String reason = failure;
            inTx(() -> {
                throttle.failed(username, address);
                auditLogin(username, user.orElse(null), address, false, reason, "PASSWORD");
                return null;
            });
            throw new InvalidCredentials("用户名或密码错误");
        }
        UserRow u = user.get();
        if (totp.enabled(u.id())) {
            // the attempt stays charged until the second factor is right: codes are throttled like passwords
            String challenge = inTx(() -> {
                String c = totp.openChallenge(u.id(), address);
                auditLogin(username, u, address, true, "SECOND_FACTOR_REQUIRED", "PASSWORD");
                return c;
            });
            return new LoginOutcome(null, challenge, totp.challengeLifetimeSeconds());
        }
        IssuedToken token = inTx(() -> {
            throttle.cleared(username, address);
            IssuedToken t = issue(u, address, false);
            auditLogin(username, u, address, true, null, "PASSWORD");
            return t;
        });
        return new LoginOutcome(token, null, 0);
    }

    @Override
    public IssuedToken completeLogin(String challenge, String code, String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        Optional<TotpService.Challenge> c = totp.challenge(challenge);
        Optional<UserRow> user = c.flatMap(ch -> users.findById(ch.userId()));
        if (c.isEmpty()
                || user.isEmpty()
                || !c.get().usable()
                || !c.get().clientAddress().equals(address)) {
            inTx(() -> {
                auditLogin(
                        user.map(UserRow::username).orElse("unknown"),
                        user.orElse(null),
                        address,
                        false,
                        CHALLENGE_INVALID,
                        "TOTP");
                return null;
            });
            throw new LoginChallengeExpired("验证已失效，请重新输入用户名和密码登录");
        }
        UserRow u = user.get();
        charge(u.username(), address, "TOTP");
        Optional<IssuedToken> token = inTx(() -> {
            Optional<String> factor = totp.consumeSecondFactor(u.id(), code);
            if (factor.isEmpty() || !totp.useChallenge(challenge)) {
                return Optional.empty();
            }
            throttle.cleared(u.username(), address);
            IssuedToken t = issue(u, address, true);
            auditLogin(u.username(), u, address, true, null, factor.get());
            return Optional.of(t);
        });
        if (token.isPresent()) {
            return token.get();
        }
        inTx(() -> {
            totp.challengeFailed(challenge);
            throttle.failed(u.username(), address);
            auditLogin(u.username(), u, address, false, BAD_SECOND_FACTOR, "TOTP");
            return null;
        });
        throw new InvalidTotpCode("验证码错误或已使用，请输入验证器中当前的6位数字");
    }

    /** Throttle first; a refusal is audited as a failure with the throttle's reason. */
    private void charge(String username, String address, @Nullable String factor) {
        try {
            throttle.charge(username, address);
        } catch (LoginRefused refused) {
            inTx(() -> {
                auditLogin(
                        username,
                        users.findByUsernameIgnoringCase(username).orElse(null),
                        address,
                        false,
                        refused.reason(),
                        factor == null ? "PASSWORD" : factor);
                return null;
            });
            throw refused;
        }
    }

    private boolean temporaryPasswordSpent(UserRow u) {
        return u.temporaryPasswordExpiresAt() != null
                && !u.temporaryPasswordExpiresAt().isAfter(Instant.now(clock));
    }

    /** A session row and its token; an operator's one-time password is used up by this sign-in. */
    private IssuedToken issue(UserRow u, String address, boolean secondFactor) {
        if (u.temporaryPasswordExpiresAt() != null) {
            sql.update("UPDATE app_user SET temporary_password_expires_at = now() WHERE id = ?", u.id());
        }
        SessionStore.Purpose purpose = purposeFor(u, u.mustChangePassword());
        String jti = SessionStore.newJti();
        int lifetime = (int) settings.tokenLifetime().toSeconds();
        sessions.open(
                jti, u.id(), purpose, secondFactor, address, Instant.now(clock).plusSeconds(lifetime));
        SessionUser session = new SessionUser(u.username(), List.of(u.role()), u.organizationId());
        String token = tokens.generateToken(
                        Authentication.build(
                                u.username(),
                                session.roles(),
                                Map.of("organizationId", u.organizationId(), "jti", jti)),
                        lifetime)
                .orElseThrow(() -> new IllegalStateException("could not sign a token"));
        return new IssuedToken(
                token,
                lifetime,
                session,
                purpose == SessionStore.Purpose.PASSWORD_CHANGE,
                purpose == SessionStore.Purpose.MFA_ENROLMENT);
    }

    private SessionStore.Purpose purposeFor(UserRow u, boolean mustChangePassword) {
        if (mustChangePassword) {
            return SessionStore.Purpose.PASSWORD_CHANGE;
        }
        if (totp.requiredFor(u.role()) && !totp.enabled(u.id())) {
            return SessionStore.Purpose.MFA_ENROLMENT;
        }
        return SessionStore.Purpose.FULL;
    }

    private void auditLogin(
            String usernameTried,
            @Nullable UserRow user,
            String address,
            boolean succeeded,
            @Nullable String reason,
            String factor) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("username", usernameTried);
        detail.put("outcome", succeeded ? (reason == null ? "SUCCEEDED" : reason) : "FAILED");
        if (!succeeded) {
            detail.put("reason", reason);
        }
        detail.put("factor", factor);
        String action = !succeeded ? "LOGIN_FAILED" : reason == null ? "LOGIN_SUCCEEDED" : "LOGIN_PASSWORD_ACCEPTED";
        Actor actor = succeeded && user != null
                ? new Actor(user.username(), user.organizationId(), user.role(), address)
                : new Actor("anonymous", user == null ? null : user.organizationId(), null, address);
        audit.record(actor, action, "user", user == null ? LoginThrottle.key(usernameTried) : user.username(), detail);
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
                    UserRow u = users.findById(s.userId()).orElseThrow();
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
        UserRow u = users.findByUsernameIgnoringCase(username)
                .orElseThrow(() -> new NotFoundException("用户不存在：" + username));
        return new SessionUser(u.username(), List.of(u.role()), u.organizationId());
    }

    @Override
    public AccountSecurity security(String username) {
        UserRow u = users.findByUsernameIgnoringCase(username)
                .orElseThrow(() -> new NotFoundException("用户不存在：" + username));
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
        UserRow u = users.findByUsernameIgnoringCase(actor.username())
                .orElseThrow(() -> new NotFoundException("用户不存在：" + actor.username()));
        policy.require("newPassword", newPassword, u.username());
        String address = actor.ipAddress() == null ? "unknown" : actor.ipAddress();
        charge(u.username(), address, "PASSWORD_CHANGE");
        if (!passwords.matches(currentPassword, u.passwordHash())) {
            inTx(() -> {
                throttle.failed(u.username(), address);
                audit.record(actor, "PASSWORD_CHANGE_FAILED", "user", u.username(), Map.of("reason", BAD_CREDENTIALS));
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
            sql.update("""
                    UPDATE app_user SET password_hash = ?, password_changed_at = now(), must_change_password = false,
                        temporary_password_expires_at = NULL WHERE id = ?""", hash, u.id());
            throttle.cleared(u.username(), address);
            int ended = sessions.revokeAll(u.id(), "PASSWORD_CHANGED", jti);
            sessions.find(jti)
                    .filter(s -> s.purpose() == SessionStore.Purpose.PASSWORD_CHANGE)
                    .ifPresent(s -> sessions.changePurpose(jti, purposeFor(u, false)));
            audit.record(actor, "PASSWORD_CHANGED", "user", u.username(), Map.of("otherSessionsEnded", ended));
            return null;
        });
    }

    // ---------- operators ----------

    @Override
    public PageResponse<AccountView> search(@Nullable String q, boolean lockedOnly, PageQuery page) {
        String term = q == null || q.isBlank() ? null : q.strip();
        String where = """
                 FROM app_user u JOIN organization o ON o.id = u.organization_id
                 LEFT JOIN login_account_lock l ON l.username_key = lower(u.username)
                      AND l.lifted_at IS NULL AND l.locked_until > now()
                 WHERE (CAST(? AS text) IS NULL OR u.username ILIKE '%' || ? || '%' OR o.name ILIKE '%' || ? || '%')
                   AND (NOT ? OR l.username_key IS NOT NULL)""";
        Object[] args = {term, term, term, lockedOnly};
        return inTx(() -> {
            long total = sql.count("SELECT count(*)" + where, args);
            List<Object> all = new ArrayList<>(java.util.Arrays.asList(args)); // the term may be null
            all.add(page.size());
            all.add(page.offset());
            List<AccountView> items = sql.list(
                    """
                    SELECT u.id, u.username, u.role, u.organization_id, o.name, u.enabled, u.must_change_password,
                           u.created_at, l.locked_until,
                           EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS totp,
                           (SELECT count(*) FROM user_session s WHERE s.user_id = u.id AND s.revoked_at IS NULL
                              AND s.expires_at > now()
                              AND s.last_seen_at > now() - make_interval(secs => %d)) AS live
                    """.formatted(sessions.idleTimeoutSeconds()) + where + " ORDER BY u.username LIMIT ? OFFSET ?",
                    rs -> new AccountView(
                            rs.getLong("id"),
                            rs.getString("username"),
                            rs.getString("role"),
                            rs.getLong("organization_id"),
                            rs.getString("name"),
                            rs.getBoolean("enabled"),
                            rs.getBoolean("totp"),
                            rs.getBoolean("must_change_password"),
                            Sql.instant(rs, "locked_until"),
                            rs.getLong("live"),
                            Sql.instant(rs, "created_at")),
                    all.toArray());
            return new PageResponse<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public TemporaryPassword resetPassword(String username, Actor operator) {
        UserRow u = users.findByUsernameIgnoringCase(username)
                .orElseThrow(() -> new NotFoundException("用户不存在：" + username));
        String temporary = policy.temporary();
        String hash = passwords.hash(temporary);
        Instant until = Instant.now(clock).plus(passwordSettings.temporaryPasswordValidity());
        inTx(() -> {
            sql.update("""
                    UPDATE app_user SET password_hash = ?, password_changed_at = now(), must_change_password = true,
                        temporary_password_expires_at = ? WHERE id = ?""", hash, until, u.id());
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
        UserRow u = users.findByUsernameIgnoringCase(username)
                .orElseThrow(() -> new NotFoundException("用户不存在：" + username));
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
        UserRow u = users.findByUsernameIgnoringCase(username)
                .orElseThrow(() -> new NotFoundException("用户不存在：" + username));
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

    private <T> T inTx(Supplier<T> work) {
        return tx.executeWrite(status -> work.get());
    }

    private static String shortId(String jti) {
        return jti.length() <= 8 ? jti : jti.substring(0, 8);
    }
}
