package cn.huinong.catalog.web;

import cn.huinong.catalog.BrandView;
import cn.huinong.catalog.Brands;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

@Controller("/api/v1/brands")
@StandardProblems
class BrandController {

    private final Brands brands;

    BrandController(Brands brands) {
        this.brands = brands;
    }

    /** Suppliers create enterprise and product brands; operators create regional public brands. */
    @Post
    @Secured({Role.Names.SUPPLIER, Role.Names.OPERATOR})
    @ApiResponse(
            responseCode = "201",
            description = "已创建",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BrandView.class)))
    HttpResponse<BrandView> create(@Valid @Body CreateBrandRequest request, @Parameter(hidden = true) Actor actor) {
        return HttpResponse.created(brands.create(request.toCommand(), actor));
    }

    /** {@code mine=true}: the caller's own brands; otherwise the regional public brands. */
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    PageResponse<BrandView> list(
            @Nullable @QueryValue Boolean mine,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size,
            @Parameter(hidden = true) Actor actor) {
        PageQuery p = PageQuery.of(page, size);
        return Boolean.TRUE.equals(mine) ? brands.mine(actor, p) : brands.regionalPublic(p);
    }
}
