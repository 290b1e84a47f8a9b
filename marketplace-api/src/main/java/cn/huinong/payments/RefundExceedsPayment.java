package cn.huinong.payments;

import cn.huinong.shared.Yuan;
import cn.huinong.shared.problem.RuleViolationException;
import java.util.List;
import java.util.Map;

/** 422 {@code refund-exceeds-payment}: refunded and refunding together would exceed what was paid. */
public final class RefundExceedsPayment extends RuleViolationException {

    public static final String SLUG = "refund-exceeds-payment";

    public RefundExceedsPayment(long refundingFen, long amountFen, long paidFen) {
        super(
                SLUG,
                "退款总额不能超过已支付金额：已退或退款中" + Yuan.of(refundingFen) + "，本次" + Yuan.of(amountFen) + "，已支付" + Yuan.of(paidFen),
                List.of(),
                Map.of());
    }
}
