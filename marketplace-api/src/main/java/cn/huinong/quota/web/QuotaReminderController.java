package cn.huinong.quota.web;

import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.Reminders;
import cn.huinong.quota.RepresentativeCandidate;
import cn.huinong.quota.UnitReminders;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;

/** The buyer unit's own reminders (computed, and 催办 sent by regulators) and its representative lookup. */
@Controller("/api/v1/quota")
@StandardProblems
@Secured(Role.Names.BUYER)
class QuotaReminderController {

    private final Reminders reminders;

    private final Clock clock;

    QuotaReminderController(Reminders reminders, Clock clock) {
        this.clock = clock;
        this.reminders = reminders;
    }

    /** Reminders of the unit for the year (default: the current year, Asia/Shanghai). */
    @Get("/reminders")
    UnitReminders reminders(@Nullable @QueryValue Integer year, @Parameter(hidden = true) Actor actor) {
        Instant now = Instant.now(clock);
        return reminders.mine(year == null ? QuotaRules.yearOf(now) : year, actor, now);
    }

    /** Marks a reminder read. */
    @Post("/reminders/{id}/read")
    @ApiResponse(responseCode = "404", description = "催办消息不存在")
    UnitReminders.Message read(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return reminders.markRead(id, actor);
    }

    /**
     * Units that a shared canteen may name as its representative: approved buyer units of the same province,
     * except the caller and units that are themselves shared-canteen members; same county first, then prefecture.
     */
    @Get("/representative-candidates")
    PageResponse<RepresentativeCandidate> candidates(
            @QueryValue int year,
            @Nullable @QueryValue String q,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size,
            @Parameter(hidden = true) Actor actor) {
        return reminders.representativeCandidates(year, q, actor, PageQuery.of(page, size));
    }
}
