package cn.huinong.search.web;

import cn.huinong.search.IndexStatus;
import cn.huinong.search.SearchIndex;
import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@Controller("/api/v1/search/index")
@StandardProblems
@Secured(Role.Names.OPERATOR)
class SearchIndexController {

    private final SearchIndex index;

    SearchIndexController(SearchIndex index) {
        this.index = index;
    }

    /** Alias, index, document count, outbox backlog and lag, last error, rebuild progress. */
    @Get("/status")
    IndexStatus status(@Parameter(hidden = true) Actor actor) {
        return index.status(actor);
    }

    /** The indexer's counters: processed, batches, errors, last batch, backlog, lag. */
    @Get("/metrics")
    IndexStatus.Metrics metrics() {
        return index.metrics();
    }

    /** Starts a zero-downtime full rebuild; follow it through /status. */
    @Post("/rebuild")
    @ApiResponse(
            responseCode = "202",
            description = "已开始重建，进度见 /status",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = IndexStatus.Rebuild.class)))
    @ApiResponse(responseCode = "409", description = "已有重建在进行")
    HttpResponse<IndexStatus.Rebuild> rebuild(@Parameter(hidden = true) Actor actor) {
        return HttpResponse.accepted().body(index.requestRebuild(actor));
    }
}
