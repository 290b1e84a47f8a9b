package cn.huinong.payments;

import cn.huinong.shared.problem.RuleViolationException;
import java.util.List;
import java.util.Map;

/**
 * 422 {@code bank-account-name-mismatch}: a corporate account's name (户名) must be the supplier's registered name.
 */
public final class BankAccountNameMismatch extends RuleViolationException {

    public static final String SLUG = "bank-account-name-mismatch";

    public BankAccountNameMismatch(String registeredName) {
        super(SLUG, "对公账户户名须与供应商登记名称一致：" + registeredName, List.of(), Map.of());
    }
}
