package cn.huinong.payments;

import cn.huinong.shared.problem.ConflictException;
import java.util.List;
import java.util.Map;

/**
 * 409 {@code payment-already-live}: the order has a live payment attempt that blocks a new one (a bank transfer
 * awaiting confirmation, or a card attempt whose outcome the gateway has not told yet).
 */
public final class PaymentAlreadyLive extends ConflictException {

    public static final String SLUG = "payment-already-live";

    public PaymentAlreadyLive(String detail) {
        super(SLUG, detail, List.of(), Map.of());
    }
}
