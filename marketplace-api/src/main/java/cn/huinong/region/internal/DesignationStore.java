package cn.huinong.region.internal;

import cn.huinong.region.DesignatedRegion;
import cn.huinong.region.DesignationImportResult;
import cn.huinong.region.DesignationKind;
import cn.huinong.region.DesignationMode;
import cn.huinong.region.RegionLevel;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of {@code region_designation} and {@code designation_import} (and the region codes an import is checked
 * against). Every method runs in the caller's transaction.
 */
@Singleton
class DesignationStore {

    private static final String IMPORT_COLUMNS = """
            id, kind, mode, status, file_name, total_lines, error_count, designated_count, added_count, removed_count,
            created_by, created_at""";

    private static final String DESIGNATED_FROM = """
             FROM region_designation d
             JOIN region c ON c.code = d.region_code
             LEFT JOIN region pf ON pf.code = c.parent_code
             LEFT JOIN region pv ON pv.code = pf.parent_code""";

    /** What an import row records besides who made it and when. */
    record ImportRecord(
            DesignationKind kind,
            DesignationMode mode,
            String fileName,
            String status,
            int totalLines,
            int errorCount,
            int designated,
            int added,
            int removed,
            String errorsJson) {}

    private final Sql sql;
    private final JdbcOperations jdbc;

    DesignationStore(Sql sql, JdbcOperations jdbc) {
        this.sql = sql;
        this.jdbc = jdbc;
    }

    /** The regions a list may name (not retired), by code. */
    Map<String, DesignationCsv.KnownRegion> knownRegions() {
        Map<String, DesignationCsv.KnownRegion> out = new HashMap<>(4096);
        sql.list(
                        "SELECT code, name, level FROM region WHERE NOT retired",
                        rs -> new DesignationCsv.KnownRegion(
                                rs.getString(1), rs.getString(2), RegionLevel.valueOf(rs.getString(3))))
                .forEach(r -> out.put(r.code(), r));
        return out;
    }

    /** One import of a kind at a time, until the transaction ends: the computed difference must hold when written. */
    void lockKind(DesignationKind kind) {
        sql.list("SELECT pg_advisory_xact_lock(hashtext('region_designation:' || ?))", rs -> 1, kind.name());
    }

    Set<String> currentCodes(DesignationKind kind) {
        return new LinkedHashSet<>(sql.list(
                "SELECT region_code FROM region_designation WHERE kind = ?", rs -> rs.getString(1), kind.name()));
    }

    int currentCount(DesignationKind kind) {
        return (int) sql.count("SELECT count(*) FROM region_designation WHERE kind = ?", kind.name());
    }

    DesignationImportResult insertImport(ImportRecord r, String createdBy) {
        return sql.one(
                        """
                        INSERT INTO designation_import (kind, mode, status, file_name, total_lines, error_count,
                                                        designated_count, added_count, removed_count, errors, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                        RETURNING\s""" + IMPORT_COLUMNS,
                        DesignationStore::importResult,
                        r.kind().name(),
                        r.mode().name(),
                        r.status(),
                        r.fileName(),
                        r.totalLines(),
                        r.errorCount(),
                        r.designated(),
                        r.added(),
                        r.removed(),
                        r.errorsJson(),
                        createdBy)
                .orElseThrow();
    }

    void remove(DesignationKind kind, Set<String> codes) {
        batch("DELETE FROM region_designation WHERE kind = ? AND region_code = ?", kind, codes, null);
    }

    void add(DesignationKind kind, Set<String> codes, long importId) {
        batch("INSERT INTO region_designation (kind, region_code, import_id) VALUES (?, ?, ?)", kind, codes, importId);
    }

    /**
     * A JDBC batch, which the {@link Sql} helper does not cover: one statement for a list of up to 20,000 counties
     * instead of a round trip per county. Every value is bound, as everywhere (ADR 17).
     */
    private void batch(String statement, DesignationKind kind, Set<String> codes, @Nullable Long importId) {
        if (codes.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(statement, ps -> {
            for (String code : codes) {
                ps.setString(1, kind.name());
                ps.setString(2, code);
                if (importId != null) {
                    ps.setLong(3, importId);
                }
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    PageResponse<DesignationImportResult> imports(PageQuery page) {
        long total = sql.count("SELECT count(*) FROM designation_import");
        List<DesignationImportResult> items = sql.list(
                "SELECT " + IMPORT_COLUMNS
                        + " FROM designation_import ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                DesignationStore::importResult,
                page.size(),
                page.offset());
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** The designated counties of {@code kind}, of one province or all (null), by code. */
    PageResponse<DesignatedRegion> designated(DesignationKind kind, @Nullable String provinceCode, PageQuery page) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE d.kind = ?");
        args.add(kind.name());
        if (provinceCode != null) {
            where.append(" AND pv.code = ?");
            args.add(provinceCode);
        }
        long total = sql.count("SELECT count(*) " + DESIGNATED_FROM + where, args.toArray());
        args.add(page.size());
        args.add(page.offset());
        List<DesignatedRegion> items = sql.list(
                "SELECT c.code, c.name, pf.name, pv.name, d.kind, d.designated_at " + DESIGNATED_FROM + where
                        + " ORDER BY c.code LIMIT ? OFFSET ?",
                rs -> new DesignatedRegion(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        DesignationKind.valueOf(rs.getString(5)),
                        rs.getTimestamp(6).toInstant()),
                args.toArray());
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    private static DesignationImportResult importResult(ResultSet rs) throws SQLException {
        return new DesignationImportResult(
                rs.getLong("id"),
                DesignationKind.valueOf(rs.getString("kind")),
                DesignationMode.valueOf(rs.getString("mode")),
                rs.getString("status"),
                rs.getString("file_name"),
                rs.getInt("total_lines"),
                rs.getInt("error_count"),
                rs.getInt("designated_count"),
                rs.getInt("added_count"),
                rs.getInt("removed_count"),
                rs.getString("created_by"),
                Sql.instant(rs, "created_at"));
    }
}
