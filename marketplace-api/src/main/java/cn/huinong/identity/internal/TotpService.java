package cn.huinong.identity.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.TwoFactor;
import cn.huinong.identity.TwoFactorAlreadyEnabled;
import cn.huinong.identity.TwoFactorEnrolmentNotStarted;
import cn.huinong.identity.TwoFactorNotEnabled;
import cn.huinong.identity.TwoFactorRequired;
import cn.huinong.shared.Actor;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * TOTP enrolment, second-factor checks at sign-in and the sign-in challenges between the two steps. Created at
 * startup ({@code @Context}) so that a bad key or configuration stops the application rather than every sign-in.
 */
@Context
class TotpService implements TwoFactor {

    static final String FACTOR_TOTP = "TOTP";
    static final String FACTOR_RECOVERY_CODE = "RECOVERY_CODE";
    private static final SecureRandom RANDOM = new SecureRandom();

    record Challenge(long userId, String clientAddress, int attempts, boolean usable) {}

    private final Sql sql;
    private final UserStore users;
    private final SessionStore sessions;
    private final MfaSettings settings;
    private final AuditLog audit;
    private final Totp totp;

    private final Clock clock;

    TotpService(
            Sql sql,
            UserStore users,
            SessionStore sessions,
            MfaSettings settings,
            AuditLog audit,
            @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String jwtSecret,
            Clock clock) {
        this.clock = clock;
        this.sql = sql;
        this.users = users;
        this.sessions = sessions;
        this.settings = settings;
        this.audit = audit;
        // without a key of its own: one derived from the JWT secret (Totp hashes it again), never the same bytes
        this.totp =
                new Totp(settings.encryptionKey() != null ? settings.encryptionKey() : "huinong-mfa-seal:" + jwtSecret);
    }

    @Transactional(readOnly = true)
    public boolean enabled(long userId) {
        return sql.count("SELECT count(*) FROM user_totp WHERE user_id = ? AND confirmed_at IS NOT NULL", userId) > 0;
    }

    @Transactional(readOnly = true)
    public int recoveryCodesLeft(long userId) {
        return (int) sql.count("SELECT count(*) FROM user_recovery_code WHERE user_id = ? AND used_at IS NULL", userId);
    }

    boolean requiredFor(String role) {
        return settings.requiredFor(role);
    }

    @Override
    @Transactional
    public TotpEnrolment startTotp(Actor actor) {
        UserRow u = user(actor);
        if (enabled(u.id())) {
            throw new TwoFactorAlreadyEnabled("两步验证已启用；如需更换设备，请先关闭后重新绑定");
        }
        byte[] secret = Totp.newSecret();
        sql.update("""
                INSERT INTO user_totp (user_id, secret_sealed) VALUES (?, ?)
                ON CONFLICT (user_id) DO UPDATE SET secret_sealed = excluded.secret_sealed, confirmed_at = NULL,
                    last_used_step = 0, created_at = now()""", u.id(), totp.seal(secret));
        audit.record(actor, "MFA_ENROLMENT_STARTED", "user", u.username(), Map.of("factor", FACTOR_TOTP));
        String encoded = Totp.base32(secret);
        String label = enc(settings.issuer()) + ":" + enc(u.username());
        String uri = "otpauth://totp/" + label + "?secret=" + encoded + "&issuer=" + enc(settings.issuer())
                + "&algorithm=SHA1&digits=6&period=" + Totp.STEP.toSeconds();
        return new TotpEnrolment(encoded, uri, settings.issuer(), u.username());
    }

    @Override
    @Transactional
    public List<String> confirmTotp(Actor actor, String jti, String code) {
        UserRow u = user(actor);
        record Pending(String sealed, boolean confirmed) {}
        Pending p = sql.one(
                        "SELECT secret_sealed, confirmed_at IS NOT NULL FROM user_totp WHERE user_id = ? FOR UPDATE",
                        rs -> new Pending(rs.getString(1), rs.getBoolean(2)),
                        u.id())
                .orElseThrow(() -> new TwoFactorEnrolmentNotStarted("请先开始绑定两步验证"));
        if (p.confirmed()) {
            throw new TwoFactorAlreadyEnabled("两步验证已启用");
        }
        OptionalLong step = Totp.matchingStep(totp.open(p.sealed()), code, 0, Instant.now(clock));
        if (step.isEmpty()) {
            throw new InvalidInputException("验证码不正确", List.of(new Violation("code", "验证码不正确，请输入验证器中当前显示的6位数字")));
        }
        sql.update(
                "UPDATE user_totp SET confirmed_at = now(), last_used_step = ? WHERE user_id = ?",
                step.getAsLong(),
                u.id());
        List<String> codes = newRecoveryCodes(u.id());
        sessions.find(jti)
                .filter(s -> s.purpose() == SessionStore.Purpose.MFA_ENROLMENT)
                .ifPresent(s -> sessions.changePurpose(jti, SessionStore.Purpose.FULL));
        audit.record(
                actor,
                "MFA_ENABLED",
                "user",
                u.username(),
                Map.of("factor", FACTOR_TOTP, "recoveryCodes", codes.size()));
        return codes;
    }

    @Override
    @Transactional
    public void disableTotp(Actor actor, String code) {
        UserRow u = user(actor);
        if (!enabled(u.id())) {
            throw new TwoFactorNotEnabled("两步验证未启用");
        }
        if (settings.requiredFor(u.role())) {
            throw new TwoFactorRequired("您的角色必须启用两步验证，不能关闭");
        }
        Optional<String> factor = consumeSecondFactor(u.id(), code);
        if (factor.isEmpty()) {
            throw new InvalidInputException("验证码不正确", List.of(new Violation("code", "验证码不正确，请输入验证器中的6位数字或一个恢复码")));
        }
        sql.update("DELETE FROM user_recovery_code WHERE user_id = ?", u.id());
        sql.update("DELETE FROM user_totp WHERE user_id = ?", u.id());
        audit.record(
                actor,
                "MFA_DISABLED",
                "user",
                u.username(),
                Map.of("factor", FACTOR_TOTP, "confirmedWith", factor.get()));
    }

    /** Removes the user's TOTP and recovery codes; whether there was one. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean remove(long userId) {
        sql.update("DELETE FROM user_recovery_code WHERE user_id = ?", userId);
        return sql.update("DELETE FROM user_totp WHERE user_id = ?", userId) > 0;
    }

    /**
     * Checks a TOTP code (a step later than the last one used: no replays) or an unused recovery code, and uses
     * it up; the factor that matched, if any.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<String> consumeSecondFactor(long userId, String code) {
        record Secret(String sealed, long lastUsedStep) {}
        Optional<Secret> s = sql.one("""
                SELECT secret_sealed, last_used_step FROM user_totp WHERE user_id = ? AND confirmed_at IS NOT NULL FOR UPDATE""", rs -> new Secret(rs.getString(1), rs.getLong(2)), userId);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong step =
                Totp.matchingStep(totp.open(s.get().sealed()), code, s.get().lastUsedStep(), Instant.now(clock));
        if (step.isPresent()) {
            int used = sql.update(
                    "UPDATE user_totp SET last_used_step = ? WHERE user_id = ? AND last_used_step < ?",
                    step.getAsLong(),
                    userId,
                    step.getAsLong());
            return used > 0 ? Optional.of(FACTOR_TOTP) : Optional.empty();
        }
        String normalised = Totp.normaliseRecoveryCode(code);
        if (normalised.length() != 10) {
            return Optional.empty();
        }
        int used = sql.update(
                "UPDATE user_recovery_code SET used_at = now() WHERE user_id = ? AND code_hash = ? AND used_at IS NULL",
                userId,
                recoveryHash(userId, normalised));
        return used > 0 ? Optional.of(FACTOR_RECOVERY_CODE) : Optional.empty();
    }

    /** A sign-in challenge for a user whose password was right; the token goes to the client, its hash is kept. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public String openChallenge(long userId, String clientAddress) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        sql.update(
                "INSERT INTO login_challenge (token_hash, user_id, client_address, expires_at) VALUES (?, ?, ?, ?)",
                Totp.sha256(token),
                userId,
                clientAddress,
                Instant.now(clock).plus(settings.challengeLifetime()));
        return token;
    }

    @Transactional(readOnly = true)
    public Optional<Challenge> challenge(String token) {
        return sql.one(
                """
                SELECT user_id, client_address, attempts,
                       (used_at IS NULL AND expires_at > now() AND attempts < ?) AS usable
                FROM login_challenge WHERE token_hash = ?""",
                rs -> new Challenge(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)),
                settings.maxCodeAttempts(),
                Totp.sha256(token == null ? "" : token));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void challengeFailed(String token) {
        sql.update("UPDATE login_challenge SET attempts = attempts + 1 WHERE token_hash = ?", Totp.sha256(token));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean useChallenge(String token) {
        return sql.update(
                        "UPDATE login_challenge SET used_at = now() WHERE token_hash = ? AND used_at IS NULL",
                        Totp.sha256(token))
                > 0;
    }

    @Transactional
    public int forgetOldChallenges() {
        return sql.update("DELETE FROM login_challenge WHERE expires_at < now() - interval '1 day'");
    }

    private List<String> newRecoveryCodes(long userId) {
        sql.update("DELETE FROM user_recovery_code WHERE user_id = ?", userId);
        List<String> codes = new ArrayList<>();
        while (codes.size() < settings.recoveryCodes()) {
            String code = Totp.newRecoveryCode();
            if (!codes.contains(code)) {
                codes.add(code);
                sql.update(
                        "INSERT INTO user_recovery_code (user_id, code_hash) VALUES (?, ?)",
                        userId,
                        recoveryHash(userId, Totp.normaliseRecoveryCode(code)));
            }
        }
        return codes;
    }

    private static String recoveryHash(long userId, String normalisedCode) {
        return Totp.sha256(userId + ":" + normalisedCode);
    }

    private UserRow user(Actor actor) {
        return users.byUsername(actor.username()).orElseThrow(() -> new NotFoundException("用户不存在：" + actor.username()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    long challengeLifetimeSeconds() {
        return settings.challengeLifetime().toSeconds();
    }
}
