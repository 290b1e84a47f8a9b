package cn.huinong.payments.internal;

import cn.huinong.ordering.OrderPayments;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.PayableOrder;
import cn.huinong.payments.AttentionItem;
import cn.huinong.payments.MismatchView;
import cn.huinong.payments.PaymentStatus;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators see and do about payments: the periodic reconciliation (stuck card payments, lapsed and due-to-remind
 * transfers, the refund sweep), the attention list, and gateway mismatches to resolve.
 */
@Singleton
class OperatorDesk {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorDesk.class);

    private final PaymentSteps payments;
    private final TransferSteps transfers;
    private final RefundSteps refunds;
    private final Mismatches mismatches;
    private final CardIntents cardIntents;
    private final OrderPayments orders;
    private final Refunder refunder;
    private final PaymentSettings settings;
    private final PaymentAccess access;

    OperatorDesk(
            PaymentSteps payments,
            TransferSteps transfers,
            RefundSteps refunds,
            Mismatches mismatches,
            CardIntents cardIntents,
            OrderPayments orders,
            Refunder refunder,
            PaymentSettings settings,
            PaymentAccess access) {
        this.payments = payments;
        this.transfers = transfers;
        this.refunds = refunds;
        this.mismatches = mismatches;
        this.cardIntents = cardIntents;
        this.orders = orders;
        this.refunder = refunder;
        this.settings = settings;
        this.access = access;
    }

    public int reconcileAll(Instant now) {
        Actor system = Actor.system("payments-reconciliation");
        int n = 0;
        long after = 0;
        List<Long> ids;
        do {
            ids = payments.stuckCardPayments(now.minus(settings.reconcileAfter()), after, 100);
            for (long id : ids) {
                try {
                    cardIntents.reconcilePayment(id, system);
                } catch (RuntimeException e) {
                    LOG.warn("payment {}: reconciliation failed: {}", id, e.toString());
                }
                after = id;
                n++;
            }
        } while (ids.size() == 100);
        after = 0;
        do {
            ids = transfers.lapsedTransfers(now, after, 100);
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

    public PageResponse<AttentionItem> attention(PageQuery page, Actor actor) {
        access.operator(actor, "只有运营人员可以查看待处理的支付");
        return payments.attention(page).map(p -> {
            List<RefundRow> refunds = this.refunds.refundsOf(p.id());
            long refunded = refunds.stream()
                    .filter(r -> r.status().equals("SUCCEEDED"))
                    .mapToLong(RefundRow::amountFen)
                    .sum();
            long refunding = refunds.stream()
                    .filter(RefundRow::pending)
                    .mapToLong(RefundRow::amountFen)
                    .sum();
            List<RefundRow> failed =
                    refunds.stream().filter(r -> r.failureMessage() != null).toList();
            OrderStatus orderStatus =
                    orders.find(p.orderId()).map(PayableOrder::status).orElse(null);
            boolean owed = p.status() == PaymentStatus.ORPHANED
                    || (p.status() == PaymentStatus.SUCCEEDED && orderStatus == OrderStatus.CANCELLED);
            return new AttentionItem(
                    p.id(),
                    p.orderId(),
                    orderStatus == null ? null : orderStatus.name(),
                    p.method(),
                    p.status(),
                    p.status().label(),
                    p.amountFen(),
                    refunded,
                    refunding,
                    owed ? Math.max(0, p.amountFen() - refunded) : 0,
                    failed.size(),
                    failed.isEmpty() ? null : failed.get(failed.size() - 1).failureMessage(),
                    p.paidAt(),
                    mismatches.openMismatches(p.id()));
        });
    }

    public PageResponse<MismatchView> mismatches(boolean openOnly, PageQuery page, Actor actor) {
        access.operator(actor, "只有运营人员可以查看支付网关异常");
        return mismatches.mismatches(openOnly, page).map(this::mismatchView);
    }

    public MismatchView resolveMismatch(long id, String resolution, Actor actor) {
        access.operator(actor, "只有运营人员可以处理支付网关异常");
        if (resolution == null || resolution.isBlank()) {
            throw new InvalidInputException("请填写处理说明", List.of(new Violation("resolution", "请填写处理说明")));
        }
        return mismatchView(mismatches.resolveMismatch(id, resolution.strip(), actor));
    }

    private static final Map<String, String> REASON_LABELS = Map.of(
            "INTENT_ID",
            "不是本笔支付创建的网关支付单",
            "AMOUNT",
            "金额与应付金额不符",
            "AMOUNT_RECEIVED",
            "实收金额与应付金额不符",
            "CURRENCY",
            "币种不符",
            "REFUND_ID",
            "不是本笔退款在网关的退款单");

    private MismatchView mismatchView(MismatchRow m) {
        Long orderId = m.paymentId() == null
                ? null
                : payments.find(m.paymentId()).map(PaymentRow::orderId).orElse(null);
        return new MismatchView(
                m.id(),
                m.paymentId(),
                orderId,
                m.refundId(),
                m.eventId(),
                m.eventType(),
                m.gatewayObjectId(),
                m.reasons(),
                m.reasons().stream().map(r -> REASON_LABELS.getOrDefault(r, r)).toList(),
                m.expected(),
                m.actual(),
                m.raw(),
                m.createdAt(),
                m.resolvedAt(),
                m.resolvedBy(),
                m.resolution());
    }
}
