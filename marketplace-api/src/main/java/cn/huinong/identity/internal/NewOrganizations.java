package cn.huinong.identity.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.DuplicateCreditCode;
import cn.huinong.identity.NewOrganization;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.OrganizationStatus;
import cn.huinong.identity.SupplierType;
import cn.huinong.identity.UsernameTaken;
import cn.huinong.region.RegionLevel;
import cn.huinong.region.RegionView;
import cn.huinong.region.Regions;
import cn.huinong.shared.Actor;
import cn.huinong.shared.CreditCode;
import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new organisation with its first (administrator) user, in the caller's transaction: the input checked whole (every
 * problem reported at once), the rows written, the creation audited.
 */
@Singleton
class NewOrganizations {

    private final OrganizationStore organizations;
    private final UserStore users;
    private final PasswordHasher passwords;
    private final PasswordPolicy passwordPolicy;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    NewOrganizations(
            OrganizationStore organizations,
            UserStore users,
            PasswordHasher passwords,
            PasswordPolicy passwordPolicy,
            Regions regions,
            AuditLog audit,
            Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.passwords = passwords;
        this.passwordPolicy = passwordPolicy;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * {@code anonymous}: a self-registration, which must not tell whether the admin username exists (ADR 9): a taken
     * one answers like a free one, the organisation waits for review with its admin account pending, and the
     * operator approves it under another username. Operators provisioning an organisation get a 409.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public OrganizationRow create(
            NewOrganization r, OrganizationStatus status, Actor actor, String action, boolean anonymous) {
        String creditCode = CreditCode.normalize(r.creditCode());
        validate(r, creditCode);
        if (organizations.creditCodeTaken(creditCode)) {
            throw new DuplicateCreditCode("该统一社会信用代码已注册", List.of(new Violation("creditCode", "该统一社会信用代码已注册")));
        }
        boolean usernameTaken = users.usernameTaken(r.adminUsername());
        if (usernameTaken && !anonymous) {
            throw new UsernameTaken("用户名已被使用", List.of(new Violation("admin.username", "用户名已被使用")));
        }
        String passwordHash = passwords.hash(r.adminPassword());
        Instant now = Instant.now(clock);
        boolean approved = status == OrganizationStatus.APPROVED;
        OrganizationRow row;
        try {
            row = organizations.insert(new OrganizationRow(
                    null,
                    r.kind().name(),
                    supplierTypeOf(r, creditCode),
                    r.departmentKind() == null ? null : r.departmentKind().name(),
                    r.name().strip(),
                    creditCode,
                    r.regionCode(),
                    r.scopeRegionCode(),
                    r.parentOrganizationId(),
                    r.contactName().strip(),
                    r.contactPhone().strip(),
                    status.name(),
                    null,
                    approved ? actor.username() : null,
                    approved ? now : null,
                    now));
            if (usernameTaken) {
                organizations.insertPendingAdmin(row.id(), r.adminUsername(), passwordHash);
            } else {
                users.insert(row.id(), r.adminUsername(), passwordHash, r.kind().name(), now);
            }
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                // two submissions racing for one credit code or username: submitting again tells which
                throw new ConflictException("提交冲突，请稍后重新提交");
            }
            throw e;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", row.kind());
        detail.put("name", row.name());
        detail.put("creditCode", row.creditCode());
        detail.put("regionCode", row.regionCode());
        detail.put("status", row.status());
        detail.put("adminUsername", r.adminUsername());
        if (usernameTaken) {
            detail.put("adminUsernameTaken", true);
        }
        audit.record(actor, action, "organization", String.valueOf(row.id()), detail);
        return row;
    }

    private void validate(NewOrganization r, String creditCode) {
        List<Violation> v = new ArrayList<>();
        CreditCode.problemWith(creditCode).ifPresent(m -> v.add(new Violation("creditCode", m)));
        v.addAll(passwordPolicy.problems("admin.password", r.adminPassword(), r.adminUsername()));
        Optional<RegionView> region = regions.find(r.regionCode());
        if (region.isEmpty()) {
            v.add(new Violation("regionCode", "未知的行政区划代码：" + r.regionCode()));
        } else if (region.get().level() == RegionLevel.PROVINCE) {
            v.add(new Violation("regionCode", "请选择到县级（或地级）行政区划"));
        }
        if (r.kind() != OrganizationKind.SUPPLIER && r.supplierType() != null) {
            v.add(new Violation("supplierType", "只有供应商需要填写主体类型"));
        }
        if (r.parentOrganizationId() != null) {
            if (r.kind() != OrganizationKind.BUYER) {
                v.add(new Violation("parentOrganizationId", "只有采购单位可以填写主管部门"));
            } else {
                Optional<OrganizationRow> parent = organizations.find(r.parentOrganizationId());
                if (parent.isEmpty() || !parent.get().kind().equals(OrganizationKind.BUYER.name())) {
                    v.add(new Violation("parentOrganizationId", "主管部门不存在或不是采购单位"));
                }
            }
        }
        if (r.kind() == OrganizationKind.REGULATOR) {
            if (r.departmentKind() == null) {
                v.add(new Violation("departmentKind", "请选择监管部门类型"));
            }
            if (r.scopeRegionCode() == null || regions.find(r.scopeRegionCode()).isEmpty()) {
                v.add(new Violation("scopeRegionCode", "请填写有效的监管区域代码"));
            }
        } else if (r.scopeRegionCode() != null || r.departmentKind() != null) {
            v.add(new Violation("scopeRegionCode", "只有监管部门需要填写监管区域与部门类型"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v.size() == 1 ? v.get(0).message() : "有" + v.size() + "项输入不符合要求", v);
        }
    }

    private static String supplierTypeOf(NewOrganization r, String creditCode) {
        if (r.kind() != OrganizationKind.SUPPLIER) {
            return null;
        }
        if (r.supplierType() != null) {
            return r.supplierType().name();
        }
        return creditCode.startsWith("93") ? SupplierType.COOPERATIVE.name() : SupplierType.ENTERPRISE.name();
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
