package cn.huinong.ordering;

import cn.huinong.shared.problem.RuleViolationException;
import java.util.List;
import java.util.Map;

/** 422 {@code refund-exceeds-total}: the refunds of an order would add up to more than its total. */
public final class RefundExceedsTotal extends RuleViolationException {

    public RefundExceedsTotal() {
        super("refund-exceeds-total", "退款总额不能超过订单金额", List.of(), Map.of());
    }
}
