package cn.huinong.payments;

import cn.huinong.shared.problem.ConflictException;
import java.util.List;
import java.util.Map;

/**
 * 409 {@code payment-move-not-allowed}: the payment's status does not allow this step (withdrawing a payment that is
 * over, confirming a cancelled or orphaned card payment, a slip or a receipt when no transfer is awaited).
 */
public final class PaymentMoveNotAllowed extends ConflictException {

    public static final String SLUG = "payment-move-not-allowed";

    public PaymentMoveNotAllowed(String detail) {
        super(SLUG, detail, List.of(), Map.of());
    }
}
