package cn.huinong.identity.internal;

import cn.huinong.shared.problem.RateLimitedException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * Refuses logins after too many recent failures for one account (since its last success) or from
 * one address. Kept in PostgreSQL so that every app instance sees the same counts.
 */
@Singleton
class LoginThrottle {

    private final JdbcOperations jdbc;
    private final LoginSettings settings;

    LoginThrottle(JdbcOperations jdbc, LoginSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public void check(String username, String address) {
        long windowSeconds = settings.window().toSeconds();
        long accountFailures = count("""
                SELECT count(*) FROM login_attempt
                WHERE lower(username) = lower(?) AND NOT succeeded AND at > now() - make_interval(secs => ?)
                  AND at > coalesce((SELECT max(at) FROM login_attempt WHERE lower(username) = lower(?) AND succeeded), '-infinity')""",
                username, windowSeconds, username);
        if (accountFailures >= settings.maxFailuresPerAccount()) {
            throw new RateLimitedException("该账号登录失败次数过多，请" + minutes() + "分钟后再试", settings.window());
        }
        long addressFailures = count("""
                SELECT count(*) FROM login_attempt
                WHERE ip_address = ? AND NOT succeeded AND at > now() - make_interval(secs => ?)""", address, windowSeconds);
        if (addressFailures >= settings.maxFailuresPerAddress()) {
            throw new RateLimitedException("该地址登录失败次数过多，请" + minutes() + "分钟后再试", settings.window());
        }
    }

    @Transactional
    public void record(String username, String address, boolean succeeded) {
        jdbc.prepareStatement("INSERT INTO login_attempt (username, ip_address, succeeded) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, username);
            ps.setString(2, address);
            ps.setBoolean(3, succeeded);
            return ps.executeUpdate();
        });
    }

    private long minutes() {
        return Math.max(1, settings.window().toMinutes());
    }

    private long count(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    Duration window() {
        return settings.window();
    }
}
