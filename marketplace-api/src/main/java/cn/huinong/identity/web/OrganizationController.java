package cn.huinong.identity.web;

import cn.huinong.identity.OrganizationFilter;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.OrganizationStatus;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

@Controller("/api/v1/organizations")
@StandardProblems
class OrganizationController {

    private final Organizations organizations;

    OrganizationController(Organizations organizations) {
        this.organizations = organizations;
    }

    /** Self-registration of a supplier or buyer (anonymous). The organisation waits for operator review. */
    @Post("/registrations")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Status(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400", description = "输入有误（violations 逐项说明）")
    @ApiResponse(responseCode = "409", description = "统一社会信用代码已注册（用户名是否已被占用不在答复中体现，见 ADR 9）")
    @ApiResponse(
            responseCode = "201",
            description = "已提交，等待审核",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = RegistrationResponse.class)))
    RegistrationResponse register(
            @Valid @Body RegisterOrganizationRequest request, @Parameter(hidden = true) Actor actor) {
        OrganizationView o = organizations.register(request.toCommand(), actor);
        return new RegistrationResponse(o.id(), o.status());
    }

    /** Operators create organisations that cannot self-register (regulators, operators), approved at once. */
    @Post
    @Secured(Role.Names.OPERATOR)
    @Status(HttpStatus.CREATED)
    @ApiResponse(
            responseCode = "201",
            description = "已创建并通过审核",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationView.class)))
    OrganizationView provision(
            @Valid @Body ProvisionOrganizationRequest request, @Parameter(hidden = true) Actor actor) {
        return organizations.provision(request.toCommand(), actor);
    }

    /** Approves or rejects an organisation's application. */
    @Post("/{id}/decision")
    @ApiResponse(responseCode = "200", description = "审核完成")
    @ApiResponse(responseCode = "409", description = "该机构已审核，或指定的管理员用户名已被使用")
    @ApiResponse(responseCode = "422", description = "申请的管理员用户名已被占用：批准时须指定 adminUsername")
    @Secured(Role.Names.OPERATOR)
    OrganizationView decide(
            @PathVariable long id, @Valid @Body DecisionRequest request, @Parameter(hidden = true) Actor actor) {
        return organizations.decide(id, request.decision(), request.reason(), request.adminUsername(), actor);
    }

    /** The review queue and directory: filter by status, kind and name / credit code. */
    @Get
    @Secured(Role.Names.OPERATOR)
    PageResponse<OrganizationView> list(
            @Nullable @QueryValue OrganizationStatus status,
            @Nullable @QueryValue OrganizationKind kind,
            @Nullable @QueryValue String q,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size) {
        return organizations.search(new OrganizationFilter(status, kind, q), PageQuery.of(page, size));
    }

    /** An organisation: operators see any, members their own. */
    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    OrganizationView get(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        if (!actor.is(Role.OPERATOR) && !Long.valueOf(id).equals(actor.organizationId())) {
            throw new NotFoundException("机构不存在：" + id);
        }
        return organizations.find(id).orElseThrow(() -> new NotFoundException("机构不存在：" + id));
    }
}
