package cn.huinong.quota;

import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reminders (催办) of the reserved share: which units are due one (not filed near or after the deadline, behind the
 * pace), reminders sent to them (one per unit and day), what a unit sees of its own reminders, and the candidates
 * for a shared canteen's representative. {@link #due}, {@link #forEachDue}, {@link #outsideScope} and {@link #send}
 * authorise the actor themselves (operators anywhere, a regulator within its scope region; 403 otherwise), whatever the
 * caller checked before.
 */
public interface Reminders {

    PageResponse<DueUnit> due(DueQuery query, PageQuery page, Actor actor);

    /** Every due unit of the query, in its order, streamed. */
    void forEachDue(DueQuery query, Actor actor, Consumer<DueUnit> sink);

    /** The ids among {@code organizationIds} that are not approved buyer units within the query's scope. */
    List<Long> outsideScope(DueQuery query, List<Long> organizationIds, Actor actor);

    /**
     * Sends a reminder to the given units of the query (null: every unit it lists), each with a message of its own
     * (plus the sender's {@code note}); a unit already reminded today is skipped. Units not listed by the query ->
     * 422. Audited.
     */
    RemindersSent send(DueQuery query, @Nullable List<Long> organizationIds, @Nullable String note, Actor actor);

    /** The caller's (a buyer unit's) reminders for the year at {@code now}. */
    UnitReminders mine(int year, Actor actor, Instant now);

    /** The caller's unit marks one of its reminders read; 404 when not its own. */
    UnitReminders.Message markRead(long id, Actor actor);

    /**
     * Candidates for the caller's shared canteen's representative: nearest first, then those eligible, by name;
     * {@code q} matches a part of the name, a whole credit code or the unit's id.
     */
    PageResponse<RepresentativeCandidate> representativeCandidates(
            int year, @Nullable String q, Actor actor, PageQuery page);
}
