package cn.huinong.payments;

import cn.huinong.shared.problem.ConflictException;
import java.util.List;
import java.util.Map;

/**
 * 409 {@code wrong-payment-method}: the step belongs to the other payment method (a bank transfer is confirmed by its
 * supplier's receipt, not by the buyer; a card payment has no receipt; a card refund goes back through the gateway and
 * needs no supplier confirmation).
 */
public final class WrongPaymentMethod extends ConflictException {

    public static final String SLUG = "wrong-payment-method";

    public WrongPaymentMethod(String detail) {
        super(SLUG, detail, List.of(), Map.of());
    }
}
