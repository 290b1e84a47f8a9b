package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The outcome of a send: {@code sent} units reminded now, {@code alreadyRemindedToday} skipped because they had
 * been reminded today (a double click, or another department), {@code organizationIds} those reminded now.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RemindersSent(int sent, int alreadyRemindedToday, List<Long> organizationIds) {}
