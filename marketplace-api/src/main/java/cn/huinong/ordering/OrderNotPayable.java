package cn.huinong.ordering;

import cn.huinong.shared.problem.ConflictException;
import java.util.List;
import java.util.Map;

/** 409 {@code order-not-payable}: the order is no longer awaiting payment (paid, cancelled or expired). */
public final class OrderNotPayable extends ConflictException {

    public OrderNotPayable(OrderStatus status) {
        super("order-not-payable", "订单当前状态为" + status.label() + "，不能支付", List.of(), Map.of());
    }
}
