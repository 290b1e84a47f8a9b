package cn.huinong.payments;

import cn.huinong.shared.Yuan;
import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * 422 {@code transfer-amount-mismatch}: the amount the supplier says arrived is not the payment's, so nothing settles
 * ({@code violations}: {@code amountFen}). The message states both amounts in yuan.
 */
public final class TransferAmountMismatch extends RuleViolationException {

    public static final String SLUG = "transfer-amount-mismatch";

    public TransferAmountMismatch(long receivedFen, long dueFen) {
        super(
                SLUG,
                "到账金额" + Yuan.of(receivedFen) + "与应付金额" + Yuan.of(dueFen) + "不符，不能确认到账；请与买方核对",
                List.of(new Violation("amountFen", "应为" + Yuan.of(dueFen))),
                Map.of());
    }
}
