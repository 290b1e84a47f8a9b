package cn.huinong.identity.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.Accounts.IssuedToken;
import cn.huinong.identity.Accounts.LoginOutcome;
import cn.huinong.identity.Accounts.SessionUser;
import cn.huinong.identity.InvalidCredentials;
import cn.huinong.identity.InvalidTotpCode;
import cn.huinong.identity.LoginChallengeExpired;
import cn.huinong.shared.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sign-in (ADR 9). A login is throttled first ({@link LoginThrottle#charge}, its own transaction), the password
 * checked outside any transaction, and the outcome (throttle, session, audit entry) written in one transaction. Every
 * success and failure is audited with the username tried, the client address, the outcome and a reason code; never
 * the password or a code.
 */
@Singleton
class SignIn {

    static final String BAD_CREDENTIALS = "BAD_CREDENTIALS";
    static final String UNKNOWN_USER = "UNKNOWN_USER";
    static final String DISABLED = "DISABLED";
    static final String TEMPORARY_PASSWORD_EXPIRED = "TEMPORARY_PASSWORD_EXPIRED";
    static final String BAD_SECOND_FACTOR = "BAD_SECOND_FACTOR";
    static final String CHALLENGE_INVALID = "CHALLENGE_INVALID";

    private final UserStore users;
    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final SessionStore sessions;
    private final TotpService totp;
    private final TokenGenerator tokens;
    private final IdentitySettings settings;
    private final AuditLog audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    SignIn(
            UserStore users,
            PasswordHasher passwords,
            LoginThrottle throttle,
            SessionStore sessions,
            TotpService totp,
            TokenGenerator tokens,
            IdentitySettings settings,
            AuditLog audit,
            TransactionOperations<Connection> tx,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.totp = totp;
        this.tokens = tokens;
        this.settings = settings;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    LoginOutcome login(String username, String password, String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        charge(username, address, null);
        Optional<UserRow> user = users.byUsername(username);
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

    IssuedToken completeLogin(String challenge, String code, String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        Optional<TotpService.Challenge> c = totp.challenge(challenge);
        Optional<UserRow> user = c.flatMap(ch -> users.find(ch.userId()));
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
    void charge(String username, String address, @Nullable String factor) {
        try {
            throttle.charge(username, address);
        } catch (LoginRefused refused) {
            inTx(() -> {
                auditLogin(
                        username,
                        users.byUsername(username).orElse(null),
                        address,
                        false,
                        refused.reason(),
                        factor == null ? "PASSWORD" : factor);
                return null;
            });
            throw refused;
        }
    }

    /** What a new session of {@code u} may do: change the password, enrol a second factor, or everything. */
    SessionStore.Purpose purposeFor(UserRow u, boolean mustChangePassword) {
        if (mustChangePassword) {
            return SessionStore.Purpose.PASSWORD_CHANGE;
        }
        if (totp.requiredFor(u.role()) && !totp.enabled(u.id())) {
            return SessionStore.Purpose.MFA_ENROLMENT;
        }
        return SessionStore.Purpose.FULL;
    }

    private boolean temporaryPasswordSpent(UserRow u) {
        return u.temporaryPasswordExpiresAt() != null
                && !u.temporaryPasswordExpiresAt().isAfter(Instant.now(clock));
    }

    /** A session row and its token; an operator's one-time password is used up by this sign-in. */
    private IssuedToken issue(UserRow u, String address, boolean secondFactor) {
        if (u.temporaryPasswordExpiresAt() != null) {
            users.spendTemporaryPassword(u.id());
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

    private <T> T inTx(Supplier<T> work) {
        return tx.executeWrite(status -> work.get());
    }
}
