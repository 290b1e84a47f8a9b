package cn.huinong.quota.web;

import cn.huinong.quota.ConsistencyReport;
import cn.huinong.quota.ConsistencyRun;
import cn.huinong.quota.ConsistencyRuns;
import cn.huinong.quota.Quotas;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Operator tools of the reserved share. */
@Controller("/api/v1/operator/quota")
@StandardProblems
class OperatorQuotaController {

    private final Quotas quotas;
    private final ConsistencyRuns runs;

    OperatorQuotaController(Quotas quotas, ConsistencyRuns runs) {
        this.quotas = quotas;
        this.runs = runs;
    }

    /** Recomputes every unit's eligible spent for the year from orders and refunds; lists where the ledger differs. */
    @Post("/consistency-check")
    @Secured(Role.Names.OPERATOR)
    ConsistencyReport consistencyCheck(@QueryValue int year) {
        return quotas.consistencyCheck(year);
    }

    /** The same check in the background: 202 with the RUNNING run; follow it with GET /consistency-checks/{id}. */
    @Post("/consistency-checks")
    @Secured(Role.Names.OPERATOR)
    @ApiResponse(
            responseCode = "202",
            description = "核对已开始",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsistencyRun.class)))
    @ApiResponse(responseCode = "409", description = "该年度的核对正在进行")
    HttpResponse<ConsistencyRun> startConsistencyCheck(@QueryValue int year, @Parameter(hidden = true) Actor actor) {
        return HttpResponse.accepted().body(runs.start(year, actor));
    }

    /** Background checks, newest first (without their mismatches). */
    @Get("/consistency-checks")
    @Secured(Role.Names.OPERATOR)
    PageResponse<ConsistencyRun> consistencyChecks(
            @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return runs.list(PageQuery.of(page, size));
    }

    /** One background check: its status, and when done what it found (the first 1,000 mismatches). */
    @Get("/consistency-checks/{id}")
    @Secured(Role.Names.OPERATOR)
    ConsistencyRun consistencyCheckRun(@PathVariable long id) {
        return runs.view(id);
    }
}
