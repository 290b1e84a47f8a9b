package cn.huinong.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A bulk import and its progress (rows processed of total). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProductImportView(
        long id,
        String fileName,
        String format,
        boolean submit,
        String status,
        int totalRows,
        int processedRows,
        int createdCount,
        int errorCount,
        String createdBy,
        Instant createdAt,
        @Nullable Instant finishedAt) {}
