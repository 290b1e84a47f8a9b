package cn.huinong.ordering;

import cn.huinong.shared.problem.ConflictException;
import java.util.List;
import java.util.Map;

/** 409 {@code order-move-not-allowed}: the order's status does not allow the move ({@link OrderLifecycle}). */
public final class OrderMoveNotAllowed extends ConflictException {

    public OrderMoveNotAllowed(OrderStatus status, String what) {
        super("order-move-not-allowed", "订单当前状态为" + status.label() + "，不能" + what, List.of(), Map.of());
    }
}
