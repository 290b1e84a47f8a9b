package cn.huinong.quota.web;

import cn.huinong.quota.FloorView;
import cn.huinong.quota.PlanVersionView;
import cn.huinong.quota.PlanView;
import cn.huinong.quota.ProgressView;
import cn.huinong.quota.Quotas;
import cn.huinong.quota.RatioExceptionStatus;
import cn.huinong.quota.RatioExceptionView;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The buyer unit's reserved share: its yearly plan, history, progress, and ratio exceptions. */
@Controller("/api/v1/quota")
@StandardProblems
class QuotaController {

    private final Quotas quotas;

    private final Clock clock;

    QuotaController(Quotas quotas, Clock clock) {
        this.clock = clock;
        this.quotas = quotas;
    }

    /** Files or amends the plan; after the deadline it is accepted and marked late. */
    @Put("/plans/{year}")
    @Secured(Role.Names.BUYER)
    @ApiResponse(responseCode = "200", description = "已填报（或修改）")
    @ApiResponse(responseCode = "409", description = "本单位是共用食堂代表单位，不能改为无食堂或共用食堂")
    @ApiResponse(responseCode = "422", description = "预留份额低于下限（detail 写明最低金额）或代表单位不符合要求")
    PlanView file(@PathVariable int year, @Valid @Body FilePlanRequest request, @Parameter(hidden = true) Actor actor) {
        return quotas.file(year, request.toPlan(), actor);
    }

    /** The floor (province, or an approved ratio exception) and the deadline a filing for the year must meet. */
    @Get("/plans/{year}/floor")
    @Secured(Role.Names.BUYER)
    FloorView floor(@PathVariable int year, @Parameter(hidden = true) Actor actor) {
        return quotas.floor(year, actor, Instant.now(clock));
    }

    /** The unit's current plan for the year. */
    @Get("/plans/{year}")
    @Secured(Role.Names.BUYER)
    @ApiResponse(responseCode = "404", description = "本单位尚未填报该年度计划")
    PlanView plan(@PathVariable int year, @Parameter(hidden = true) Actor actor) {
        return quotas.plan(year, actor);
    }

    /** Every filing and amendment, oldest first. */
    @Get("/plans/{year}/versions")
    @Secured(Role.Names.BUYER)
    List<PlanVersionView> versions(@PathVariable int year, @Parameter(hidden = true) Actor actor) {
        return quotas.versions(year, actor);
    }

    /** Progress at this moment; a unit that has not filed gets {@code filed: false}. */
    @Get("/plans/{year}/progress")
    @Secured(Role.Names.BUYER)
    ProgressView progress(@PathVariable int year, @Parameter(hidden = true) Actor actor) {
        return quotas.progress(year, actor, Instant.now(clock));
    }

    /** Asks for a ratio below the province's floor for the year. */
    @Post("/plans/{year}/ratio-exceptions")
    @Secured(Role.Names.BUYER)
    @ApiResponse(responseCode = "201", description = "已提交，待监管部门审核")
    @ApiResponse(responseCode = "409", description = "该年度已有待审核或已批准的申请")
    @ApiResponse(responseCode = "422", description = "申请比例不低于本省下限")
    HttpResponse<RatioExceptionView> requestException(
            @PathVariable int year, @Valid @Body RatioExceptionRequest request, @Parameter(hidden = true) Actor actor) {
        return HttpResponse.created(quotas.requestException(year, request.ratioPercent(), request.reason(), actor));
    }

    /** A buyer sees its own requests, a regulator those of units in its scope, an operator all. */
    @Get("/ratio-exceptions")
    @Secured({Role.Names.BUYER, Role.Names.REGULATOR, Role.Names.OPERATOR})
    PageResponse<RatioExceptionView> exceptions(
            @Nullable @QueryValue RatioExceptionStatus status,
            @Nullable @QueryValue Integer year,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size,
            @Parameter(hidden = true) Actor actor) {
        return quotas.exceptions(status, year, actor, PageQuery.of(page, size));
    }

    /** Approves or rejects a ratio exception. */
    @Post("/ratio-exceptions/{id}/decision")
    @Secured({Role.Names.REGULATOR, Role.Names.OPERATOR})
    @ApiResponse(responseCode = "403", description = "比例申请由监管范围覆盖该单位的财政部门（或平台运营）审核")
    @ApiResponse(responseCode = "409", description = "该申请已审核")
    RatioExceptionView decide(
            @PathVariable long id, @Valid @Body DecisionRequest request, @Parameter(hidden = true) Actor actor) {
        return quotas.decideException(id, request.decision(), request.reason(), actor);
    }
}
