package cn.huinong.region.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.region.DesignatedRegion;
import cn.huinong.region.DesignationImportResult;
import cn.huinong.region.DesignationKind;
import cn.huinong.region.DesignationMode;
import cn.huinong.region.Designations;
import cn.huinong.region.DesignationsChanged;
import cn.huinong.region.LineError;
import cn.huinong.region.RegionLevel;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.shared.problem.ImportRejected;
import cn.huinong.shared.upload.UploadedText;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Singleton
class JdbcDesignations implements Designations {

    private static final int MAX_ERRORS_REPORTED = 500;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final ApplicationEventPublisher<DesignationsChanged> changed;

    JdbcDesignations(
            JdbcOperations jdbc,
            TransactionOperations<Connection> tx,
            AuditLog audit,
            ObjectMapper json,
            ApplicationEventPublisher<DesignationsChanged> changed) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.json = json;
        this.changed = changed;
    }

    @Override
    public DesignationImportResult importCsv(
            Actor actor, DesignationKind kind, DesignationMode mode, String fileName, byte[] content) {
        return importParsed(actor, kind, mode, fileName, DesignationCsv.parse(content, knownRegions()));
    }

    @Override
    public DesignationImportResult importCsv(
            Actor actor, DesignationKind kind, DesignationMode mode, String fileName, Path content) {
        try (Reader text = UploadedText.open(content)) {
            return importParsed(actor, kind, mode, fileName, DesignationCsv.parse(text, knownRegions()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DesignationImportResult importParsed(
            Actor actor, DesignationKind kind, DesignationMode mode, String fileName, DesignationCsv.Parsed parsed) {
        if (!parsed.errors().isEmpty()) {
            List<LineError> reported = parsed.errors()
                    .subList(0, Math.min(MAX_ERRORS_REPORTED, parsed.errors().size()));
            DesignationImportResult rejected = tx.executeWrite(s -> {
                DesignationImportResult r = insertImport(
                        actor,
                        kind,
                        mode,
                        fileName,
                        "REJECTED",
                        parsed.totalLines(),
                        parsed.errors().size(),
                        currentCount(kind),
                        0,
                        0,
                        reported);
                audit.record(
                        actor,
                        "REGION_DESIGNATION_IMPORT_REJECTED",
                        "designation-import",
                        String.valueOf(r.id()),
                        Map.of(
                                "kind",
                                kind.name(),
                                "mode",
                                mode.name(),
                                "fileName",
                                fileName,
                                "totalLines",
                                parsed.totalLines(),
                                "errorCount",
                                parsed.errors().size()));
                return r;
            });
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("importId", rejected.id());
            ext.put("lineErrors", reported);
            ext.put("errorCount", parsed.errors().size());
            throw new ImportRejected("文件有" + parsed.errors().size() + "处错误，未做任何更改", List.of(), ext);
        }
        return tx.executeWrite(s -> apply(actor, kind, mode, fileName, parsed));
    }

    private DesignationImportResult apply(
            Actor actor, DesignationKind kind, DesignationMode mode, String fileName, DesignationCsv.Parsed parsed) {
        // one import of a kind at a time: the computed difference must hold when it is written
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('region_designation:' || ?))", ps -> {
            ps.setString(1, kind.name());
            ps.executeQuery().close();
            return null;
        });
        Set<String> current = currentCodes(kind);
        Set<String> added = new LinkedHashSet<>(parsed.codes());
        added.removeAll(current);
        Set<String> removed = new LinkedHashSet<>();
        if (mode == DesignationMode.REPLACE) {
            removed.addAll(current);
            removed.removeAll(parsed.codes());
        }
        int designated = current.size() + added.size() - removed.size();
        DesignationImportResult result = insertImport(
                actor,
                kind,
                mode,
                fileName,
                "APPLIED",
                parsed.totalLines(),
                0,
                designated,
                added.size(),
                removed.size(),
                List.of());
        batch("DELETE FROM region_designation WHERE kind = ? AND region_code = ?", kind, removed, null);
        batch(
                "INSERT INTO region_designation (kind, region_code, import_id) VALUES (?, ?, ?)",
                kind,
                added,
                result.id());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", kind.name());
        detail.put("mode", mode.name());
        detail.put("fileName", fileName);
        detail.put("designatedCount", designated);
        detail.put("added", sample(added));
        detail.put("addedCount", added.size());
        detail.put("removed", sample(removed));
        detail.put("removedCount", removed.size());
        audit.record(actor, "REGION_DESIGNATIONS_IMPORTED", "designation-import", String.valueOf(result.id()), detail);
        if (!added.isEmpty() || !removed.isEmpty()) {
            changed.publishEvent(new DesignationsChanged(kind, added, removed));
        }
        return result;
    }

    private static List<String> sample(Set<String> codes) {
        return codes.stream().limit(200).toList();
    }

    private void batch(String sql, DesignationKind kind, Set<String> codes, Long importId) {
        if (codes.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(sql, ps -> {
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

    private DesignationImportResult insertImport(
            Actor actor,
            DesignationKind kind,
            DesignationMode mode,
            String fileName,
            String status,
            int totalLines,
            int errorCount,
            int designated,
            int added,
            int removed,
            List<LineError> errors) {
        String errorsJson = write(errors);
        return jdbc.prepareStatement("""
                INSERT INTO designation_import (kind, mode, status, file_name, total_lines, error_count, designated_count,
                                                added_count, removed_count, errors, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                RETURNING id, kind, mode, status, file_name, total_lines, error_count, designated_count, added_count,
                          removed_count, created_by, created_at""", ps -> {
            ps.setString(1, kind.name());
            ps.setString(2, mode.name());
            ps.setString(3, status);
            ps.setString(4, fileName);
            ps.setInt(5, totalLines);
            ps.setInt(6, errorCount);
            ps.setInt(7, designated);
            ps.setInt(8, added);
            ps.setInt(9, removed);
            ps.setString(10, errorsJson);
            ps.setString(11, actor.username());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return mapImport(rs);
            }
        });
    }

    @Override
    public PageResponse<DesignationImportResult> imports(PageQuery page) {
        return tx.executeRead(s -> {
            long total = count("SELECT count(*) FROM designation_import", List.of());
            List<DesignationImportResult> items = jdbc.prepareStatement("""
                    SELECT id, kind, mode, status, file_name, total_lines, error_count, designated_count, added_count,
                           removed_count, created_by, created_at
                    FROM designation_import ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""", ps -> {
                ps.setInt(1, page.size());
                ps.setLong(2, page.offset());
                List<DesignationImportResult> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapImport(rs));
                    }
                }
                return out;
            });
            return new PageResponse<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public PageResponse<DesignatedRegion> designated(DesignationKind kind, String provinceCode, PageQuery page) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE d.kind = ?");
        args.add(kind.name());
        if (provinceCode != null) {
            where.append(" AND pv.code = ?");
            args.add(provinceCode);
        }
        String from = """
                 FROM region_designation d
                 JOIN region c ON c.code = d.region_code
                 LEFT JOIN region pf ON pf.code = c.parent_code
                 LEFT JOIN region pv ON pv.code = pf.parent_code""";
        return tx.executeRead(s -> {
            long total = count("SELECT count(*) " + from + where, args);
            List<DesignatedRegion> items = jdbc.prepareStatement(
                    "SELECT c.code, c.name, pf.name, pv.name, d.kind, d.designated_at " + from + where
                            + " ORDER BY c.code LIMIT ? OFFSET ?",
                    ps -> {
                        Sql.bind(ps, args.toArray());
                        ps.setInt(args.size() + 1, page.size());
                        ps.setLong(args.size() + 2, page.offset());
                        List<DesignatedRegion> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(new DesignatedRegion(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        DesignationKind.valueOf(rs.getString(5)),
                                        rs.getTimestamp(6).toInstant()));
                            }
                        }
                        return out;
                    });
            return new PageResponse<>(items, page.page(), page.size(), total);
        });
    }

    private Map<String, DesignationCsv.KnownRegion> knownRegions() {
        return tx.executeRead(s ->
                jdbc.prepareStatement("SELECT code, name, level FROM region WHERE NOT retired", ps -> {
                    Map<String, DesignationCsv.KnownRegion> out = new HashMap<>(4096);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(
                                    rs.getString(1),
                                    new DesignationCsv.KnownRegion(
                                            rs.getString(1), rs.getString(2), RegionLevel.valueOf(rs.getString(3))));
                        }
                    }
                    return out;
                }));
    }

    private Set<String> currentCodes(DesignationKind kind) {
        return jdbc.prepareStatement("SELECT region_code FROM region_designation WHERE kind = ?", ps -> {
            ps.setString(1, kind.name());
            Set<String> out = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private int currentCount(DesignationKind kind) {
        return (int) count("SELECT count(*) FROM region_designation WHERE kind = ?", List.of(kind.name()));
    }

    private long count(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static DesignationImportResult mapImport(ResultSet rs) throws SQLException {
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
                rs.getTimestamp("created_at").toInstant());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
