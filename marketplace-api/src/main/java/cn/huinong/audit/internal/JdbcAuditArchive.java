package cn.huinong.audit.internal;

import cn.huinong.audit.AuditArchive;
import cn.huinong.audit.AuditLog;
import cn.huinong.shared.Actor;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive path (ADR 9): in batches, oldest first, events past the retention are locked (SKIP LOCKED: several
 * instances share the work), written to {@code audit-<first id>-<last id>-<time>.jsonl.gz} (one JSON object per
 * line, written to a temporary file, forced to disk and renamed), and only then deleted in the same transaction
 * that records AUDIT_ARCHIVED with the file's name, SHA-256 and count. A crash between the file and the commit
 * leaves the events in the database and the file on disk: archived twice, never lost.
 * {@code @Context}: a retention below 180 days stops the application at startup.
 */
@Context
class JdbcAuditArchive implements AuditArchive {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditArchive.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Sql sql;
    private final TransactionOperations<Connection> tx;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final AuditSettings settings;

    private final Clock clock;

    JdbcAuditArchive(
            Sql sql,
            TransactionOperations<Connection> tx,
            AuditLog audit,
            ObjectMapper json,
            AuditSettings settings,
            Clock clock) {
        this.clock = clock;
        this.sql = sql;
        this.tx = tx;
        this.audit = audit;
        this.json = json;
        this.settings = settings;
    }

    @Scheduled(
            fixedDelay = "${huinong.audit.archive-interval:1d}",
            initialDelay = "${huinong.audit.archive-initial-delay:30m}")
    void scheduled() {
        ArchiveRun run = archiveExpired();
        if (run.archivedEvents() > 0) {
            LOG.info(
                    "archived {} audit events older than {} to {}", run.archivedEvents(), run.olderThan(), run.files());
        }
    }

    @Override
    public ArchiveRun archiveExpired() {
        Instant olderThan = Instant.now(clock).minus(settings.retention());
        long total = 0;
        List<String> files = new ArrayList<>();
        while (true) {
            Batch b = tx.executeWrite(status -> archiveBatch(olderThan));
            if (b.count() == 0) {
                break;
            }
            total += b.count();
            files.add(b.file());
            if (b.count() < settings.archiveBatchSize()) {
                break;
            }
        }
        return new ArchiveRun(olderThan, total, files);
    }

    record Batch(int count, String file) {}

    record Row(
            long id,
            Instant occurredAt,
            String actor,
            Long organizationId,
            String action,
            String resourceType,
            String resourceId,
            String detail,
            String ipAddress) {}

    private Batch archiveBatch(Instant olderThan) {
        List<Row> rows = sql.list(
                """
                SELECT id, occurred_at, actor, organization_id, action, resource_type, resource_id, detail::text, ip_address
                FROM audit_event WHERE occurred_at < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                rs -> new Row(
                        rs.getLong(1),
                        Sql.instant(rs, "occurred_at"),
                        rs.getString(3),
                        Sql.nullableLong(rs, "organization_id"),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)),
                olderThan,
                settings.archiveBatchSize());
        if (rows.isEmpty()) {
            return new Batch(0, null);
        }
        long first = rows.get(0).id();
        long last = rows.get(rows.size() - 1).id();
        Path folder = Path.of(settings.archiveFolder());
        String name = "audit-" + first + "-" + last + "-" + STAMP.format(Instant.now(clock)) + ".jsonl.gz";
        String sha256 = write(folder, name, rows);
        sql.update("SET LOCAL huinong.audit_archive = 'on'");
        int deleted = sql.update("DELETE FROM audit_event WHERE id = ANY (?)", (Object)
                rows.stream().map(Row::id).toArray(Long[]::new));
        sql.update("SET LOCAL huinong.audit_archive = 'off'");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("events", deleted);
        detail.put("firstId", first);
        detail.put("lastId", last);
        detail.put("olderThan", olderThan.toString());
        detail.put("file", folder.resolve(name).toAbsolutePath().toString());
        detail.put("sha256", sha256);
        audit.record(Actor.system("audit-archive"), "AUDIT_ARCHIVED", "audit_archive", name, detail);
        return new Batch(deleted, folder.resolve(name).toAbsolutePath().toString());
    }

    private String write(Path folder, String name, List<Row> rows) {
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve(name + ".partial");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream file = Files.newOutputStream(
                            partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
                    DigestOutputStream hashed = new DigestOutputStream(file, digest);
                    GZIPOutputStream gzip = new GZIPOutputStream(hashed)) {
                for (Row r : rows) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("id", r.id());
                    line.put("occurredAt", r.occurredAt().toString());
                    line.put("actor", r.actor());
                    line.put("organizationId", r.organizationId());
                    line.put("action", r.action());
                    line.put("resourceType", r.resourceType());
                    line.put("resourceId", r.resourceId());
                    line.put("detail", json.readValue(r.detail(), Map.class));
                    line.put("ipAddress", r.ipAddress());
                    gzip.write(json.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
                    gzip.write('\n');
                }
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the audit archive " + folder.resolve(name), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
