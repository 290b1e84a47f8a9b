package cn.huinong.payments.web;

import cn.huinong.payments.AttentionItem;
import cn.huinong.payments.MismatchView;
import cn.huinong.payments.PaymentView;
import cn.huinong.payments.Payments;
import cn.huinong.payments.RefundView;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.idempotency.Idempotency;
import cn.huinong.shared.problem.StandardProblems;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;

@Controller("/api/v1")
@StandardProblems
class PaymentController {

    @Serdeable
    record Received(boolean received, boolean duplicate) {}

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    /** Starts a payment of an order (card or bank transfer). */
    @Post("/orders/{id}/payments")
    @Secured(Role.Names.BUYER)
    @ApiResponse(
            responseCode = "201",
            description = "已创建支付",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PaymentView.class)))
    @ApiResponse(responseCode = "409", description = "订单不是待支付状态")
    HttpResponse<PaymentView> create(
            @PathVariable long id,
            @Valid @Body PaymentRequest request,
            @Nullable @Header("Idempotency-Key") String idempotencyKey,
            @Parameter(hidden = true) Actor actor) {
        Idempotency.Outcome<PaymentView> outcome = payments.create(id, request.method(), idempotencyKey, actor);
        MutableHttpResponse<PaymentView> r = HttpResponse.<PaymentView>status(HttpStatus.valueOf(outcome.status()))
                .body(outcome.value());
        return outcome.replayed() ? r.header("Idempotency-Replayed", "true") : r;
    }

    /** Partial or full refund by the order's supplier or an operator; never more in total than was paid (422). */
    @Post("/orders/{id}/refunds")
    @Secured({Role.Names.SUPPLIER, Role.Names.OPERATOR})
    @ApiResponse(
            responseCode = "201",
            description = "已退款（或退款处理中）",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RefundView.class)))
    @ApiResponse(responseCode = "422", description = "退款总额超过已支付金额")
    HttpResponse<RefundView> refund(
            @PathVariable long id,
            @Valid @Body RefundRequest request,
            @Nullable @Header("Idempotency-Key") String idempotencyKey,
            @Parameter(hidden = true) Actor actor) {
        Idempotency.Outcome<RefundView> outcome =
                payments.refund(id, request.amountFen(), request.reason(), idempotencyKey, actor);
        MutableHttpResponse<RefundView> r = HttpResponse.<RefundView>status(HttpStatus.valueOf(outcome.status()))
                .body(outcome.value());
        return outcome.replayed() ? r.header("Idempotency-Replayed", "true") : r;
    }

    /** Demo and test card flow: confirms the card payment with a test payment method. */
    @Post("/payments/{id}/confirmation")
    @Secured(Role.Names.BUYER)
    PaymentView confirm(
            @PathVariable long id, @Nullable @Body ConfirmationRequest request, @Parameter(hidden = true) Actor actor) {
        return payments.confirm(id, request == null ? null : request.paymentMethod(), actor);
    }

    /**
     * The order's supplier confirms that the bank transfer arrived (optional body: the payer's transfer date, which
     * decides the year it counts in, and the amount received).
     */
    @Post("/payments/{id}/receipt")
    @Secured(Role.Names.SUPPLIER)
    @ApiResponse(responseCode = "422", description = "到账金额与应付金额不符")
    PaymentView receipt(
            @PathVariable long id,
            @Nullable @Valid @Body ReceiptRequest request,
            @Parameter(hidden = true) Actor actor) {
        return payments.confirmReceipt(
                id,
                request == null ? null : request.transferDate(),
                request == null ? null : request.amountFen(),
                actor);
    }

    /** The buyer withdraws a live payment attempt (a card's intent is cancelled at the gateway first). */
    @Post("/payments/{id}/cancellation")
    @Secured(Role.Names.BUYER)
    @ApiResponse(responseCode = "409", description = "支付已结束，或网关暂时无法撤销")
    PaymentView cancel(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return payments.cancel(id, actor);
    }

    /** The buyer attaches the transfer slip (回单) it uploaded at POST /files, with the transfer date on it. */
    @Post("/payments/{id}/slip")
    @Secured(Role.Names.BUYER)
    PaymentView slip(@PathVariable long id, @Valid @Body SlipRequest request, @Parameter(hidden = true) Actor actor) {
        return payments.slip(id, request.fileId(), request.transferDate(), actor);
    }

    /** The buyer unit's bank transfers still awaited, soonest window first (待转账). */
    @Get("/payments/awaiting-transfer")
    @Secured(Role.Names.BUYER)
    AwaitingTransfers awaitingTransfer(@Parameter(hidden = true) Actor actor) {
        return new AwaitingTransfers(payments.awaitingTransfer(actor));
    }

    /** The buyer's transfers still awaited (each with expiresAt, remindedAt, the payee and the reference). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // an empty list is [] (serde leaves empty collections out by default)
    record AwaitingTransfers(List<PaymentView> items) {}

    /** The order's supplier confirms that it sent a bank-transfer refund (offline): only then is it SUCCEEDED. */
    @Post("/refunds/{id}/confirmation")
    @Secured(Role.Names.SUPPLIER)
    RefundView refundSent(
            @PathVariable long id, @Valid @Body RefundSentRequest request, @Parameter(hidden = true) Actor actor) {
        return payments.confirmRefundSent(id, request.sentOn(), request.bankReference(), actor);
    }

    /** Operators: gateway answers that did not match what we asked for (open ones by default). */
    @Get("/payments/mismatches")
    @Secured(Role.Names.OPERATOR)
    PageResponse<MismatchView> mismatches(
            @Nullable @QueryValue Boolean all,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size,
            @Parameter(hidden = true) Actor actor) {
        return payments.mismatches(all == null || !all, PageQuery.of(page, size), actor);
    }

    /** Operators: a mismatch looked into, with what was done. */
    @Post("/payments/mismatches/{id}/resolution")
    @Secured(Role.Names.OPERATOR)
    MismatchView resolve(
            @PathVariable long id, @Valid @Body ResolutionRequest request, @Parameter(hidden = true) Actor actor) {
        return payments.resolveMismatch(id, request.resolution(), actor);
    }

    /** Operators: ask the gateway what became of a card payment whose outcome is unknown. */
    @Post("/payments/{id}/reconciliation")
    @Secured(Role.Names.OPERATOR)
    PaymentView reconcile(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return payments.reconcile(id, actor);
    }

    /** Operators: orphaned payments and failed refunds, with what is still owed back. */
    @Get("/payments/attention")
    @Secured(Role.Names.OPERATOR)
    PageResponse<AttentionItem> attention(
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size,
            @Parameter(hidden = true) Actor actor) {
        return payments.attention(PageQuery.of(page, size), actor);
    }

    /** The gateway's signed events; the raw body is verified before anything else. */
    @Post("/payments/webhook")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @ApiResponse(responseCode = "400", description = "签名无效或已过期")
    Received webhook(@Body String body, @Nullable @Header("Stripe-Signature") String signature) {
        boolean first = payments.webhook(body, signature);
        return new Received(true, !first);
    }
}
