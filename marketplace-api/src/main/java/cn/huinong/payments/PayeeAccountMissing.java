package cn.huinong.payments;

import cn.huinong.shared.problem.RuleViolationException;
import java.util.List;
import java.util.Map;

/** 422 {@code payee-account-missing}: a bank transfer needs the supplier's registered corporate account. */
public final class PayeeAccountMissing extends RuleViolationException {

    public static final String SLUG = "payee-account-missing";

    public PayeeAccountMissing(String supplierName) {
        super(SLUG, "供应商“" + supplierName + "”尚未登记对公收款账户，暂不能银行转账，请选择银行卡支付或联系供应商", List.of(), Map.of());
    }
}
