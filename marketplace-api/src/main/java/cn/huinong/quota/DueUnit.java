package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A unit due a reminder. {@code daysLeft}: days from today (Asia/Shanghai) to the filing deadline, negative when
 * overdue. Behind the pace: {@code expectedByNowFen} = reserved x elapsed fraction of the year (rounded up),
 * {@code gapFen} = what the unit still has to buy to be back on pace. {@code lastRemindedAt}/{@code reminders}:
 * the reminders already sent for the year.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DueUnit(
        long organizationId,
        String name,
        String creditCode,
        String regionCode,
        @Nullable String regionName,
        ReminderReason reason,
        LocalDate deadline,
        int daysLeft,
        boolean overdue,
        long reservedFen,
        long eligibleSpentFen,
        long expectedByNowFen,
        long gapFen,
        @Nullable BigDecimal completionRate,
        @Nullable Instant lastRemindedAt,
        long reminders) {}
