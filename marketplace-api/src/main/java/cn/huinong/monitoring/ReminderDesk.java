package cn.huinong.monitoring;

import cn.huinong.quota.DueFilter;
import cn.huinong.quota.DueQuery;
import cn.huinong.quota.DueSort;
import cn.huinong.quota.RemindersSent;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import io.micronaut.core.annotation.Nullable;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * Reminders (催办) for regulators (their region) and operators (everything): units that have not filed with the
 * deadline within {@code withinDays} days or passed, and units behind the pace; sending them a reminder. A region
 * or a unit outside the caller's scope is 403, for the list, its exports and the send alike.
 */
public interface ReminderDesk {

    /** Checks the caller's role and scope (403) and the parameters (400), and returns the query. */
    DueQuery query(
            int year,
            @Nullable String region,
            DueFilter filter,
            int withinDays,
            DueSort sort,
            Actor actor,
            Instant now);

    /** The due units of an authorised query (quota checks the actor's scope again). */
    DueUnitPage list(DueQuery query, PageQuery page, Actor actor);

    /** Writes every due unit of an authorised query as CSV or XLSX. */
    void export(DueQuery query, ExportFormat format, Actor actor, OutputStream out);

    /** Reminds the selected units (403 when one is outside the query's scope), or all listed when null. */
    RemindersSent send(DueQuery query, @Nullable List<Long> organizationIds, @Nullable String note, Actor actor);
}
