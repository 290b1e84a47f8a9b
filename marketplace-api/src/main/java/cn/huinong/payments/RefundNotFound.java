package cn.huinong.payments;

import cn.huinong.shared.problem.NotFoundException;
import java.util.List;
import java.util.Map;

/**
 * 404 {@code refund-not-found}: no such refund, or not one of an order the caller may see.
 */
public final class RefundNotFound extends NotFoundException {

    public static final String SLUG = "refund-not-found";

    public RefundNotFound(long refundId) {
        super(SLUG, "退款不存在：" + refundId, List.of(), Map.of());
    }
}
