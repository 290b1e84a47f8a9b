package cn.huinong.payments;

import cn.huinong.shared.problem.NotFoundException;
import java.util.List;
import java.util.Map;

/**
 * 404 {@code payment-not-found}: no such payment, or not one of an order the caller may see.
 */
public final class PaymentNotFound extends NotFoundException {

    public static final String SLUG = "payment-not-found";

    public PaymentNotFound(long paymentId) {
        super(SLUG, "支付不存在：" + paymentId, List.of(), Map.of());
    }
}
