package cn.huinong.identity.internal;

import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of {@code organization} and {@code organization_pending_admin}. Reads run in the caller's transaction or a
 * read-only one of their own; writes only inside the caller's.
 */
@Singleton
class OrganizationStore {

    private static final String COLUMNS = """
            id, kind, supplier_type, department_kind, name, credit_code, region_code, scope_region_code,
            parent_organization_id, contact_name, contact_phone, status, decision_reason, decided_by, decided_at,
            created_at""";

    private static final String SEARCH_WHERE = """
             FROM organization
            WHERE (CAST(? AS text) IS NULL OR status = ?)
              AND (CAST(? AS text) IS NULL OR kind = ?)
              AND (CAST(? AS text) IS NULL OR name ILIKE '%' || ? || '%' OR credit_code LIKE '%' || upper(?) || '%')""";

    /** The admin account a self-registration asked for while its username was taken (ADR 9). */
    record PendingAdmin(String username, String passwordHash) {}

    private final Sql sql;

    OrganizationStore(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public Optional<OrganizationRow> find(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM organization WHERE id = ?", OrganizationStore::row, id);
    }

    @Transactional(readOnly = true)
    public Optional<OrganizationRow> findByCreditCode(String creditCode) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM organization WHERE credit_code = ?", OrganizationStore::row, creditCode);
    }

    @Transactional(readOnly = true)
    public boolean creditCodeTaken(String creditCode) {
        return sql.count("SELECT count(*) FROM organization WHERE credit_code = ?", creditCode) > 0;
    }

    @Transactional(readOnly = true)
    public Optional<String> status(long id) {
        return sql.one("SELECT status FROM organization WHERE id = ?", rs -> rs.getString(1), id);
    }

    /** Inserts {@code r} (its id is ignored) and answers the stored row. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public OrganizationRow insert(OrganizationRow r) {
        return sql.one(
                        """
                        INSERT INTO organization (kind, supplier_type, department_kind, name, credit_code, region_code,
                            scope_region_code, parent_organization_id, contact_name, contact_phone, status, decision_reason,
                            decided_by, decided_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        RETURNING\s""" + COLUMNS,
                        OrganizationStore::row,
                        r.kind(),
                        r.supplierType(),
                        r.departmentKind(),
                        r.name(),
                        r.creditCode(),
                        r.regionCode(),
                        r.scopeRegionCode(),
                        r.parentOrganizationId(),
                        r.contactName(),
                        r.contactPhone(),
                        r.status(),
                        r.decisionReason(),
                        r.decidedBy(),
                        r.decidedAt(),
                        r.createdAt())
                .orElseThrow();
    }

    /** Decides only a PENDING organisation: false when someone else decided first. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean decidePending(long id, String status, @Nullable String reason, String decidedBy) {
        return sql.update("""
                        UPDATE organization SET status = ?, decision_reason = ?, decided_by = ?, decided_at = now()
                        WHERE id = ? AND status = 'PENDING'""", status, reason, decidedBy, id) > 0;
    }

    /** Newest first; every filter optional (null). */
    @Transactional(readOnly = true)
    public PageResponse<OrganizationRow> search(
            @Nullable String status, @Nullable String kind, @Nullable String q, PageQuery page) {
        Object[] filter = {status, status, kind, kind, q, q, q};
        long total = sql.count("SELECT count(*)" + SEARCH_WHERE, filter);
        Object[] args = new Object[filter.length + 2];
        System.arraycopy(filter, 0, args, 0, filter.length);
        args[filter.length] = page.size();
        args[filter.length + 1] = page.offset();
        List<OrganizationRow> rows = sql.list(
                "SELECT " + COLUMNS + SEARCH_WHERE + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                OrganizationStore::row,
                args);
        return new PageResponse<>(rows, page.page(), page.size(), total);
    }

    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        sql.list(
                        "SELECT id, name FROM organization WHERE id = ANY(?)",
                        rs -> Map.entry(rs.getLong(1), rs.getString(2)),
                        (Object) ids.stream().distinct().toArray(Long[]::new))
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    @Transactional(readOnly = true)
    public Optional<PendingAdmin> pendingAdmin(long organizationId) {
        return sql.one(
                "SELECT requested_username, password_hash FROM organization_pending_admin WHERE organization_id = ?",
                rs -> new PendingAdmin(rs.getString(1), rs.getString(2)),
                organizationId);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void insertPendingAdmin(long organizationId, String username, String passwordHash) {
        sql.update("""
                INSERT INTO organization_pending_admin (organization_id, requested_username, password_hash)
                VALUES (?, ?, ?)""", organizationId, username, passwordHash);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void deletePendingAdmin(long organizationId) {
        sql.update("DELETE FROM organization_pending_admin WHERE organization_id = ?", organizationId);
    }

    private static OrganizationRow row(ResultSet rs) throws SQLException {
        return new OrganizationRow(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("supplier_type"),
                rs.getString("department_kind"),
                rs.getString("name"),
                rs.getString("credit_code"),
                rs.getString("region_code"),
                rs.getString("scope_region_code"),
                Sql.nullableLong(rs, "parent_organization_id"),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                rs.getString("status"),
                rs.getString("decision_reason"),
                rs.getString("decided_by"),
                Sql.instant(rs, "decided_at"),
                Sql.instant(rs, "created_at"));
    }
}
