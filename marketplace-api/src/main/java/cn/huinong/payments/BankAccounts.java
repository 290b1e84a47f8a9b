package cn.huinong.payments;

import cn.huinong.shared.Actor;
import java.util.Optional;

/**
 * Suppliers' corporate accounts (对公账户). A SUPPLIER records its own: bank name, account name (which must be the
 * supplier's registered name, as for any corporate account) and account number (8-30 digits; spaces allowed on
 * input). Audited. Bank-transfer payments show it, and cannot be chosen while a supplier has none (422).
 */
public interface BankAccounts {

    /** Records (or replaces) the calling supplier's account; 400 on bad input, 422 when the name is not the supplier's. */
    BankAccount record(String bankName, String accountName, String accountNumber, Actor actor);

    /** The calling supplier's account; 404 when none is recorded. */
    BankAccount mine(Actor actor);

    Optional<BankAccount> find(long supplierId);
}
