package cn.huinong.audit;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * Audit retention: events older than {@code huinong.audit.retention} (at least 180 days) are written to gzip JSON
 * lines under {@code huinong.audit.archive-folder}, then deleted; each run is itself audited (AUDIT_ARCHIVED).
 */
public interface AuditArchive {

    @Serdeable
    record ArchiveRun(Instant olderThan, long archivedEvents, List<String> files) {}

    ArchiveRun archiveExpired();
}
