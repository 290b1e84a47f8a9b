package cn.huinong.identity.internal;

import cn.huinong.shared.jdbc.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * One row per issued token, keyed by its {@code jti}: logout and revocation take effect on every instance at
 * once, and a session unused for the idle timeout ends. Its last use is written at most once per touch interval.
 */
@Singleton
class SessionStore {

    enum Purpose {
        FULL,
        PASSWORD_CHANGE,
        MFA_ENROLMENT
    }

    record Session(
            String jti,
            long userId,
            Purpose purpose,
            boolean secondFactor,
            Instant lastSeenAt,
            Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable String revokedReason,
            Instant now) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sql sql;
    private final SessionSettings settings;

    SessionStore(Sql sql, SessionSettings settings) {
        this.sql = sql;
        this.settings = settings;
    }

    static String newJti() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void open(
            String jti, long userId, Purpose purpose, boolean secondFactor, String address, Instant expiresAt) {
        sql.update("""
                INSERT INTO user_session (jti, user_id, purpose, second_factor, client_address, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""", jti, userId, purpose.name(), secondFactor, address, expiresAt);
    }

    @Transactional(readOnly = true)
    public Optional<Session> find(String jti) {
        return sql.one(
                """
                SELECT jti, user_id, purpose, second_factor, last_seen_at, expires_at, revoked_at, revoked_reason, now() AS now
                FROM user_session WHERE jti = ?""",
                rs -> new Session(
                        rs.getString("jti"),
                        rs.getLong("user_id"),
                        Purpose.valueOf(rs.getString("purpose")),
                        rs.getBoolean("second_factor"),
                        Sql.instant(rs, "last_seen_at"),
                        Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "revoked_at"),
                        rs.getString("revoked_reason"),
                        Sql.instant(rs, "now")),
                jti);
    }

    long idleTimeoutSeconds() {
        return settings.idleTimeout().toSeconds();
    }

    /** Idle for longer than the timeout (at the database's clock). */
    boolean idle(Session s) {
        return s.lastSeenAt().plus(settings.idleTimeout()).isBefore(s.now());
    }

    boolean dueForTouch(Session s) {
        return s.lastSeenAt().plus(settings.touchInterval()).isBefore(s.now());
    }

    /** Writes the last use, at most once per touch interval (the condition holds across instances too). */
    @Transactional
    public void touch(String jti) {
        sql.update("""
                UPDATE user_session SET last_seen_at = now()
                WHERE jti = ? AND revoked_at IS NULL AND last_seen_at < now() - make_interval(secs => ?)""", jti, settings.touchInterval().toSeconds());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean revoke(String jti, String reason) {
        return sql.update(
                        "UPDATE user_session SET revoked_at = now(), revoked_reason = ? WHERE jti = ? AND revoked_at IS NULL",
                        reason,
                        jti)
                > 0;
    }

    /** Ends every live session of the user except {@code keepJti} (null: all); how many ended. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int revokeAll(long userId, String reason, @Nullable String keepJti) {
        return sql.update("""
                UPDATE user_session SET revoked_at = now(), revoked_reason = ?
                WHERE user_id = ? AND revoked_at IS NULL AND expires_at > now() AND jti IS DISTINCT FROM ?""", reason, userId, keepJti);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void changePurpose(String jti, Purpose purpose) {
        sql.update("UPDATE user_session SET purpose = ? WHERE jti = ? AND revoked_at IS NULL", purpose.name(), jti);
    }

    /** Deletes sessions a day past their expiry. */
    @Transactional
    public int forgetOld() {
        return sql.update("DELETE FROM user_session WHERE expires_at < now() - interval '1 day'");
    }
}
