package cn.huinong.region;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

@Serdeable
public record DesignationImportResult(
        long id,
        DesignationKind kind,
        DesignationMode mode,
        String status,
        String fileName,
        int totalLines,
        int errorCount,
        int designatedCount,
        int addedCount,
        int removedCount,
        String createdBy,
        Instant createdAt) {}
