package cn.huinong.identity.internal;

import cn.huinong.identity.AccountAdministration.AccountView;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of {@code app_user} (usernames compare without case) and the operators' account list. Reads run in the
 * caller's transaction or a read-only one of their own; writes only inside the caller's.
 */
@Singleton
class UserStore {

    private static final String COLUMNS = """
            id, organization_id, username, password_hash, role, enabled, created_at, password_changed_at,
            must_change_password, temporary_password_expires_at""";

    private static final String ACCOUNTS_WHERE = """
             FROM app_user u JOIN organization o ON o.id = u.organization_id
             LEFT JOIN login_account_lock l ON l.username_key = lower(u.username)
                  AND l.lifted_at IS NULL AND l.locked_until > now()
             WHERE (CAST(? AS text) IS NULL OR u.username ILIKE '%' || ? || '%' OR o.name ILIKE '%' || ? || '%')
               AND (NOT ? OR l.username_key IS NOT NULL)""";

    private final Sql sql;

    UserStore(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public Optional<UserRow> byUsername(String username) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM app_user WHERE lower(username) = lower(?)", UserStore::row, username);
    }

    @Transactional(readOnly = true)
    public Optional<UserRow> find(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM app_user WHERE id = ?", UserStore::row, id);
    }

    @Transactional(readOnly = true)
    public boolean usernameTaken(String username) {
        return sql.one(
                        "SELECT EXISTS (SELECT 1 FROM app_user WHERE lower(username) = lower(?))",
                        rs -> rs.getBoolean(1),
                        username)
                .orElseThrow();
    }

    /** A new enabled user whose password was set {@code now}. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void insert(long organizationId, String username, String passwordHash, String role, Instant now) {
        sql.update("""
                INSERT INTO app_user (organization_id, username, password_hash, role, enabled, created_at,
                    password_changed_at, must_change_password, temporary_password_expires_at)
                VALUES (?, ?, ?, ?, true, ?, ?, false, NULL)""", organizationId, username, passwordHash, role, now, now);
    }

    /** An operator's one-time password is used up by a sign-in. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void spendTemporaryPassword(long id) {
        sql.update("UPDATE app_user SET temporary_password_expires_at = now() WHERE id = ?", id);
    }

    /** The user's own new password. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void changePassword(long id, String passwordHash) {
        sql.update("""
                UPDATE app_user SET password_hash = ?, password_changed_at = now(), must_change_password = false,
                    temporary_password_expires_at = NULL WHERE id = ?""", passwordHash, id);
    }

    /** A temporary password set by an operator, valid until {@code until}, to be changed at the next sign-in. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void resetPassword(long id, String passwordHash, Instant until) {
        sql.update("""
                UPDATE app_user SET password_hash = ?, password_changed_at = now(), must_change_password = true,
                    temporary_password_expires_at = ? WHERE id = ?""", passwordHash, until, id);
    }

    /**
     * The operators' list: users whose username or organisation name holds {@code term} (null: all), only the locked
     * ones when asked, by username; live sessions are those used within {@code idleTimeoutSeconds}.
     */
    @Transactional(readOnly = true)
    public PageResponse<AccountView> accounts(
            @Nullable String term, boolean lockedOnly, long idleTimeoutSeconds, PageQuery page) {
        long total = sql.count("SELECT count(*)" + ACCOUNTS_WHERE, term, term, term, lockedOnly);
        List<AccountView> items = sql.list(
                """
                SELECT u.id, u.username, u.role, u.organization_id, o.name, u.enabled, u.must_change_password,
                       u.created_at, l.locked_until,
                       EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS totp,
                       (SELECT count(*) FROM user_session s WHERE s.user_id = u.id AND s.revoked_at IS NULL
                          AND s.expires_at > now()
                          AND s.last_seen_at > now() - make_interval(secs => ?)) AS live
                """ + ACCOUNTS_WHERE + " ORDER BY u.username LIMIT ? OFFSET ?",
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
                idleTimeoutSeconds,
                term,
                term,
                term,
                lockedOnly,
                page.size(),
                page.offset());
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    private static UserRow row(ResultSet rs) throws SQLException {
        return new UserRow(
                rs.getLong("id"),
                rs.getLong("organization_id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getString("role"),
                rs.getBoolean("enabled"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "password_changed_at"),
                rs.getBoolean("must_change_password"),
                Sql.instant(rs, "temporary_password_expires_at"));
    }
}
