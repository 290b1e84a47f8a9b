package cn.huinong.payments.internal;

import cn.huinong.ordering.OrderPayments;
import cn.huinong.payments.AttentionItem;
import cn.huinong.payments.GatewayOutcomeUnknown;
import cn.huinong.payments.GatewayRefused;
import cn.huinong.payments.InvalidWebhookSignature;
import cn.huinong.payments.MismatchView;
import cn.huinong.payments.PaymentAlreadyLive;
import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentMoveNotAllowed;
import cn.huinong.payments.PaymentNotFound;
import cn.huinong.payments.PaymentStatus;
import cn.huinong.payments.PaymentView;
import cn.huinong.payments.Payments;
import cn.huinong.payments.RefundView;
import cn.huinong.payments.WrongPaymentMethod;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.idempotency.Idempotency;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The payments facade: the use cases, after {@link PaymentAccess} has said who may do what; database steps in
 * {@link PaymentSteps}, {@link TransferSteps}, {@link RefundSteps}, {@link WebhookInbox} (each its own transaction),
 * gateway calls between them and never inside one; answers through {@link PaymentViews}. An unknown gateway outcome
 * leaves the payment PENDING; nothing is guessed.
 */
@Singleton
class PaymentService implements Payments {

    private final PaymentAccess access;
    private final PaymentViews views;
    private final PaymentSteps payments;
    private final TransferSteps transfers;
    private final RefundSteps refunds;
    private final WebhookInbox inbox;
    private final CardIntents cardIntents;
    private final OperatorDesk desk;
    private final Gateway gateway;
    private final OrderPayments orders;
    private final Refunder refunder;

    PaymentService(
            PaymentAccess access,
            PaymentViews views,
            PaymentSteps payments,
            TransferSteps transfers,
            RefundSteps refunds,
            WebhookInbox inbox,
            CardIntents cardIntents,
            OperatorDesk desk,
            Gateway gateway,
            OrderPayments orders,
            Refunder refunder) {
        this.access = access;
        this.views = views;
        this.payments = payments;
        this.transfers = transfers;
        this.refunds = refunds;
        this.inbox = inbox;
        this.cardIntents = cardIntents;
        this.desk = desk;
        this.gateway = gateway;
        this.orders = orders;
        this.refunder = refunder;
    }

    @Override
    public Idempotency.Outcome<PaymentView> create(
            long orderId, PaymentMethod method, String idempotencyKey, Actor actor) {
        access.mayPay(orderId, actor);
        if (method == null) {
            throw new InvalidInputException("请选择支付方式");
        }
        Idempotency.Outcome<PaymentSteps.Created> created = null;
        for (int attempt = 0; created == null; attempt++) {
            try {
                created = payments.create(orderId, method, idempotencyKey, actor);
            } catch (PaymentSteps.LiveCardAttempt live) {
                // an earlier card attempt could still take money: it is cancelled at the gateway first
                if (attempt >= 2 || !cardIntents.cancelCard(live.paymentId, "已由新的支付取代", actor)) {
                    throw new PaymentAlreadyLive("该订单上一笔银行卡支付的结果尚未确定，暂不能发起新的支付，请稍后重试");
                }
            }
        }
        PaymentRow row = payments.find(created.value().paymentId()).orElseThrow();
        if (row.method() == PaymentMethod.CARD && row.status() == PaymentStatus.PENDING) {
            cardIntents.ensureIntent(row, actor);
        }
        return new Idempotency.Outcome<>(views.payment(row.id()), created.status(), created.replayed());
    }

    @Override
    public PaymentView cancel(long paymentId, Actor actor) {
        PaymentRow row = access.ofBuyer(paymentId, actor);
        if (!row.status().live()) {
            throw new PaymentMoveNotAllowed("支付当前状态为" + row.status().label() + "，不能撤销");
        }
        if (row.method() == PaymentMethod.BANK_TRANSFER) {
            payments.cancelled(paymentId, "买方撤销了对公转账", actor);
        } else if (!cardIntents.cancelCard(paymentId, "买方撤销了银行卡支付", actor)) {
            throw new GatewayOutcomeUnknown("支付网关暂时无法撤销该支付，请稍后重试");
        }
        return views.payment(paymentId);
    }

    @Override
    public PaymentView confirm(long paymentId, String paymentMethod, Actor actor) {
        PaymentRow row = access.ofBuyer(paymentId, actor);
        if (row.method() != PaymentMethod.CARD) {
            throw new WrongPaymentMethod("银行转账的支付无需确认，请等待供应商确认到账");
        }
        if (row.status() == PaymentStatus.SUCCEEDED) {
            return views.payment(paymentId);
        }
        if (row.status() == PaymentStatus.ORPHANED) {
            throw new PaymentMoveNotAllowed("该支付已入账但订单已不可支付，款项将原路退回");
        }
        if (row.status() == PaymentStatus.CANCELLED) {
            throw new PaymentMoveNotAllowed(
                    "该支付已撤销" + (row.failureMessage() == null ? "" : "（" + row.failureMessage() + "）") + "，请重新发起支付");
        }
        String intentId = cardIntents.ensureIntent(row, actor);
        if (intentId == null) {
            PaymentRow now = payments.find(paymentId).orElseThrow();
            if (now.status() == PaymentStatus.CANCELLED) {
                throw new GatewayRefused(now.failureMessage());
            }
            throw new GatewayOutcomeUnknown("支付网关暂时无法确认支付结果，请稍后重试");
        }
        cardIntents.confirm(paymentId, intentId, paymentMethod, actor);
        return views.payment(paymentId);
    }

    @Override
    public PaymentView confirmReceipt(long paymentId, LocalDate transferDate, Long amountFen, Actor actor) {
        PaymentRow row = access.ofSupplier(paymentId, actor);
        if (row.method() != PaymentMethod.BANK_TRANSFER) {
            throw new WrongPaymentMethod("只有银行转账的支付需要确认到账");
        }
        if (row.status() != PaymentStatus.AWAITING_TRANSFER
                && row.status() != PaymentStatus.SUCCEEDED
                && row.status() != PaymentStatus.CANCELLED) {
            throw new PaymentMoveNotAllowed("支付当前状态为" + row.status().label() + "，不能确认到账");
        }
        if (transfers.receipt(paymentId, transferDate, amountFen, actor) == PaymentSteps.Settlement.ORPHANED) {
            refunder.refundDue(paymentId);
        }
        return views.payment(paymentId);
    }

    @Override
    public PaymentView slip(long paymentId, long fileId, LocalDate transferDate, Actor actor) {
        access.ofBuyer(paymentId, actor);
        transfers.slip(paymentId, fileId, transferDate, actor);
        return views.payment(paymentId);
    }

    @Override
    public List<PaymentView> awaitingTransfer(Actor actor) {
        List<Long> pending = orders.awaitingPayment(access.buyerUnit(actor), PageQuery.MAX_SIZE);
        return transfers.awaitingTransfer(pending).stream()
                .map(p -> views.payment(p.id()))
                .toList();
    }

    @Override
    public PaymentView reconcile(long paymentId, Actor actor) {
        access.operator(actor, "只有运营人员可以对账");
        access.existing(paymentId);
        cardIntents.reconcilePayment(paymentId, actor);
        return views.payment(paymentId);
    }

    @Override
    public boolean webhook(String rawBody, String signatureHeader) {
        GatewayEvent event = gateway.verifiedEvent(rawBody, signatureHeader).orElseThrow(InvalidWebhookSignature::new);
        Actor gatewayActor = Actor.system("payment-gateway");
        WebhookInbox.Handled handled = inbox.handle(event.id(), event.type(), event.object(), rawBody, gatewayActor);
        // committed: now the gateway calls it asks for
        if (handled.orphanedPaymentId() != null) {
            refunder.refundDue(handled.orphanedPaymentId());
        }
        handled.refundsToReconcile().forEach(refunder::reconcile);
        handled.paymentsToReconcile().forEach(id -> cardIntents.reconcilePayment(id, gatewayActor));
        handled.refundsDue().forEach(refunder::refundDue);
        return handled.first();
    }

    @Override
    public Idempotency.Outcome<RefundView> refund(
            long orderId, long amountFen, String reason, String idempotencyKey, Actor actor) {
        access.mayRefund(orderId, actor);
        List<Violation> v = new ArrayList<>();
        if (amountFen <= 0) {
            v.add(new Violation("amountFen", "退款金额必须大于0"));
        }
        if (reason == null || reason.isBlank()) {
            v.add(new Violation("reason", "请填写退款原因"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException("退款信息有误", v);
        }
        Idempotency.Outcome<PaymentSteps.Created> created =
                refunds.createRefund(orderId, amountFen, reason.strip(), idempotencyKey, actor);
        long refundId = created.value().paymentId();
        refunder.execute(refundId, actor);
        RefundRow r = refunds.findRefund(refundId).orElseThrow();
        return new Idempotency.Outcome<>(views.refund(r), created.status(), created.replayed());
    }

    @Override
    public int reconcileAll(Instant now) {
        return desk.reconcileAll(now);
    }

    @Override
    public PageResponse<AttentionItem> attention(PageQuery page, Actor actor) {
        return desk.attention(page, actor);
    }

    @Override
    public PageResponse<MismatchView> mismatches(boolean openOnly, PageQuery page, Actor actor) {
        return desk.mismatches(openOnly, page, actor);
    }

    @Override
    public MismatchView resolveMismatch(long id, String resolution, Actor actor) {
        return desk.resolveMismatch(id, resolution, actor);
    }

    @Override
    public RefundView confirmRefundSent(long refundId, LocalDate sentOn, String bankReference, Actor actor) {
        access.refundOfSupplier(refundId, actor);
        if (sentOn == null) {
            throw new InvalidInputException("请填写退款汇出日期", List.of(new Violation("sentOn", "请填写退款汇出日期")));
        }
        String reference = bankReference == null || bankReference.isBlank() ? null : bankReference.strip();
        return views.refund(refunds.confirmOfflineRefund(refundId, sentOn, reference, actor));
    }

    static PaymentNotFound notFound(long id) {
        return new PaymentNotFound(id);
    }
}
