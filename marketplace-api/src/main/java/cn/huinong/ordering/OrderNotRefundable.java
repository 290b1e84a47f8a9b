package cn.huinong.ordering;

import cn.huinong.shared.problem.ConflictException;
import java.util.List;
import java.util.Map;

/** 409 {@code order-not-refundable}: the order was never paid, or is refunded already. */
public final class OrderNotRefundable extends ConflictException {

    public OrderNotRefundable(OrderStatus status) {
        super("order-not-refundable", "订单当前状态为" + status.label() + "，不能退款", List.of(), Map.of());
    }
}
