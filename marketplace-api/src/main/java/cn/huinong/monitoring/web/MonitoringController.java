package cn.huinong.monitoring.web;

import cn.huinong.monitoring.ExportFormat;
import cn.huinong.monitoring.Monitoring;
import cn.huinong.monitoring.MonthlyTrend;
import cn.huinong.monitoring.RegionSummary;
import cn.huinong.monitoring.UnitPage;
import cn.huinong.quota.UnitFilter;
import cn.huinong.quota.UnitQuery;
import cn.huinong.quota.UnitSort;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;

/**
 * Reserved-share monitoring for regulators (their region), operators (everything) and supervising departments
 * (a buyer unit sees the units whose 主管部门 it is, and theirs).
 */
@Controller("/api/v1/monitoring")
@StandardProblems
@Secured({Role.Names.REGULATOR, Role.Names.OPERATOR, Role.Names.BUYER})
class MonitoringController {

    private final Monitoring monitoring;

    private final Clock clock;

    MonitoringController(Monitoring monitoring, Clock clock) {
        this.clock = clock;
        this.monitoring = monitoring;
    }

    /** The region (default: the caller's scope; the whole country for an operator) and its next-level children. */
    @Get("/summary")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    @ApiResponse(
            responseCode = "200",
            description = "地区汇总（JSON），或其下级地区表的导出文件",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = RegionSummary.class)),
                @Content(mediaType = "text/csv"),
                @Content(mediaType = XLSX)
            })
    @ApiResponse(responseCode = "403", description = "该地区不在本部门的监管范围内")
    HttpResponse<?> summary(
            @QueryValue int year,
            @Nullable @QueryValue String region,
            @Nullable @QueryValue ExportFormat format,
            @Parameter(hidden = true) Actor actor) {
        RegionSummary summary = monitoring.summary(year, region, actor, Instant.now(clock));
        if (format == null) {
            return HttpResponse.ok(summary);
        }
        return Downloads.attachment(
                clock,
                "quota-regions-" + summary.region().code() + "-" + year,
                "预留份额各地完成情况-" + summary.region().name() + "-" + year,
                format,
                out -> monitoring.writeSummary(summary, format, out));
    }

    /** Month by month spending of the region, with the running total and the pace of the year. */
    @Get("/trend")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    @ApiResponse(
            responseCode = "200",
            description = "月度趋势（JSON），或导出文件",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthlyTrend.class)),
                @Content(mediaType = "text/csv"),
                @Content(mediaType = XLSX)
            })
    @ApiResponse(responseCode = "403", description = "该地区不在本部门的监管范围内")
    HttpResponse<?> trend(
            @QueryValue int year,
            @Nullable @QueryValue String region,
            @Nullable @QueryValue ExportFormat format,
            @Parameter(hidden = true) Actor actor) {
        MonthlyTrend trend = monitoring.trend(year, region, actor, Instant.now(clock));
        if (format == null) {
            return HttpResponse.ok(trend);
        }
        return Downloads.attachment(
                clock,
                "quota-trend-" + trend.region().code() + "-" + year,
                "预留份额月度趋势-" + trend.region().name() + "-" + year,
                format,
                out -> monitoring.writeTrend(trend, format, out));
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * Units of the region with their figures, ranked (default by completion rate, highest first); with
     * {@code format=csv|xlsx} the whole list as a file (no paging).
     */
    @Get("/units")
    @Produces({
        MediaType.APPLICATION_JSON,
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    })
    @ApiResponse(
            responseCode = "200",
            description = "单位列表（JSON 分页），或导出文件",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitPage.class)),
                @Content(mediaType = "text/csv"),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            })
    @ApiResponse(responseCode = "403", description = "该地区不在本部门的监管范围内")
    HttpResponse<?> units(
            @QueryValue int year,
            @Nullable @QueryValue String region,
            @Nullable @QueryValue UnitFilter status,
            @Nullable @QueryValue UnitSort sort,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size,
            @Nullable @QueryValue ExportFormat format,
            @Parameter(hidden = true) Actor actor) {
        UnitFilter filter = status == null ? UnitFilter.ALL : status;
        UnitSort order = sort == null ? UnitSort.COMPLETION_DESC : sort;
        if (format == null) {
            return HttpResponse.ok(
                    monitoring.units(year, region, filter, order, actor, PageQuery.of(page, size), Instant.now(clock)));
        }
        UnitQuery query = monitoring.exportQuery(year, region, filter, order, actor, Instant.now(clock));
        String code = query.regionPrefix().isEmpty() ? null : (query.regionPrefix() + "0000").substring(0, 6);
        return Downloads.attachment(
                clock,
                "quota-units-" + (code == null ? "all" : code) + "-" + query.year(),
                "预留份额-" + (code == null ? "全国" : code) + "-" + query.year() + "-"
                        + query.filter().name().toLowerCase(),
                format,
                out -> monitoring.export(query, format, out));
    }
}
