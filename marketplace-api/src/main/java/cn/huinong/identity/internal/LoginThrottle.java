package cn.huinong.identity.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.AccountNotLocked;
import cn.huinong.shared.Actor;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Login throttling (ADR 9), kept in PostgreSQL so that every app instance agrees:
 * <ul>
 *   <li>per account and client: a few free failures, then a doubling wait for THAT client only; a stranger
 *   guessing from elsewhere never delays the owner;</li>
 *   <li>per client across accounts (password spraying from one address);</li>
 *   <li>account-wide only after many failures from many distinct clients: a lock until its time runs out or
 *   an operator lifts it, both audited.</li>
 * </ul>
 * An attempt is charged as a failure before its password is checked ({@link #charge}), so parallel guesses
 * cannot slip past the count; a success forgets that client's failures ({@link #cleared}).
 */
@Singleton
class LoginThrottle {

    static final String THROTTLED = "THROTTLED";
    static final String ADDRESS_THROTTLED = "ADDRESS_THROTTLED";
    static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";

    private final Sql sql;
    private final LoginSettings settings;
    private final AuditLog audit;

    LoginThrottle(Sql sql, LoginSettings settings, AuditLog audit) {
        this.sql = sql;
        this.settings = settings;
        this.audit = audit;
    }

    static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /** Refuses the attempt ({@link LoginRefused}) or counts it as a failure until it proves otherwise. */
    @Transactional
    public void charge(String username, String address) {
        String key = key(username);
        Optional<Instant> lockedUntil = lockedUntil(key);
        Instant now = now();
        if (lockedUntil.isPresent()) {
            throw new LoginRefused(
                    ACCOUNT_LOCKED, "该账号因多处登录失败已被临时锁定，请稍后再试或联系平台运营人员解锁", Duration.between(now, lockedUntil.get()));
        }
        long fromAddress = sql.count("""
                SELECT count(*) FROM login_attempt
                WHERE ip_address = ? AND NOT succeeded AND at > now() - make_interval(secs => ?)""", address, settings.addressWindow().toSeconds());
        if (fromAddress >= settings.maxFailuresPerAddress()) {
            throw new LoginRefused(
                    ADDRESS_THROTTLED,
                    "该地址登录失败次数过多，请" + minutes(settings.addressWindow()) + "分钟后再试",
                    settings.addressWindow());
        }
        sql.update(
                "INSERT INTO login_throttle (username_key, client_address) VALUES (?, ?) ON CONFLICT DO NOTHING",
                key,
                address);
        record State(int failures, Instant lastFailure, Instant blockedUntil) {}
        State s = sql.one(
                        """
                SELECT failures, last_failure_at, blocked_until FROM login_throttle
                WHERE username_key = ? AND client_address = ? FOR UPDATE""",
                        rs -> new State(
                                rs.getInt(1), Sql.instant(rs, "last_failure_at"), Sql.instant(rs, "blocked_until")),
                        key,
                        address)
                .orElseThrow();
        if (s.blockedUntil() != null && s.blockedUntil().isAfter(now)) {
            Duration wait = Duration.between(now, s.blockedUntil());
            throw new LoginRefused(THROTTLED, "登录失败次数过多，请" + readable(wait) + "后再试", roundUp(wait));
        }
        boolean forgotten = s.lastFailure() == null || s.lastFailure().isBefore(now.minus(settings.failureMemory()));
        int failures = (forgotten ? 0 : s.failures()) + 1;
        Duration delay = settings.delayAfter(failures);
        sql.update("""
                UPDATE login_throttle SET failures = ?, last_failure_at = ?, blocked_until = ?
                WHERE username_key = ? AND client_address = ?""", failures, now, delay.isZero() ? null : now.plus(delay), key, address);
    }

    /** The attempt failed: it stays counted; enough failures from enough clients lock the account (audited). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void failed(String username, String address) {
        String key = key(username);
        sql.update(
                "INSERT INTO login_attempt (username, ip_address, succeeded) VALUES (?, ?, false)", username, address);
        LoginSettings.AccountLock lock = settings.accountLock();
        record Spread(long clients, long failures) {}
        Spread spread = sql.one(
                        """
                SELECT count(*), coalesce(sum(failures), 0) FROM login_throttle
                WHERE username_key = ? AND last_failure_at > greatest(now() - make_interval(secs => ?),
                      coalesce((SELECT least(lifted_at, locked_until) FROM login_account_lock WHERE username_key = ?),
                               '-infinity'))""",
                        rs -> new Spread(rs.getLong(1), rs.getLong(2)),
                        key,
                        lock.window().toSeconds(),
                        key)
                .orElseThrow();
        if (spread.clients() < lock.distinctClients() || spread.failures() < lock.failures()) {
            return;
        }
        Instant now = now();
        Instant until = now.plus(lock.duration());
        int locked = sql.update("""
                INSERT INTO login_account_lock AS l (username_key, locked_at, locked_until, clients, failures)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (username_key) DO UPDATE
                  SET locked_at = excluded.locked_at, locked_until = excluded.locked_until, clients = excluded.clients,
                      failures = excluded.failures, lifted_at = NULL, lifted_by = NULL
                  WHERE l.lifted_at IS NOT NULL OR l.locked_until <= excluded.locked_at""", key, now, until, (int) spread.clients(), (int) spread.failures());
        if (locked > 0) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("username", key);
            detail.put("distinctClients", spread.clients());
            detail.put("failures", spread.failures());
            detail.put("lockedUntil", until.toString());
            audit.record(Actor.system("login-throttle"), "ACCOUNT_LOCKED", "user", key, detail);
        }
    }

    /** A success from this client: its failures for this account are forgotten. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void cleared(String username, String address) {
        sql.update("DELETE FROM login_throttle WHERE username_key = ? AND client_address = ?", key(username), address);
        sql.update(
                "INSERT INTO login_attempt (username, ip_address, succeeded) VALUES (?, ?, true)", username, address);
    }

    /** An operator lifts an account-wide lock (audited); 409 when the account is not locked. */
    @Transactional
    public void unlock(String username, Actor operator) {
        String key = key(username);
        record Lock(Instant lockedAt, Instant lockedUntil) {}
        Lock lock = sql.one(
                        """
                UPDATE login_account_lock SET lifted_at = now(), lifted_by = ?
                WHERE username_key = ? AND lifted_at IS NULL AND locked_until > now()
                RETURNING locked_at, locked_until""",
                        rs -> new Lock(Sql.instant(rs, "locked_at"), Sql.instant(rs, "locked_until")),
                        operator.username(),
                        key)
                .orElseThrow(() -> new AccountNotLocked("该账号当前未被锁定"));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("username", key);
        detail.put("lockedAt", lock.lockedAt().toString());
        detail.put("lockedUntil", lock.lockedUntil().toString());
        audit.record(operator, "ACCOUNT_UNLOCKED", "user", key, detail);
    }

    /** The end of the account's current account-wide lock, if it is locked. */
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(String usernameKey) {
        return sql.one("""
                SELECT locked_until FROM login_account_lock
                WHERE username_key = ? AND lifted_at IS NULL AND locked_until > now()""", rs -> Sql.instant(rs, "locked_until"), usernameKey);
    }

    /** Forgets what no rule reads any more (old failures, old attempts, old locks). */
    @Transactional
    public int forgetOld() {
        long keep = Math.max(
                settings.failureMemory().toSeconds(),
                Math.max(
                        settings.addressWindow().toSeconds(),
                        settings.accountLock().window().toSeconds()));
        return sql.update("""
                DELETE FROM login_throttle WHERE last_failure_at < now() - make_interval(secs => ?)
                  AND (blocked_until IS NULL OR blocked_until < now())""", keep)
                + sql.update("DELETE FROM login_attempt WHERE at < now() - make_interval(secs => ?)", keep)
                + sql.update(
                        "DELETE FROM login_account_lock WHERE locked_until < now() - make_interval(secs => ?)", keep);
    }

    /**
     * The database's clock, not the application's {@code Clock} (ADR 17: SQL that compares with {@code now()} stays):
     * the waits and locks written here are compared with {@code now()} in this class's SQL, by every instance.
     */
    private Instant now() {
        return sql.one("SELECT now()", rs -> Sql.instant(rs, "now")).orElseThrow();
    }

    private static Duration roundUp(Duration d) {
        return d.getNano() == 0 ? d : Duration.ofSeconds(d.getSeconds() + 1);
    }

    private static long minutes(Duration d) {
        return Math.max(1, d.toMinutes());
    }

    static String readable(Duration wait) {
        long s = roundUp(wait).toSeconds();
        if (s < 60) {
            return s + "秒";
        }
        long m = (s + 59) / 60;
        return m < 60 ? m + "分钟" : ((m + 59) / 60) + "小时";
    }
}
