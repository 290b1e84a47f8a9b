package cn.huinong.payments.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.payments.BankAccount;
import cn.huinong.payments.BankAccountNameMismatch;
import cn.huinong.payments.BankAccountNotFound;
import cn.huinong.payments.BankAccounts;
import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
class BankAccountService implements BankAccounts {

    private final Sql sql;
    private final Organizations organizations;
    private final AuditLog audit;

    BankAccountService(Sql sql, Organizations organizations, AuditLog audit) {
        this.sql = sql;
        this.organizations = organizations;
        this.audit = audit;
    }

    @Override
    @Transactional
    public BankAccount record(String bankName, String accountName, String accountNumber, Actor actor) {
        OrganizationView supplier = supplierOf(actor);
        String bank = bankName == null ? "" : bankName.strip();
        String name = accountName == null ? "" : accountName.strip();
        String number = accountNumber == null ? "" : accountNumber.replaceAll("[\\s-]", "");
        List<Violation> v = new ArrayList<>();
        if (bank.length() < 4 || bank.length() > 60) {
            v.add(new Violation("bankName", "开户行应为4到60个字，如：中国农业银行雷山县支行"));
        }
        if (name.isEmpty() || name.length() > 100) {
            v.add(new Violation("accountName", "户名不能为空，且不超过100字"));
        }
        if (!number.matches("[0-9]{8,30}")) {
            v.add(new Violation("accountNumber", "账号应为8到30位数字"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException("对公账户信息有误", v);
        }
        if (!name.equals(supplier.name())) {
            throw new BankAccountNameMismatch(supplier.name());
        }
        sql.update("""
                INSERT INTO supplier_bank_account (supplier_id, bank_name, account_name, account_number, updated_by)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (supplier_id) DO UPDATE SET bank_name = excluded.bank_name,
                    account_name = excluded.account_name, account_number = excluded.account_number,
                    updated_by = excluded.updated_by, updated_at = now()""", supplier.id(), bank, name, number, actor.username());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("bankName", bank);
        detail.put("accountName", name);
        detail.put("accountNumber", masked(number));
        audit.record(actor, "SUPPLIER_BANK_ACCOUNT_RECORDED", "organization", String.valueOf(supplier.id()), detail);
        return find(supplier.id()).orElseThrow();
    }

    @Override
    @Transactional
    public BankAccount mine(Actor actor) {
        return find(supplierOf(actor).id()).orElseThrow(BankAccountNotFound::new);
    }

    @Override
    @Transactional
    public Optional<BankAccount> find(long supplierId) {
        return sql.one(
                "SELECT * FROM supplier_bank_account WHERE supplier_id = ?",
                rs -> new BankAccount(
                        rs.getLong("supplier_id"),
                        rs.getString("bank_name"),
                        rs.getString("account_name"),
                        rs.getString("account_number"),
                        Sql.instant(rs, "updated_at")),
                supplierId);
    }

    private OrganizationView supplierOf(Actor actor) {
        OrganizationView org = actor.organizationId() == null
                ? null
                : organizations.find(actor.organizationId()).orElse(null);
        if (!actor.is(Role.SUPPLIER) || org == null || org.kind() != OrganizationKind.SUPPLIER) {
            throw new ForbiddenException("只有供应商可以登记对公账户");
        }
        return org;
    }

    /** 6222 **** **** 1234: the last four digits only, for the audit trail. */
    static String masked(String number) {
        return "****" + number.substring(Math.max(0, number.length() - 4));
    }
}
