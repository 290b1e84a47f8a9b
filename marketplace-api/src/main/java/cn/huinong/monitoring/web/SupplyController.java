package cn.huinong.monitoring.web;

import cn.huinong.monitoring.ExportFormat;
import cn.huinong.monitoring.Monitoring;
import cn.huinong.monitoring.Notice;
import cn.huinong.monitoring.NoticeFormat;
import cn.huinong.monitoring.SlowProductPage;
import cn.huinong.monitoring.SlowProductQuery;
import cn.huinong.monitoring.SupplyDimension;
import cn.huinong.monitoring.SupplyQuery;
import cn.huinong.monitoring.SupplySide;
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
 * The supply side of a region (what its producers sold), slow-moving products and the half-yearly notice: for
 * regulators (their region) and operators (everything). A region outside the scope is 403, a buyer or supplier too.
 */
@Controller("/api/v1/monitoring")
@StandardProblems
@Secured({Role.Names.REGULATOR, Role.Names.OPERATOR})
class SupplyController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Monitoring monitoring;

    private final Clock clock;

    SupplyController(Monitoring monitoring, Clock clock) {
        this.clock = clock;
        this.monitoring = monitoring;
    }

    /**
     * Sales of the products originating in the region, by county, category, brand, supplier, and top products (the
     * top {@code top} of each, JSON); {@code format} exports every entry of the grouping {@code by}, or of all.
     */
    @Get("/supply")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    @ApiResponse(
            responseCode = "200",
            description = "供给侧统计（JSON），或导出文件",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupplySide.class)),
                @Content(mediaType = "text/csv"),
                @Content(mediaType = XLSX)
            })
    @ApiResponse(responseCode = "403", description = "该地区不在本部门的监管范围内")
    HttpResponse<?> supply(
            @QueryValue int year,
            @Nullable @QueryValue String region,
            @Nullable @QueryValue Integer top,
            @Nullable @QueryValue ExportFormat format,
            @Nullable @QueryValue SupplyDimension by,
            @Parameter(hidden = true) Actor actor) {
        if (format == null) {
            return HttpResponse.ok(monitoring.supply(year, region, top == null ? 10 : top, actor));
        }
        SupplyQuery q = monitoring.supplyQuery(year, region, actor);
        String suffix = by == null ? "" : "-" + by.name().toLowerCase();
        return Downloads.attachment(
                clock,
                "supply-" + q.regionCode() + "-" + year + suffix,
                "供给侧统计-" + q.regionName() + "-" + year + (by == null ? "" : "-按" + by.label()),
                format,
                out -> monitoring.exportSupply(q, by, format, out));
    }

    /** Listed products of the region without a sale for {@code days} days (default 30); {@code format} exports all. */
    @Get("/slow-products")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    @ApiResponse(
            responseCode = "200",
            description = "滞销商品（JSON 分页），或导出文件",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = SlowProductPage.class)),
                @Content(mediaType = "text/csv"),
                @Content(mediaType = XLSX)
            })
    @ApiResponse(responseCode = "403", description = "该地区不在本部门的监管范围内")
    HttpResponse<?> slowProducts(
            @Nullable @QueryValue String region,
            @Nullable @QueryValue Integer days,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size,
            @Nullable @QueryValue ExportFormat format,
            @Parameter(hidden = true) Actor actor) {
        int window = days == null ? 30 : days;
        if (format == null) {
            return HttpResponse.ok(
                    monitoring.slowProducts(region, window, actor, PageQuery.of(page, size), Instant.now(clock)));
        }
        SlowProductQuery q = monitoring.slowProductsQuery(region, window, actor, Instant.now(clock));
        return Downloads.attachment(
                clock,
                "slow-products-" + q.regionCode() + "-" + q.days() + "d",
                "滞销预警-" + q.regionCode() + "-" + q.days() + "天",
                format,
                out -> monitoring.exportSlowProducts(q, format, out));
    }

    /** The half-yearly notice (通报): a printable HTML page by default, or XLSX (one sheet per table) or CSV. */
    @Get("/notice")
    @Produces({MediaType.TEXT_HTML, "text/csv", XLSX})
    @ApiResponse(
            responseCode = "200",
            description = "通报",
            content = {
                @Content(mediaType = MediaType.TEXT_HTML),
                @Content(mediaType = "text/csv"),
                @Content(mediaType = XLSX)
            })
    @ApiResponse(responseCode = "403", description = "该地区不在本部门的监管范围内")
    HttpResponse<?> notice(
            @QueryValue int year,
            @QueryValue int half,
            @Nullable @QueryValue String region,
            @Nullable @QueryValue NoticeFormat format,
            @Parameter(hidden = true) Actor actor) {
        NoticeFormat f = format == null ? NoticeFormat.HTML : format;
        Notice notice = monitoring.notice(year, half, region, actor, Instant.now(clock));
        return Downloads.file(
                clock,
                "notice-" + notice.summary().region().code() + "-" + year + "-h" + half,
                notice.title(),
                f.extension(),
                f.mediaType(),
                f == NoticeFormat.HTML,
                out -> monitoring.writeNotice(notice, f, out));
    }
}
