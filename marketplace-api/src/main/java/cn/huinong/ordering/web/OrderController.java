package cn.huinong.ordering.web;

import cn.huinong.ordering.CheckoutResult;
import cn.huinong.ordering.OrderPaymentsView;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.OrderSummary;
import cn.huinong.ordering.OrderView;
import cn.huinong.ordering.Orders;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.idempotency.Idempotency;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Controller("/api/v1/orders")
@StandardProblems
class OrderController {

    private final Orders orders;
    private final List<OrderPaymentsView> payments;

    OrderController(Orders orders, List<OrderPaymentsView> payments) {
        this.orders = orders;
        this.payments = payments;
    }

    /** The order with its payments (the payments module shows them; ordering itself does not know them). */
    private OrderView withPayments(OrderView view) {
        List<Map<String, Object>> all = new ArrayList<>();
        payments.forEach(p -> all.addAll(p.payments(view.id())));
        return view.withPayments(all);
    }

    /** Checkout: one order per supplier, every line reserved or none. */
    @Post
    @Secured(Role.Names.BUYER)
    @ApiResponse(
            responseCode = "201",
            description = "已下单（每个供应商一个订单，待支付）",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CheckoutResult.class)))
    @ApiResponse(responseCode = "409", description = "库存不足或商品不可购买，未预留任何库存")
    @ApiResponse(responseCode = "422", description = "Idempotency-Key 已用于内容不同的请求")
    HttpResponse<CheckoutResult> checkout(
            @Valid @Body CheckoutRequest request,
            @Nullable @Header("Idempotency-Key") String idempotencyKey,
            @Parameter(hidden = true) Actor actor) {
        return created(orders.checkout(request.toCheckout(), idempotencyKey, actor));
    }

    /** 201 with the checkout; a replay of an earlier request says so in {@code Idempotency-Replayed}. */
    static HttpResponse<CheckoutResult> created(Idempotency.Outcome<CheckoutResult> outcome) {
        MutableHttpResponse<CheckoutResult> r = HttpResponse.<CheckoutResult>status(
                        HttpStatus.valueOf(outcome.status()))
                .body(outcome.value());
        return outcome.replayed() ? r.header("Idempotency-Replayed", "true") : r;
    }

    /**
     * The caller's orders: a buyer unit's, a supplier's, or all (operator); newest first. {@code q}: an order number
     * or part of the buyer unit's or supplier's name.
     */
    @Get
    @Secured({Role.Names.BUYER, Role.Names.SUPPLIER, Role.Names.OPERATOR})
    PageResponse<OrderSummary> list(
            @Nullable @QueryValue OrderStatus status,
            @Nullable @QueryValue String q,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size,
            @Parameter(hidden = true) Actor actor) {
        return orders.list(actor, status, q, PageQuery.of(page, size));
    }

    /** One order as the caller may see it. */
    @Get("/{id}")
    @Secured({Role.Names.BUYER, Role.Names.SUPPLIER, Role.Names.OPERATOR})
    OrderView get(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return withPayments(orders.view(id, actor));
    }

    /** The supplier ships an order. */
    @Post("/{id}/shipment")
    @Secured(Role.Names.SUPPLIER)
    @ApiResponse(responseCode = "409", description = "订单未支付或已发货")
    OrderView ship(@PathVariable long id, @Valid @Body ShipmentRequest request, @Parameter(hidden = true) Actor actor) {
        return withPayments(orders.ship(id, request.carrier(), request.trackingNumber(), actor));
    }

    /** The supplier marks a shipped order delivered. */
    @Post("/{id}/delivery")
    @Secured(Role.Names.SUPPLIER)
    @ApiResponse(responseCode = "409", description = "订单未发货")
    OrderView deliver(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return withPayments(orders.deliver(id, actor));
    }

    /** The buyer accepts a delivered order. */
    @Post("/{id}/acceptance")
    @Secured(Role.Names.BUYER)
    @ApiResponse(responseCode = "409", description = "订单未送达")
    OrderView accept(
            @PathVariable long id,
            @Nullable @Valid @Body AcceptanceRequest request,
            @Parameter(hidden = true) Actor actor) {
        return withPayments(orders.accept(
                id, request == null ? null : request.rating(), request == null ? null : request.comment(), actor));
    }

    /** Cancels an order (a paid one is refunded in full). */
    @Post("/{id}/cancellation")
    @Secured(Role.Names.BUYER)
    @ApiResponse(responseCode = "409", description = "订单已发货或已取消")
    OrderView cancel(
            @PathVariable long id,
            @Nullable @Valid @Body CancellationRequest request,
            @Parameter(hidden = true) Actor actor) {
        return withPayments(orders.cancel(id, request == null ? null : request.reason(), actor));
    }

    /** The buyer unit's invoice details (发票抬头, 税号). */
    @Put("/{id}/invoice-request")
    @Secured(Role.Names.BUYER)
    OrderView requestInvoice(
            @PathVariable long id, @Valid @Body InvoiceRequestRequest request, @Parameter(hidden = true) Actor actor) {
        return withPayments(orders.requestInvoice(id, request.title(), request.taxNumber(), actor));
    }

    /** The supplier records the invoice it issued (number, date). */
    @Put("/{id}/invoice")
    @Secured(Role.Names.SUPPLIER)
    OrderView recordInvoice(
            @PathVariable long id, @Valid @Body IssuedInvoiceRequest request, @Parameter(hidden = true) Actor actor) {
        return withPayments(orders.recordInvoice(id, request.invoiceNumber(), request.issuedOn(), actor));
    }
}
