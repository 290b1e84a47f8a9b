package cn.huinong.payments.internal;

import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.OrderView;
import cn.huinong.payments.AttentionItem;
import cn.huinong.ordering.Orders;
import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentStatus;
import cn.huinong.payments.PaymentView;
import cn.huinong.payments.Payments;
import cn.huinong.payments.RefundView;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.idempotency.Idempotency;
import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import com.stripe.exception.CardException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orchestrates payments: database steps in {@link PaymentTx} (each its own transaction), gateway calls between
 * them and never inside one. An unknown gateway outcome leaves the payment PENDING; nothing is guessed.
 */
@Singleton
class PaymentService implements Payments {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);
    private static final String DEFAULT_TEST_CARD = "pm_card_visa";

    private final PaymentTx tx;
    private final Gateway gateway;
    private final Orders orders;
    private final PaymentSettings settings;
    private final Refunder refunder;

    PaymentService(PaymentTx tx, Gateway gateway, Orders orders, PaymentSettings settings, Refunder refunder) {
        this.refunder = refunder;
        this.tx = tx;
        this.gateway = gateway;
        this.orders = orders;
        this.settings = settings;
    }

    @Override
    public Idempotency.Outcome<PaymentView> create(long orderId, PaymentMethod method, String idempotencyKey,
                                                   Actor actor) {
        orders.view(orderId, actor); // 404 unless the caller may see the order
        if (!actor.hasRole("BUYER")) {
            throw new ForbiddenException("只有采购单位可以支付订单");
        }
        if (method == null) {
            throw new InvalidInputException("请选择支付方式");
        }
        Idempotency.Outcome<PaymentTx.Created> created = tx.create(orderId, method, idempotencyKey, actor);
        PaymentRow row = tx.find(created.value().paymentId()).orElseThrow();
        if (row.method() == PaymentMethod.CARD && row.status() == PaymentStatus.PENDING) {
            ensureIntent(row, actor);
        }
        return new Idempotency.Outcome<>(view(row.id()), created.status(), created.replayed());
    }

    @Override
    public PaymentView confirm(long paymentId, String paymentMethod, Actor actor) {
        PaymentRow row = mine(paymentId, actor, "BUYER");
        if (row.method() != PaymentMethod.CARD) {
            throw new ConflictException("银行转账的支付无需确认，请等待供应商确认到账");
        }
        if (row.status() == PaymentStatus.SUCCEEDED) {
            return view(paymentId);
        }
        if (row.status() == PaymentStatus.ORPHANED) {
            throw new ConflictException("该支付已入账但订单已不可支付，款项将原路退回");
        }
        String intentId = ensureIntent(row, actor);
        if (intentId == null) {
            throw new ConflictException("支付网关暂时无法确认支付结果，请稍后重试");
        }
        String pm = paymentMethod == null || paymentMethod.isBlank() ? DEFAULT_TEST_CARD : paymentMethod.strip();
        try {
            apply(paymentId, gateway.confirm(intentId, pm), actor);
        } catch (CardException e) {
            tx.fail(paymentId, e.getStripeError() == null ? e.getMessage() : e.getStripeError().getMessage(), actor);
        } catch (StripeException e) {
            if (!Gateway.unknownOutcome(e)) {
                throw new RuleViolationException("支付网关拒绝了请求：" + message(e));
            }
            LOG.warn("confirmation of payment {} has an unknown outcome: {}", paymentId, e.toString());
        }
        return view(paymentId);
    }

    @Override
    public PaymentView confirmReceipt(long paymentId, Actor actor) {
        PaymentRow row = mine(paymentId, actor, "SUPPLIER");
        if (row.method() != PaymentMethod.BANK_TRANSFER) {
            throw new ConflictException("只有银行转账的支付需要确认到账");
        }
        if (row.status() != PaymentStatus.AWAITING_TRANSFER && row.status() != PaymentStatus.SUCCEEDED) {
            throw new ConflictException("支付当前状态为" + row.status().label() + "，不能确认到账");
        }
        if (tx.settle(paymentId, row.transferReference(), actor) == PaymentTx.Settlement.ORPHANED) {
            refunder.refundDue(paymentId);
        }
        return view(paymentId);
    }

    @Override
    public PaymentView reconcile(long paymentId, Actor actor) {
        if (!actor.hasRole("OPERATOR")) {
            throw new ForbiddenException("只有运营人员可以对账");
        }
        tx.find(paymentId).orElseThrow(() -> notFound(paymentId));
        reconcilePayment(paymentId, actor);
        return view(paymentId);
    }

    /**
     * Asks the gateway what became of a card payment that is not final (PENDING, or FAILED that might have been
     * paid after all) and settles accordingly; creates the intent (same key, same intent) when its creation outcome
     * was never learnt. Also used by {@link #reconcileAll}.
     */
    void reconcilePayment(long paymentId, Actor actor) {
        PaymentRow row = tx.find(paymentId).orElseThrow(() -> notFound(paymentId));
        if (row.method() != PaymentMethod.CARD
                || (row.status() != PaymentStatus.PENDING && row.status() != PaymentStatus.FAILED)) {
            return;
        }
        String intentId = ensureIntent(row, actor);
        if (intentId != null) {
            try {
                PaymentIntent pi = gateway.retrieve(intentId);
                apply(paymentId, pi, actor);
                if (!OPEN_INTENT.contains(pi.getStatus()) || orderStillPayable(row.orderId())) {
                    return;
                }
                // nobody can pay this order any more: cancel the intent, so that it is not reconciled forever;
                // money that still arrives (the cancel lost a race) is ORPHANED and refunded
                PaymentIntent cancelled = "canceled".equals(pi.getStatus()) ? pi : gateway.cancel(intentId);
                if ("canceled".equals(cancelled.getStatus())) {
                    tx.fail(paymentId, "订单已不可支付，支付已撤销", actor);
                }
            } catch (StripeException e) {
                LOG.warn("reconciliation of payment {} failed: {}", paymentId, e.toString());
            }
        }
    }

    /** Intent states in which no money has moved and none is moving. */
    private static final java.util.Set<String> OPEN_INTENT = java.util.Set.of("requires_payment_method",
            "requires_confirmation", "requires_action", "canceled");

    private boolean orderStillPayable(long orderId) {
        return orders.find(orderId).map(o -> o.status() == OrderStatus.PENDING_PAYMENT).orElse(false);
    }

    @Override
    public boolean webhook(String rawBody, String signatureHeader) {
        Event event;
        try {
            event = Webhook.constructEvent(rawBody, signatureHeader, settings.webhookSecret());
        } catch (SignatureVerificationException | RuntimeException e) {
            throw new InvalidInputException("Webhook 签名无效或已过期");
        }
        PaymentTx.Handled handled = tx.handle(event.getId(), event.getType(), objectOf(event).orElse(null),
                Actor.system("payment-gateway"));
        // committed: now the gateway calls it asks for
        if (handled.orphanedPaymentId() != null) {
            refunder.refundDue(handled.orphanedPaymentId());
        }
        handled.refundsToReconcile().forEach(refunder::reconcile);
        return handled.first();
    }

    @Override
    public Idempotency.Outcome<RefundView> refund(long orderId, long amountFen, String reason, String idempotencyKey,
                                                  Actor actor) {
        orders.view(orderId, actor); // 404 unless the caller may see the order
        if (!actor.hasRole("SUPPLIER") && !actor.hasRole("OPERATOR")) {
            throw new ForbiddenException("只有该订单的供应商或运营人员可以退款");
        }
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
        Idempotency.Outcome<PaymentTx.Created> created = tx.createRefund(orderId, amountFen, reason.strip(),
                idempotencyKey, actor);
        long refundId = created.value().paymentId();
        PaymentStore.RefundRow r = tx.findRefund(refundId).orElseThrow();
        refunder.execute(refundId, actor);
        r = tx.findRefund(refundId).orElseThrow();
        OrderView order = orders.find(orderId).orElseThrow();
        return new Idempotency.Outcome<>(new RefundView(r.id(), r.orderId(), r.paymentId(), r.amountFen(), r.reason(),
                r.status(), r.failureMessage(), order.refundedFen(), order.status().name(), r.createdAt()),
                created.status(), created.replayed());
    }

    @Override
    public int reconcileAll(Instant now) {
        Actor system = Actor.system("payments-reconciliation");
        int n = 0;
        long after = 0;
        List<Long> ids;
        do {
            ids = tx.stuckCardPayments(now.minus(settings.reconcileAfter()), after, 100);
            for (long id : ids) {
                try {
                    reconcilePayment(id, system);
                } catch (RuntimeException e) {
                    LOG.warn("payment {}: reconciliation failed: {}", id, e.toString());
                }
                after = id;
                n++;
            }
        } while (ids.size() == 100);
        return n + refunder.sweep(now);
    }

    @Override
    public PageResponse<AttentionItem> attention(PageQuery page, Actor actor) {
        if (!actor.hasRole("OPERATOR")) {
            throw new ForbiddenException("只有运营人员可以查看待处理的支付");
        }
        return tx.attention(page).map(p -> {
            List<PaymentStore.RefundRow> refunds = tx.refundsOf(p.id());
            long refunded = refunds.stream().filter(r -> r.status().equals("SUCCEEDED"))
                    .mapToLong(PaymentStore.RefundRow::amountFen).sum();
            long refunding = refunds.stream().filter(PaymentStore.RefundRow::pending)
                    .mapToLong(PaymentStore.RefundRow::amountFen).sum();
            List<PaymentStore.RefundRow> failed = refunds.stream().filter(r -> r.failureMessage() != null).toList();
            OrderStatus orderStatus = orders.find(p.orderId()).map(OrderView::status).orElse(null);
            boolean owed = p.status() == PaymentStatus.ORPHANED
                    || (p.status() == PaymentStatus.SUCCEEDED && orderStatus == OrderStatus.CANCELLED);
            return new AttentionItem(p.id(), p.orderId(), orderStatus == null ? null : orderStatus.name(), p.method(),
                    p.status(), p.status().label(), p.amountFen(), refunded, refunding,
                    owed ? Math.max(0, p.amountFen() - refunded) : 0, failed.size(),
                    failed.isEmpty() ? null : failed.get(failed.size() - 1).failureMessage(), p.paidAt());
        });
    }

    /** The intent id, creating the intent (same key: same intent) when its creation outcome is still unknown. */
    private String ensureIntent(PaymentRow row, Actor actor) {
        if (row.intentId() != null) {
            return row.intentId();
        }
        try {
            PaymentIntent pi = gateway.createIntent(row);
            tx.intentCreated(row.id(), pi.getId(), pi.getClientSecret(), actor);
            apply(row.id(), pi, actor);
            return pi.getId();
        } catch (StripeException e) {
            if (Gateway.unknownOutcome(e)) {
                LOG.warn("payment {}: intent creation outcome unknown, left PENDING: {}", row.id(), e.toString());
            } else {
                tx.fail(row.id(), "支付网关拒绝创建支付：" + message(e), actor);
            }
            return null;
        }
    }

    /** Settles or fails by what the gateway says; anything else (e.g. awaiting confirmation) changes nothing. */
    private void apply(long paymentId, PaymentIntent pi, Actor actor) {
        if ("succeeded".equals(pi.getStatus())) {
            if (tx.settle(paymentId, pi.getId(), actor) == PaymentTx.Settlement.ORPHANED) {
                refunder.refundDue(paymentId);
            }
        } else if ("requires_payment_method".equals(pi.getStatus()) && pi.getLastPaymentError() != null) {
            tx.fail(paymentId, pi.getLastPaymentError().getMessage(), actor);
        }
    }

    /** The event's object (PaymentIntent, Refund, Charge ...), empty when it cannot be read. */
    private Optional<StripeObject> objectOf(Event event) {
        Optional<StripeObject> object = event.getDataObjectDeserializer().getObject();
        if (object.isEmpty()) {
            try {
                object = Optional.of(event.getDataObjectDeserializer().deserializeUnsafe());
            } catch (Exception e) {
                LOG.warn("webhook {}: cannot read the object: {}", event.getId(), e.toString());
                return Optional.empty();
            }
        }
        return object;
    }

    /** The payment, when the caller sees its order (else 404) and has the role (else 403). */
    private PaymentRow mine(long paymentId, Actor actor, String role) {
        PaymentRow row = tx.find(paymentId).orElseThrow(() -> notFound(paymentId));
        try {
            orders.view(row.orderId(), actor);
        } catch (NotFoundException e) {
            throw notFound(paymentId);
        }
        if (!actor.hasRole(role)) {
            throw new ForbiddenException("BUYER".equals(role) ? "只有采购单位可以确认支付" : "只有该订单的供应商可以确认到账");
        }
        return row;
    }

    private PaymentView view(long id) {
        PaymentRow r = tx.find(id).orElseThrow(() -> notFound(id));
        PaymentView.Transfer transfer = null;
        if (r.method() == PaymentMethod.BANK_TRANSFER) {
            transfer = new PaymentView.Transfer(r.payeeAccountName(), r.payeeBankName(), r.payeeAccountNumber(),
                    r.amountFen(), r.transferReference());
        }
        return new PaymentView(r.id(), r.orderId(), r.method(), r.status(), r.status().label(), r.amountFen(),
                r.currency(), r.status() == PaymentStatus.PENDING || r.status() == PaymentStatus.FAILED ? r.clientSecret() : null, transfer,
                r.failureMessage(), r.paidAt(), r.createdAt());
    }

    static String message(StripeException e) {
        return e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage() : e.getMessage();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("支付不存在：" + id);
    }
}
