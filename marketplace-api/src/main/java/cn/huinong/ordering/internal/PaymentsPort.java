package cn.huinong.ordering.internal;

import cn.huinong.ordering.OrderNotFound;
import cn.huinong.ordering.OrderPayments;
import cn.huinong.ordering.PayableOrder;
import cn.huinong.shared.Actor;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link OrderPayments}: the payments module's one way into orders. */
@Singleton
class PaymentsPort implements OrderPayments {

    private final OrderMoves moves;
    private final OrderReads reads;

    PaymentsPort(OrderMoves moves, OrderReads reads) {
        this.moves = moves;
        this.reads = reads;
    }

    @Override
    public Optional<PayableOrder> find(long orderId) {
        return reads.payable(orderId);
    }

    @Override
    public PayableOrder visibleTo(long orderId, Actor actor) {
        return reads.payable(orderId)
                .filter(o -> Parties.visible(o.buyerOrganizationId(), o.supplierId(), actor))
                .orElseThrow(() -> new OrderNotFound(orderId));
    }

    @Override
    public List<Long> awaitingPayment(long buyerOrganizationId, int limit) {
        return reads.awaitingPayment(buyerOrganizationId, limit);
    }

    @Override
    public void holdForPayment(long orderId, Instant until) {
        moves.holdForPayment(orderId, until);
    }

    @Override
    public void markPaid(long orderId, String paymentRef, Instant paidAt, Actor actor) {
        moves.markPaid(orderId, paymentRef, paidAt, actor);
    }

    @Override
    public void paymentSucceeded(long orderId, long amountFen, Instant paidAt, String paymentRef) {
        moves.paymentSucceeded(orderId, amountFen, paidAt, paymentRef);
    }

    @Override
    public void recordRefund(long orderId, long amountFen, String refundRef, Actor actor) {
        moves.recordRefund(orderId, amountFen, refundRef, actor);
    }

    @Override
    public List<Long> cancelledUnrefunded(long afterId, int limit) {
        return moves.cancelledUnrefunded(afterId, limit);
    }
}
