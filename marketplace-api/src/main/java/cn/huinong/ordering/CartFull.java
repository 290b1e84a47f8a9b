package cn.huinong.ordering;

import cn.huinong.shared.problem.RuleViolationException;
import java.util.List;
import java.util.Map;

/** 422 {@code cart-full}: a cart holds at most {@code huinong.ordering.max-lines-per-checkout} products. */
public final class CartFull extends RuleViolationException {

    public CartFull(int maxLines) {
        super("cart-full", "购物车最多" + maxLines + "种商品", List.of(), Map.of());
    }
}
