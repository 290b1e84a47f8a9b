package cn.huinong.payments.internal;

import cn.huinong.ordering.OrderPayments;
import cn.huinong.payments.RefundNotFound;
import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.NotFoundException;
import jakarta.inject.Singleton;

/**
 * Who may do what with payments and refunds. A record is found (404) only when the caller sees its order (the
 * order's buyer unit, its supplier, an operator; {@code OrderPayments.visibleTo}); then the role decides (403).
 */
@Singleton
class PaymentAccess {

    private final PaymentSteps payments;
    private final RefundSteps refunds;
    private final OrderPayments orders;

    PaymentAccess(PaymentSteps payments, RefundSteps refunds, OrderPayments orders) {
        this.payments = payments;
        this.refunds = refunds;
        this.orders = orders;
    }

    /** The payment, whoever asks (the system, an operator's reconciliation): 404 when there is none. */
    PaymentRow existing(long paymentId) {
        return payments.find(paymentId).orElseThrow(() -> PaymentService.notFound(paymentId));
    }

    /** A payment of an order the caller may see, by its buyer unit (to confirm, cancel, attach a slip). */
    PaymentRow ofBuyer(long paymentId, Actor actor) {
        return visible(paymentId, actor, Role.BUYER, "只有采购单位可以确认支付");
    }

    /** A payment of an order the caller may see, by its supplier (to confirm receipt of a transfer). */
    PaymentRow ofSupplier(long paymentId, Actor actor) {
        return visible(paymentId, actor, Role.SUPPLIER, "只有该订单的供应商可以确认到账");
    }

    /** Only the order's buyer unit starts a payment of it. */
    void mayPay(long orderId, Actor actor) {
        orders.visibleTo(orderId, actor); // 404 unless the caller may see the order
        if (!actor.is(Role.BUYER)) {
            throw new ForbiddenException("只有采购单位可以支付订单");
        }
    }

    /** The buyer unit whose awaited transfers the caller may list. */
    long buyerUnit(Actor actor) {
        if (!actor.is(Role.BUYER)) {
            throw new ForbiddenException("只有采购单位有待转账的支付");
        }
        if (actor.organizationId() == null) {
            throw new ForbiddenException("无权查看订单");
        }
        return actor.organizationId();
    }

    /** Only the order's supplier or an operator refunds it. */
    void mayRefund(long orderId, Actor actor) {
        orders.visibleTo(orderId, actor); // 404 unless the caller may see the order
        if (!(actor.is(Role.SUPPLIER) || actor.is(Role.OPERATOR))) {
            throw new ForbiddenException("只有该订单的供应商或运营人员可以退款");
        }
    }

    /** A refund of an order the caller may see, by its supplier (to confirm an offline refund was sent). */
    RefundRow refundOfSupplier(long refundId, Actor actor) {
        RefundRow r = refunds.findRefund(refundId).orElseThrow(() -> refundNotFound(refundId));
        try {
            orders.visibleTo(r.orderId(), actor);
        } catch (NotFoundException e) {
            throw refundNotFound(refundId);
        }
        if (!actor.is(Role.SUPPLIER)) {
            throw new ForbiddenException("只有该订单的供应商可以确认线下退款已汇出");
        }
        return r;
    }

    /** Operators only; {@code refusal} says what the others may not do. */
    void operator(Actor actor, String refusal) {
        if (!actor.is(Role.OPERATOR)) {
            throw new ForbiddenException(refusal);
        }
    }

    private PaymentRow visible(long paymentId, Actor actor, Role role, String refusal) {
        PaymentRow row = existing(paymentId);
        try {
            orders.visibleTo(row.orderId(), actor);
        } catch (NotFoundException e) {
            throw PaymentService.notFound(paymentId);
        }
        if (!actor.is(role)) {
            throw new ForbiddenException(refusal);
        }
        return row;
    }

    private static RefundNotFound refundNotFound(long refundId) {
        return new RefundNotFound(refundId);
    }
}
