package cn.huinong.ordering;

import cn.huinong.shared.problem.RuleViolationException;
import java.util.List;
import java.util.Map;

/** 422 {@code cart-empty}: a cart checkout with nothing in the cart. */
public final class CartEmpty extends RuleViolationException {

    public CartEmpty() {
        super("cart-empty", "购物车是空的", List.of(), Map.of());
    }
}
