package cn.huinong.payments;

import cn.huinong.shared.problem.ConflictException;
import java.util.List;
import java.util.Map;

/**
 * 409 {@code no-successful-payment}: the order has no successful payment to refund (not paid yet; money that arrived
 * after it closed is refunded automatically).
 */
public final class NoSuccessfulPayment extends ConflictException {

    public static final String SLUG = "no-successful-payment";

    public NoSuccessfulPayment() {
        super(SLUG, "订单没有成功的支付，不能退款", List.of(), Map.of());
    }
}
