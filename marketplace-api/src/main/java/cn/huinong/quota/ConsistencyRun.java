package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A consistency check run in the background: RUNNING, then DONE (with what it found) or FAILED (with why).
 * {@code mismatches} holds the first {@link #MISMATCHES_KEPT} found (only when one run is asked for; lists leave it
 * empty); {@code mismatchCount} how many there were.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConsistencyRun(
        long id,
        int year,
        Status status,
        String statusLabel,
        String startedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long unitsChecked,
        @Nullable Long pendingEvents,
        @Nullable Integer mismatchCount,
        @Nullable String error,
        List<ConsistencyReport.Mismatch> mismatches) {

    public static final int MISMATCHES_KEPT = 1000;

    public enum Status {
        RUNNING("核对中"),
        DONE("已完成"),
        FAILED("失败");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
