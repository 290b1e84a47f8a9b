package cn.huinong.catalog.web;

import cn.huinong.catalog.CertificationView;
import cn.huinong.catalog.Certifications;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

@Controller("/api/v1")
@StandardProblems
class CertificationController {

    private final Certifications certifications;

    CertificationController(Certifications certifications) {
        this.certifications = certifications;
    }

    /** Adds a certificate to a product for review. */
    @Post("/products/{id}/certifications")
    @Secured(Role.Names.SUPPLIER)
    @ApiResponse(
            responseCode = "201",
            description = "已登记，待审核",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CertificationView.class)))
    HttpResponse<CertificationView> add(
            @PathVariable long id, @Valid @Body CertificationRequest request, @Parameter(hidden = true) Actor actor) {
        return HttpResponse.created(certifications.add(id, request.toCommand(), actor));
    }

    /** Approves or rejects a certificate. */
    @Post("/certifications/{id}/decision")
    @Secured(Role.Names.OPERATOR)
    CertificationView decide(
            @PathVariable long id, @Valid @Body ReviewDecisionRequest request, @Parameter(hidden = true) Actor actor) {
        return certifications.decide(id, request.decision(), request.reason(), actor);
    }

    /** Certificates awaiting an operator's review. */
    @Get("/certifications/review-queue")
    @Secured(Role.Names.OPERATOR)
    PageResponse<CertificationView> reviewQueue(
            @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return certifications.reviewQueue(PageQuery.of(page, size));
    }

    /** The supplier's own certifications expiring within {@code days} (default 60). */
    @Get("/certifications/expiring")
    @Secured(Role.Names.SUPPLIER)
    PageResponse<CertificationView> expiring(
            @Nullable @QueryValue Integer days,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size,
            @Parameter(hidden = true) Actor actor) {
        return certifications.expiring(actor, days == null ? 60 : days, PageQuery.of(page, size));
    }
}
