package cn.huinong.payments;

import cn.huinong.shared.problem.NotFoundException;
import java.util.List;
import java.util.Map;

/**
 * 404 {@code bank-account-not-found}: the supplier has not recorded its corporate account (对公账户) yet.
 */
public final class BankAccountNotFound extends NotFoundException {

    public static final String SLUG = "bank-account-not-found";

    public BankAccountNotFound() {
        super(SLUG, "尚未登记对公账户", List.of(), Map.of());
    }
}
