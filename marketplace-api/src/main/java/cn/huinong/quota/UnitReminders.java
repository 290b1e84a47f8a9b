package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a unit is reminded of for a year: {@code alerts} computed now from its plan, progress and ratio exception,
 * and the {@code messages} (催办) regulators sent it, newest first, with how many are unread.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UnitReminders(int year, LocalDate deadline, List<Alert> alerts, List<Message> messages, long unread) {

    /** The kinds of computed reminders. */
    public enum AlertKind {
        NOT_FILED_OVERDUE,
        NOT_FILED_DUE_SOON,
        NOT_FILED,
        BEHIND_PACE,
        EXCEPTION_PENDING,
        EXCEPTION_APPROVED,
        EXCEPTION_REJECTED
    }

    /** el-alert's types. */
    public enum Severity {
        ERROR,
        WARNING,
        INFO,
        SUCCESS
    }

    /** A computed reminder; {@code amountFen} is the gap to the pace, {@code daysLeft} negative when overdue. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Alert(
            AlertKind kind,
            Severity severity,
            String title,
            String detail,
            @Nullable Long amountFen,
            @Nullable Integer daysLeft) {}

    /** A reminder sent by a regulator. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Message(
            long id,
            int year,
            ReminderReason reason,
            String message,
            @Nullable String senderName,
            Instant sentAt,
            @Nullable Instant readAt) {}
}
