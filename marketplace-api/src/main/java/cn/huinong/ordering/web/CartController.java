package cn.huinong.ordering.web;

import cn.huinong.ordering.CartView;
import cn.huinong.ordering.Carts;
import cn.huinong.ordering.CheckoutResult;
import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

/** The caller's cart (one per buyer user). */
@Controller("/api/v1/cart")
@StandardProblems
@Secured(Role.Names.BUYER)
class CartController {

    private final Carts carts;

    CartController(Carts carts) {
        this.carts = carts;
    }

    /** The buyer's cart, grouped by supplier. */
    @Get
    CartView get(@Parameter(hidden = true) Actor actor) {
        return carts.view(actor);
    }

    /** Adds a product or sets its quantity. */
    @Put("/lines/{productId}")
    CartView put(
            @PathVariable long productId, @Valid @Body CartLineRequest request, @Parameter(hidden = true) Actor actor) {
        return carts.put(productId, request.quantity(), actor);
    }

    /** Removes a product from the cart. */
    @Delete("/lines/{productId}")
    CartView remove(@PathVariable long productId, @Parameter(hidden = true) Actor actor) {
        return carts.remove(productId, actor);
    }

    /** Empties the cart. */
    @Delete
    CartView clear(@Parameter(hidden = true) Actor actor) {
        return carts.clear(actor);
    }

    /** Checks out the whole cart like POST /api/v1/orders, and empties it. */
    @Post("/checkout")
    @ApiResponse(
            responseCode = "201",
            description = "已下单，购物车已清空",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CheckoutResult.class)))
    @ApiResponse(responseCode = "409", description = "库存不足或商品不可购买，购物车不变")
    HttpResponse<CheckoutResult> checkout(
            @Valid @Body CartCheckoutRequest request,
            @Nullable @Header("Idempotency-Key") String idempotencyKey,
            @Parameter(hidden = true) Actor actor) {
        return OrderController.created(
                carts.checkout(request.deliveryAddress(), request.channel(), idempotencyKey, actor));
    }
}
