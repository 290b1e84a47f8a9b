package cn.huinong.audit.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How long the audit trail keeps events in PostgreSQL ({@code retention}, at least 180 days: 等保 level 3), where the
 * archiver writes older ones before deleting them, and how many go into one file.
 */
@ConfigurationProperties("huinong.audit")
record AuditSettings(
        @NotNull Duration retention,
        @NotBlank String archiveFolder,
        @Min(1) int archiveBatchSize) {

    static final Duration MINIMUM_RETENTION = Duration.ofDays(180);

    AuditSettings {
        if (retention != null && retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("huinong.audit.retention must be at least 180 days (等保 level 3), was "
                    + retention.toDays() + " days");
        }
    }
}
