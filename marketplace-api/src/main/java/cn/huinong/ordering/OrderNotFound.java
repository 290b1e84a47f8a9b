package cn.huinong.ordering;

import cn.huinong.shared.problem.NotFoundException;
import java.util.List;
import java.util.Map;

/** 404 {@code order-not-found}: no such order, or not one the caller may see. */
public final class OrderNotFound extends NotFoundException {

    public OrderNotFound(long id) {
        super("order-not-found", "订单不存在：" + id, List.of(), Map.of());
    }
}
