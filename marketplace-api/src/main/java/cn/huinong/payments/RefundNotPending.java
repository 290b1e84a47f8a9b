package cn.huinong.payments;

import cn.huinong.shared.problem.ConflictException;
import java.util.List;
import java.util.Map;

/**
 * 409 {@code refund-not-pending}: the offline refund was confirmed already (or failed), so it cannot be confirmed again.
 */
public final class RefundNotPending extends ConflictException {

    public static final String SLUG = "refund-not-pending";

    public RefundNotPending(String status) {
        super(SLUG, "该退款状态为" + status + "，不能再确认", List.of(), Map.of());
    }
}
