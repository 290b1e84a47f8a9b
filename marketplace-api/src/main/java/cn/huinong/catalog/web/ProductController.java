package cn.huinong.catalog.web;

import cn.huinong.catalog.ProductCreated;
import cn.huinong.catalog.ProductStatus;
import cn.huinong.catalog.ProductSummary;
import cn.huinong.catalog.ProductView;
import cn.huinong.catalog.Products;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.StandardProblems;
import cn.huinong.shared.problem.Violation;
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
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;

@Controller("/api/v1/products")
@StandardProblems
class ProductController {

    private final Products products;

    ProductController(Products products) {
        this.products = products;
    }

    /** Creates a draft product of the supplier. */
    @Post
    @Secured(Role.Names.SUPPLIER)
    @ApiResponse(
            responseCode = "201",
            description = "已创建（草稿）",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductCreated.class)))
    HttpResponse<ProductCreated> create(@Valid @Body ProductRequest request, @Parameter(hidden = true) Actor actor) {
        return HttpResponse.created(products.create(request.toDraft(), actor));
    }

    /** The owner's edit; a listed product whose key facts change goes back to review. */
    @Put("/{id}")
    @Secured(Role.Names.SUPPLIER)
    ProductView update(
            @PathVariable long id, @Valid @Body ProductRequest request, @Parameter(hidden = true) Actor actor) {
        return products.update(id, request.toDraft(), actor);
    }

    /** Submits a draft product for review. */
    @Post("/{id}/submission")
    @Secured(Role.Names.SUPPLIER)
    @ApiResponse(responseCode = "409", description = "当前状态不能提交审核")
    ProductView submit(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return products.submit(id, actor);
    }

    /** Approves or rejects a submitted product. */
    @Post("/{id}/decision")
    @Secured(Role.Names.OPERATOR)
    @ApiResponse(responseCode = "409", description = "商品不在待审核状态")
    ProductView decide(
            @PathVariable long id, @Valid @Body ReviewDecisionRequest request, @Parameter(hidden = true) Actor actor) {
        return products.decide(id, request.decision(), request.reason(), actor);
    }

    /** Takes a listed product off the market. */
    @Post("/{id}/delisting")
    @Secured({Role.Names.SUPPLIER, Role.Names.OPERATOR})
    @ApiResponse(responseCode = "409", description = "商品未上架")
    ProductView delist(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return products.delist(id, actor);
    }

    /** The product page: anonymous callers see only listed products of approved suppliers. */
    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ProductView get(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return products.view(id, actor);
    }

    /** The supplier's own products ({@code mine=true}), optionally of one status. */
    @Get
    @Secured(Role.Names.SUPPLIER)
    PageResponse<ProductSummary> mine(
            @Nullable @QueryValue Boolean mine,
            @Nullable @QueryValue ProductStatus status,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size,
            @Parameter(hidden = true) Actor actor) {
        if (!Boolean.TRUE.equals(mine)) {
            throw new InvalidInputException(
                    "请使用 mine=true 查看本机构商品，或使用 /api/v1/catalog/search 搜索", List.of(new Violation("mine", "应为 true")));
        }
        return products.mine(actor, status, PageQuery.of(page, size));
    }

    /** Products awaiting an operator's review. */
    @Get("/review-queue")
    @Secured(Role.Names.OPERATOR)
    PageResponse<ProductSummary> reviewQueue(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return products.reviewQueue(PageQuery.of(page, size));
    }

    /** Products whose price stands far above their category's median. */
    @Get("/price-alerts")
    @Secured(Role.Names.OPERATOR)
    PageResponse<ProductSummary> priceAlerts(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return products.priceAlerts(PageQuery.of(page, size));
    }
}
