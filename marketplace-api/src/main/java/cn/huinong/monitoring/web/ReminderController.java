package cn.huinong.monitoring.web;

import cn.huinong.monitoring.DueUnitPage;
import cn.huinong.monitoring.ExportFormat;
import cn.huinong.monitoring.ReminderDesk;
import cn.huinong.quota.DueFilter;
import cn.huinong.quota.DueQuery;
import cn.huinong.quota.DueSort;
import cn.huinong.quota.RemindersSent;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;

/** 催办提醒: units not filed near or after the deadline and units behind the pace, and sending them a reminder. */
@Controller("/api/v1/monitoring/reminders")
@StandardProblems
@Secured({Role.Names.REGULATOR, Role.Names.OPERATOR})
class ReminderController {

    static final int DEFAULT_WITHIN_DAYS = 30;

    private final ReminderDesk desk;

    private final Clock clock;

    ReminderController(ReminderDesk desk, Clock clock) {
        this.clock = clock;
        this.desk = desk;
    }

    /**
     * Units due a reminder in the region (default: the caller's scope), most urgent first; with
     * {@code format=csv|xlsx} the whole list as a file.
     */
    @Get
    @Produces({
        MediaType.APPLICATION_JSON,
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    })
    @ApiResponse(
            responseCode = "200",
            description = "需催办的单位（JSON 分页），或导出文件",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DueUnitPage.class)),
                @Content(mediaType = "text/csv"),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            })
    @ApiResponse(responseCode = "403", description = "该地区不在本部门的监管范围内")
    HttpResponse<?> list(
            @QueryValue int year,
            @Nullable @QueryValue String region,
            @Nullable @QueryValue DueFilter filter,
            @Nullable @QueryValue Integer withinDays,
            @Nullable @QueryValue DueSort sort,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size,
            @Nullable @QueryValue ExportFormat format,
            @Parameter(hidden = true) Actor actor) {
        DueQuery query = desk.query(
                year,
                region,
                filter == null ? DueFilter.ALL : filter,
                withinDays == null ? DEFAULT_WITHIN_DAYS : withinDays,
                sort == null ? DueSort.URGENCY : sort,
                actor,
                Instant.now(clock));
        if (format == null) {
            return HttpResponse.ok(desk.list(query, PageQuery.of(page, size), actor));
        }
        String region6 = query.regionPrefix().isEmpty() ? "all" : (query.regionPrefix() + "0000").substring(0, 6);
        return Downloads.attachment(
                clock,
                "quota-reminders-" + region6 + "-" + query.year(),
                "催办提醒-" + (region6.equals("all") ? "全国" : region6) + "-" + query.year(),
                format,
                out -> desk.export(query, format, actor, out));
    }

    /** Sends a reminder (催办) to the selected units, or to every unit of the list; once per unit and day. */
    @Post
    @ApiResponse(responseCode = "200", description = "已催办（当天已催办过的单位不重复发送）")
    @ApiResponse(responseCode = "403", description = "该地区或所选单位不在本部门的监管范围内")
    @ApiResponse(responseCode = "422", description = "所选单位当前无需催办")
    RemindersSent send(@Valid @Body SendRemindersRequest request, @Parameter(hidden = true) Actor actor) {
        DueQuery query = desk.query(
                request.year(),
                request.region(),
                request.filter() == null ? DueFilter.ALL : request.filter(),
                request.withinDays() == null ? DEFAULT_WITHIN_DAYS : request.withinDays(),
                DueSort.URGENCY,
                actor,
                Instant.now(clock));
        return desk.send(query, request.organizationIds(), request.note(), actor);
    }
}
