package cn.huinong.payments.internal;

import cn.huinong.files.Files;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.PayableOrder;
import cn.huinong.payments.AttentionItem;
import cn.huinong.payments.MismatchView;
import cn.huinong.ordering.OrderPayments;
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
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orchestrates payments: database steps in {@link PaymentSteps}, {@link TransferSteps}, {@link RefundSteps}, {@link WebhookInbox} (each its own transaction), gateway calls between
 * them and never inside one. An unknown gateway outcome leaves the payment PENDING; nothing is guessed.
 */
@Singleton
class PaymentService implements Payments {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);
    private static final String DEFAULT_TEST_CARD = "pm_card_visa";

    private final PaymentSteps payments;
    private final TransferSteps transfers;
    private final RefundSteps refunds;
    private final Mismatches mismatches;
    private final WebhookInbox inbox;
    private final Gateway gateway;
    private final OrderPayments orders;
    private final PaymentSettings settings;
    private final Refunder refunder;

    private final InstantSource clock;
    private final Files files;

    PaymentService(PaymentSteps payments, TransferSteps transfers, RefundSteps refunds, Mismatches mismatches,
                   WebhookInbox inbox, Gateway gateway, OrderPayments orders, PaymentSettings settings, Refunder refunder,
                   InstantSource clock, Files files) {
        this.clock = clock;
        this.files = files;
        this.refunder = refunder;
        this.payments = payments;
        this.transfers = transfers;
        this.refunds = refunds;
        this.mismatches = mismatches;
        this.inbox = inbox;
        this.gateway = gateway;
        this.orders = orders;
        this.settings = settings;
    }

    @Override
    public Idempotency.Outcome<PaymentView> create(long orderId, PaymentMethod method, String idempotencyKey,
                                                   Actor actor) {
        orders.visibleTo(orderId, actor); // 404 unless the caller may see the order
        if (!actor.hasRole("BUYER")) {
            throw new ForbiddenException("只有采购单位可以支付订单");
        }
        if (method == null) {
            throw new InvalidInputException("请选择支付方式");
        }
        Idempotency.Outcome<PaymentSteps.Created> created = null;
        for (int attempt = 0; created == null; attempt++) {
            try {
                created = payments.create(orderId, method, idempotencyKey, actor);
            } catch (PaymentSteps.LiveCardAttempt live) {
                // an earlier card attempt could still take money: it is cancelled at the gateway first
                if (attempt >= 2 || !cancelCard(live.paymentId, "已由新的支付取代", actor)) {
                    throw new ConflictException("该订单上一笔银行卡支付的结果尚未确定，暂不能发起新的支付，请稍后重试");
                }
            }
        }
        PaymentRow row = payments.find(created.value().paymentId()).orElseThrow();
        if (row.method() == PaymentMethod.CARD && row.status() == PaymentStatus.PENDING) {
            ensureIntent(row, actor);
        }
        return new Idempotency.Outcome<>(view(row.id()), created.status(), created.replayed());
    }

    /**
     * Cancels a live card attempt at the gateway, then here. True when it can no longer take money: cancelled, or
     * found paid after all (then the order is PAID, and a new attempt is refused). False when the gateway's answer
     * is unknown: the attempt stays live and nothing else may start.
     */
    boolean cancelCard(long paymentId, String reason, Actor actor) {
        PaymentRow row = payments.find(paymentId).orElseThrow(() -> notFound(paymentId));
        if (!row.status().live()) {
            return true;
        }
        String intentId = row.intentId() != null ? row.intentId() : ensureIntent(row, actor);
        if (intentId != null) {
            try {
                GatewayIntent pi = gateway.cancel(intentId);
                if (pi.canceled()) {
                    payments.cancelled(paymentId, reason, actor);
                } else {
                    apply(paymentId, pi, actor);
                }
            } catch (GatewayException e) {
                // not cancellable (paid meanwhile, processing) or no answer: ask what it is
                LOG.info("payment {}: cancelling intent {} failed ({}), asking the gateway", paymentId, intentId,
                        e.toString());
                try {
                    GatewayIntent pi = gateway.retrieve(intentId);
                    if (pi.canceled()) {
                        payments.cancelled(paymentId, reason, actor);
                    } else {
                        apply(paymentId, pi, actor);
                    }
                } catch (GatewayException again) {
                    LOG.warn("payment {}: intent {} state unknown: {}", paymentId, intentId, again.toString());
                }
            }
        }
        return !payments.find(paymentId).orElseThrow().status().live();
    }

    @Override
    public PaymentView cancel(long paymentId, Actor actor) {
        PaymentRow row = mine(paymentId, actor, "BUYER");
        if (!row.status().live()) {
            throw new ConflictException("支付当前状态为" + row.status().label() + "，不能撤销");
        }
        if (row.method() == PaymentMethod.BANK_TRANSFER) {
            payments.cancelled(paymentId, "买方撤销了对公转账", actor);
        } else if (!cancelCard(paymentId, "买方撤销了银行卡支付", actor)) {
            throw new ConflictException("支付网关暂时无法撤销该支付，请稍后重试");
        }
        return view(paymentId);
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
        if (row.status() == PaymentStatus.CANCELLED) {
            throw new ConflictException("该支付已撤销" + (row.failureMessage() == null ? "" : "（" + row.failureMessage()
                    + "）") + "，请重新发起支付");
        }
        String intentId = ensureIntent(row, actor);
        if (intentId == null) {
            PaymentRow now = payments.find(paymentId).orElseThrow();
            if (now.status() == PaymentStatus.CANCELLED) {
                throw new RuleViolationException(now.failureMessage());
            }
            throw new ConflictException("支付网关暂时无法确认支付结果，请稍后重试");
        }
        String pm = paymentMethod == null || paymentMethod.isBlank() ? DEFAULT_TEST_CARD : paymentMethod.strip();
        try {
            apply(paymentId, gateway.confirm(intentId, pm), actor);
        } catch (GatewayException e) {
            if (e.declined()) {
                payments.fail(paymentId, e.gatewayMessage(), actor);
                return view(paymentId);
            }
            if (!e.unknownOutcome()) {
                throw new RuleViolationException("支付网关拒绝了请求：" + e.gatewayMessage());
            }
            LOG.warn("confirmation of payment {} has an unknown outcome: {}", paymentId, e.toString());
        }
        return view(paymentId);
    }

    @Override
    public PaymentView confirmReceipt(long paymentId, LocalDate transferDate, Long amountFen, Actor actor) {
        PaymentRow row = mine(paymentId, actor, "SUPPLIER");
        if (row.method() != PaymentMethod.BANK_TRANSFER) {
            throw new ConflictException("只有银行转账的支付需要确认到账");
        }
        if (row.status() != PaymentStatus.AWAITING_TRANSFER && row.status() != PaymentStatus.SUCCEEDED
                && row.status() != PaymentStatus.CANCELLED) {
            throw new ConflictException("支付当前状态为" + row.status().label() + "，不能确认到账");
        }
        if (transfers.receipt(paymentId, transferDate, amountFen, actor) == PaymentSteps.Settlement.ORPHANED) {
            refunder.refundDue(paymentId);
        }
        return view(paymentId);
    }

    @Override
    public PaymentView slip(long paymentId, long fileId, LocalDate transferDate, Actor actor) {
        mine(paymentId, actor, "BUYER");
        transfers.slip(paymentId, fileId, transferDate, actor);
        return view(paymentId);
    }

    @Override
    public List<PaymentView> awaitingTransfer(Actor actor) {
        if (!actor.hasRole("BUYER")) {
            throw new ForbiddenException("只有采购单位有待转账的支付");
        }
        if (actor.organizationId() == null) {
            throw new ForbiddenException("无权查看订单");
        }
        List<Long> pending = orders.awaitingPayment(actor.organizationId(), PageQuery.MAX_SIZE);
        return payments.awaitingTransfer(pending).stream().map(p -> view(p.id())).toList();
    }

    /** An unpaid order was cancelled or expired: its live attempts are closed (card intents cancelled first). */
    void orderClosed(long orderId) {
        Actor system = Actor.system("payments-order-closed");
        for (PaymentRow p : payments.liveOf(orderId)) {
            if (p.method() == PaymentMethod.BANK_TRANSFER) {
                payments.cancelled(p.id(), "订单已取消或超时，转账不再等待", system);
            } else {
                cancelCard(p.id(), "订单已取消或超时，支付已撤销", system);
            }
        }
    }

    @Override
    public PaymentView reconcile(long paymentId, Actor actor) {
        if (!actor.hasRole("OPERATOR")) {
            throw new ForbiddenException("只有运营人员可以对账");
        }
        payments.find(paymentId).orElseThrow(() -> notFound(paymentId));
        reconcilePayment(paymentId, actor);
        return view(paymentId);
    }

    /**
     * Asks the gateway what became of a card payment that is not final (PENDING, or FAILED that might have been
     * paid after all) and settles accordingly; creates the intent (same key, same intent) when its creation outcome
     * was never learnt. Also used by {@link #reconcileAll}.
     */
    void reconcilePayment(long paymentId, Actor actor) {
        PaymentRow row = payments.find(paymentId).orElseThrow(() -> notFound(paymentId));
        if (row.method() != PaymentMethod.CARD
                || (row.status() != PaymentStatus.PENDING && row.status() != PaymentStatus.FAILED)) {
            return;
        }
        String intentId = ensureIntent(row, actor);
        if (intentId != null) {
            try {
                GatewayIntent pi = gateway.retrieve(intentId);
                apply(paymentId, pi, actor);
                if (!OPEN_INTENT.contains(pi.status()) || orderStillPayable(row.orderId())) {
                    return;
                }
                // nobody can pay this order any more: cancel the intent, so that it is not reconciled forever;
                // money that still arrives (the cancel lost a race) is ORPHANED and refunded
                GatewayIntent cancelled = pi.canceled() ? pi : gateway.cancel(intentId);
                if (cancelled.canceled()) {
                    payments.cancelled(paymentId, "订单已不可支付，支付已撤销", actor);
                }
            } catch (GatewayException e) {
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
        GatewayEvent event = gateway.verifiedEvent(rawBody, signatureHeader)
                .orElseThrow(() -> new InvalidInputException("Webhook 签名无效或已过期"));
        Actor gatewayActor = Actor.system("payment-gateway");
        WebhookInbox.Handled handled = inbox.handle(event.id(), event.type(), event.object(), rawBody,
                gatewayActor);
        // committed: now the gateway calls it asks for
        if (handled.orphanedPaymentId() != null) {
            refunder.refundDue(handled.orphanedPaymentId());
        }
        handled.refundsToReconcile().forEach(refunder::reconcile);
        handled.paymentsToReconcile().forEach(id -> reconcilePayment(id, gatewayActor));
        handled.refundsDue().forEach(refunder::refundDue);
        return handled.first();
    }

    @Override
    public Idempotency.Outcome<RefundView> refund(long orderId, long amountFen, String reason, String idempotencyKey,
                                                  Actor actor) {
        orders.visibleTo(orderId, actor); // 404 unless the caller may see the order
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
        Idempotency.Outcome<PaymentSteps.Created> created = refunds.createRefund(orderId, amountFen, reason.strip(),
                idempotencyKey, actor);
        long refundId = created.value().paymentId();
        PaymentStore.RefundRow r = refunds.findRefund(refundId).orElseThrow();
        refunder.execute(refundId, actor);
        r = refunds.findRefund(refundId).orElseThrow();
        PayableOrder order = orders.find(orderId).orElseThrow();
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
            ids = payments.stuckCardPayments(now.minus(settings.reconcileAfter()), after, 100);
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
        after = 0;
        do {
            ids = payments.lapsedTransfers(now, after, 100);
            for (long id : ids) {
                payments.cancelled(id, "转账期限已过，未确认到账，支付已撤销", system);
                after = id;
                n++;
            }
        } while (ids.size() == 100);
        List<Long> remind;
        do {
            remind = transfers.transfersToRemind(now, 100);
            for (long id : remind) {
                transfers.remind(id, system);
                n++;
            }
        } while (remind.size() == 100);
        return n + refunder.sweep(now);
    }

    @Override
    public PageResponse<AttentionItem> attention(PageQuery page, Actor actor) {
        if (!actor.hasRole("OPERATOR")) {
            throw new ForbiddenException("只有运营人员可以查看待处理的支付");
        }
        return payments.attention(page).map(p -> {
            List<PaymentStore.RefundRow> refunds = this.refunds.refundsOf(p.id());
            long refunded = refunds.stream().filter(r -> r.status().equals("SUCCEEDED"))
                    .mapToLong(PaymentStore.RefundRow::amountFen).sum();
            long refunding = refunds.stream().filter(PaymentStore.RefundRow::pending)
                    .mapToLong(PaymentStore.RefundRow::amountFen).sum();
            List<PaymentStore.RefundRow> failed = refunds.stream().filter(r -> r.failureMessage() != null).toList();
            OrderStatus orderStatus = orders.find(p.orderId()).map(PayableOrder::status).orElse(null);
            boolean owed = p.status() == PaymentStatus.ORPHANED
                    || (p.status() == PaymentStatus.SUCCEEDED && orderStatus == OrderStatus.CANCELLED);
            return new AttentionItem(p.id(), p.orderId(), orderStatus == null ? null : orderStatus.name(), p.method(),
                    p.status(), p.status().label(), p.amountFen(), refunded, refunding,
                    owed ? Math.max(0, p.amountFen() - refunded) : 0, failed.size(),
                    failed.isEmpty() ? null : failed.get(failed.size() - 1).failureMessage(), p.paidAt(),
                    mismatches.openMismatches(p.id()));
        });
    }

    @Override
    public RefundView confirmRefundSent(long refundId, LocalDate sentOn, String bankReference, Actor actor) {
        PaymentStore.RefundRow r = refunds.findRefund(refundId).orElseThrow(() -> new NotFoundException("退款不存在：" + refundId));
        try {
            orders.visibleTo(r.orderId(), actor);
        } catch (NotFoundException e) {
            throw new NotFoundException("退款不存在：" + refundId);
        }
        if (!actor.hasRole("SUPPLIER")) {
            throw new ForbiddenException("只有该订单的供应商可以确认线下退款已汇出");
        }
        if (sentOn == null) {
            throw new InvalidInputException("请填写退款汇出日期", List.of(new Violation("sentOn", "请填写退款汇出日期")));
        }
        String reference = bankReference == null || bankReference.isBlank() ? null : bankReference.strip();
        PaymentStore.RefundRow done = refunds.confirmOfflineRefund(refundId, sentOn, reference, actor);
        PayableOrder order = orders.find(done.orderId()).orElseThrow();
        return new RefundView(done.id(), done.orderId(), done.paymentId(), done.amountFen(), done.reason(),
                done.status(), done.failureMessage(), order.refundedFen(), order.status().name(), done.createdAt());
    }

    @Override
    public PageResponse<MismatchView> mismatches(boolean openOnly, PageQuery page, Actor actor) {
        if (!actor.hasRole("OPERATOR")) {
            throw new ForbiddenException("只有运营人员可以查看支付网关异常");
        }
        return mismatches.mismatches(openOnly, page).map(this::mismatchView);
    }

    @Override
    public MismatchView resolveMismatch(long id, String resolution, Actor actor) {
        if (!actor.hasRole("OPERATOR")) {
            throw new ForbiddenException("只有运营人员可以处理支付网关异常");
        }
        if (resolution == null || resolution.isBlank()) {
            throw new InvalidInputException("请填写处理说明", List.of(new Violation("resolution", "请填写处理说明")));
        }
        return mismatchView(mismatches.resolveMismatch(id, resolution.strip(), actor));
    }

    private static final Map<String, String> REASON_LABELS = Map.of(
            "INTENT_ID", "不是本笔支付创建的网关支付单",
            "AMOUNT", "金额与应付金额不符", "AMOUNT_RECEIVED", "实收金额与应付金额不符", "CURRENCY", "币种不符",
            "REFUND_ID", "不是本笔退款在网关的退款单");

    private MismatchView mismatchView(PaymentStore.MismatchRow m) {
        Long orderId = m.paymentId() == null ? null : payments.find(m.paymentId()).map(PaymentRow::orderId).orElse(null);
        return new MismatchView(m.id(), m.paymentId(), orderId, m.refundId(), m.eventId(), m.eventType(),
                m.gatewayObjectId(), m.reasons(), m.reasons().stream().map(r -> REASON_LABELS.getOrDefault(r, r))
                .toList(), m.expected(), m.actual(), m.raw(), m.createdAt(), m.resolvedAt(), m.resolvedBy(),
                m.resolution());
    }

    /** The intent id, creating the intent (same key: same intent) when its creation outcome is still unknown. */
    private String ensureIntent(PaymentRow row, Actor actor) {
        if (row.intentId() != null) {
            return row.intentId();
        }
        try {
            GatewayIntent pi = gateway.createIntent(row);
            payments.intentCreated(row.id(), pi.id(), pi.clientSecret(), actor);
            apply(row.id(), pi, actor);
            return pi.id();
        } catch (GatewayException e) {
            if (e.unknownOutcome()) {
                LOG.warn("payment {}: intent creation outcome unknown, left PENDING: {}", row.id(), e.toString());
            } else {
                payments.cancelled(row.id(), "支付网关拒绝创建支付：" + e.gatewayMessage(), actor);
            }
            return null;
        }
    }

    /**
     * Settles or fails by what the gateway says about this payment's own intent; an answer for another intent, amount
     * or currency settles nothing and is recorded as a mismatch. Anything else (e.g. awaiting confirmation) changes
     * nothing.
     */
    private void apply(long paymentId, GatewayIntent pi, Actor actor) {
        PaymentRow row = payments.find(paymentId).orElseThrow();
        List<String> reasons = Verification.ofIntent(row, pi, pi.succeeded());
        if (!reasons.isEmpty()) {
            mismatches.record(row, null, null, "api:payment_intent." + pi.status(), pi.id(), reasons,
                    Verification.expected(row), Verification.actual(pi), pi.json(), actor);
            return;
        }
        if (pi.succeeded()) {
            if (payments.settle(paymentId, pi.id(), clock.instant().truncatedTo(ChronoUnit.MICROS), actor)
                    == PaymentSteps.Settlement.ORPHANED) {
                refunder.refundDue(paymentId);
            }
        } else if ("requires_payment_method".equals(pi.status()) && pi.hasLastError()) {
            payments.fail(paymentId, pi.lastErrorMessage(), actor);
        } else if (pi.canceled()) {
            payments.cancelled(paymentId, "支付网关已撤销该支付", actor);
        }
    }

    /** The payment, when the caller sees its order (else 404) and has the role (else 403). */
    private PaymentRow mine(long paymentId, Actor actor, String role) {
        PaymentRow row = payments.find(paymentId).orElseThrow(() -> notFound(paymentId));
        try {
            orders.visibleTo(row.orderId(), actor);
        } catch (NotFoundException e) {
            throw notFound(paymentId);
        }
        if (!actor.hasRole(role)) {
            throw new ForbiddenException("BUYER".equals(role) ? "只有采购单位可以确认支付" : "只有该订单的供应商可以确认到账");
        }
        return row;
    }

    private PaymentView view(long id) {
        PaymentRow r = payments.find(id).orElseThrow(() -> notFound(id));
        PaymentView.Transfer transfer = null;
        if (r.method() == PaymentMethod.BANK_TRANSFER) {
            transfer = new PaymentView.Transfer(r.payeeAccountName(), r.payeeBankName(), r.payeeAccountNumber(),
                    r.amountFen(), r.transferReference());
        }
        PaymentView.Slip slip = r.slipFileId() == null ? null : files.find(r.slipFileId())
                .map(f -> new PaymentView.Slip(f.id(), f.name(), f.contentType(), f.size())).orElse(null);
        return new PaymentView(r.id(), r.orderId(), r.method(), r.status(), r.status().label(), r.amountFen(),
                r.currency(), r.method() == PaymentMethod.CARD && r.status().live() ? r.clientSecret() : null, transfer,
                r.failureMessage(), r.paidAt(), r.createdAt(), r.expiresAt(), slip, r.transferDate(),
                r.transferDateConfirmed(), r.remindedAt());
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("支付不存在：" + id);
    }
}
