package cn.huinong.identity.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.Decision;
import cn.huinong.identity.DuplicateCreditCode;
import cn.huinong.identity.NewOrganization;
import cn.huinong.identity.OrganizationAlreadyDecided;
import cn.huinong.identity.OrganizationDecided;
import cn.huinong.identity.OrganizationFilter;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.OrganizationStatus;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.identity.SupplierType;
import cn.huinong.identity.UsernameTaken;
import cn.huinong.region.RegionLevel;
import cn.huinong.region.RegionView;
import cn.huinong.region.Regions;
import cn.huinong.shared.Actor;
import cn.huinong.shared.CreditCode;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.RateLimitedException;
import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Singleton
class OrganizationService implements Organizations {

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final Regions regions;
    private final AuditLog audit;
    private final ApplicationEventPublisher<OrganizationDecided> decided;
    private final PasswordPolicy passwordPolicy;
    private final Sql sql;
    private final RegistrationSettings registration;

    private final Clock clock;

    OrganizationService(
            OrganizationRepository organizations,
            UserRepository users,
            PasswordHasher passwords,
            Regions regions,
            AuditLog audit,
            ApplicationEventPublisher<OrganizationDecided> decided,
            PasswordPolicy passwordPolicy,
            Sql sql,
            RegistrationSettings registration,
            Clock clock) {
        this.clock = clock;
        this.organizations = organizations;
        this.users = users;
        this.passwords = passwords;
        this.regions = regions;
        this.audit = audit;
        this.decided = decided;
        this.passwordPolicy = passwordPolicy;
        this.sql = sql;
        this.registration = registration;
    }

    @Override
    @Transactional
    public OrganizationView register(NewOrganization r, Actor actor) {
        if (r.kind() != OrganizationKind.SUPPLIER && r.kind() != OrganizationKind.BUYER) {
            throw new InvalidInputException(
                    "只能自助注册供应商或采购单位", List.of(new Violation("kind", "只能自助注册供应商（SUPPLIER）或采购单位（BUYER）")));
        }
        long recent = sql.count("""
                SELECT count(*) FROM audit_event WHERE action = 'ORGANIZATION_REGISTERED' AND ip_address = ?
                  AND occurred_at > now() - make_interval(secs => ?)""", actor.ipAddress(), registration.window().toSeconds());
        if (recent >= registration.maxPerAddress()) {
            throw new RateLimitedException("该地址提交的入驻申请过多，请稍后再试", registration.window());
        }
        return create(r, OrganizationStatus.PENDING, actor, "ORGANIZATION_REGISTERED", true);
    }

    @Override
    @Transactional
    public OrganizationView provision(NewOrganization r, Actor actor) {
        return create(r, OrganizationStatus.APPROVED, actor, "ORGANIZATION_PROVISIONED", false);
    }

    /**
     * {@code anonymous}: a self-registration, which must not tell whether the admin username exists (ADR 9): a taken
     * one answers like a free one, the organisation waits for review with its admin account pending, and the
     * operator approves it under another username. Operators provisioning an organisation get a 409.
     */
    private OrganizationView create(
            NewOrganization r, OrganizationStatus status, Actor actor, String action, boolean anonymous) {
        String creditCode = CreditCode.normalize(r.creditCode());
        validate(r, creditCode);
        if (organizations.existsByCreditCode(creditCode)) {
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
            row = organizations.save(new OrganizationRow(
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
                sql.update("""
                        INSERT INTO organization_pending_admin (organization_id, requested_username, password_hash)
                        VALUES (?, ?, ?)""", row.id(), r.adminUsername(), passwordHash);
            } else {
                users.save(new UserRow(
                        null,
                        row.id(),
                        r.adminUsername(),
                        passwordHash,
                        r.kind().name(),
                        true,
                        now,
                        now,
                        false,
                        null));
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
        return view(row);
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
                Optional<OrganizationRow> parent = organizations.findById(r.parentOrganizationId());
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

    @Override
    @Transactional
    public OrganizationView decide(long id, Decision decision, String reason, String adminUsername, Actor actor) {
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (decision == Decision.REJECT && cleanReason == null) {
            throw new InvalidInputException("驳回时必须填写原因", List.of(new Violation("reason", "驳回时必须填写原因")));
        }
        OrganizationRow before = organizations.findById(id).orElseThrow(() -> new NotFoundException("机构不存在：" + id));
        Optional<PendingAdmin> pending = pendingAdmin(id);
        String assigned = null;
        if (pending.isPresent()
                && decision == Decision.APPROVE
                && before.status().equals("PENDING")) {
            assigned = adminUsername == null ? null : adminUsername.strip();
            if (assigned == null || !assigned.matches("[A-Za-z0-9][A-Za-z0-9._-]{3,31}")) {
                throw new RuleViolationException(
                        "申请时填写的管理员用户名“" + pending.get().username() + "”已被占用：请指定新的管理员用户名并告知申请人",
                        List.of(new Violation("adminUsername", "请填写新的管理员用户名（4-32位字母、数字或 . _ -，以字母或数字开头）")));
            }
            if (users.usernameTaken(assigned)) {
                throw new UsernameTaken("用户名已被使用", List.of(new Violation("adminUsername", "用户名已被使用")));
            }
        }
        OrganizationStatus to =
                decision == Decision.APPROVE ? OrganizationStatus.APPROVED : OrganizationStatus.REJECTED;
        if (organizations.decidePending(id, to.name(), cleanReason, actor.username()) == 0) {
            throw new OrganizationAlreadyDecided(
                    "该机构已审核（当前状态：" + OrganizationStatus.valueOf(before.status()).label() + "），不能重复审核");
        }
        if (pending.isPresent()) {
            if (assigned != null) {
                users.save(new UserRow(
                        null,
                        id,
                        assigned,
                        pending.get().passwordHash(),
                        before.kind(),
                        true,
                        Instant.now(clock),
                        Instant.now(clock),
                        false,
                        null));
            }
            sql.update("DELETE FROM organization_pending_admin WHERE organization_id = ?", id);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", decision.name());
        detail.put("from", before.status());
        detail.put("to", to.name());
        if (assigned != null) {
            detail.put("adminUsername", assigned);
            detail.put("requestedAdminUsername", pending.get().username());
        }
        if (cleanReason != null) {
            detail.put("reason", cleanReason);
        }
        audit.record(
                actor,
                decision == Decision.APPROVE ? "ORGANIZATION_APPROVED" : "ORGANIZATION_REJECTED",
                "organization",
                String.valueOf(id),
                detail);
        decided.publishEvent(new OrganizationDecided(id, OrganizationKind.valueOf(before.kind()), to));
        return view(organizations.findById(id).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationView> find(long id) {
        return organizations.findById(id).map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationStatus> status(long id) {
        return organizations.findStatusById(id).map(OrganizationStatus::valueOf);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationView> findByCreditCode(String creditCode) {
        return organizations.findByCreditCode(CreditCode.normalize(creditCode)).map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<OrganizationView> search(OrganizationFilter f, PageQuery page) {
        Page<OrganizationRow> rows = organizations.search(
                f.status() == null ? null : f.status().name(),
                f.kind() == null ? null : f.kind().name(),
                f.q() == null || f.q().isBlank() ? null : f.q().strip(),
                Pageable.from(page.page(), page.size()));
        return new PageResponse<>(
                rows.getContent().stream().map(this::view).toList(), page.page(), page.size(), rows.getTotalSize());
    }

    private OrganizationView view(OrganizationRow r) {
        String regionName = regions.find(r.regionCode()).map(RegionView::name).orElse(null);
        return new OrganizationView(
                r.id(),
                OrganizationKind.valueOf(r.kind()),
                r.name(),
                r.creditCode(),
                r.regionCode(),
                regionName,
                OrganizationStatus.valueOf(r.status()),
                r.scopeRegionCode(),
                r.departmentKind() == null ? null : cn.huinong.identity.DepartmentKind.valueOf(r.departmentKind()),
                r.supplierType() == null ? null : SupplierType.valueOf(r.supplierType()),
                r.parentOrganizationId(),
                r.contactName(),
                r.contactPhone(),
                r.createdAt(),
                r.decidedAt(),
                r.decisionReason(),
                pendingAdmin(r.id()).map(PendingAdmin::username).orElse(null));
    }

    record PendingAdmin(String username, String passwordHash) {}

    private Optional<PendingAdmin> pendingAdmin(long organizationId) {
        return sql.one(
                "SELECT requested_username, password_hash FROM organization_pending_admin WHERE organization_id = ?",
                rs -> new PendingAdmin(rs.getString(1), rs.getString(2)),
                organizationId);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        sql.list(
                        "SELECT id, name FROM organization WHERE id = ANY(?)",
                        rs -> Map.entry(rs.getLong(1), rs.getString(2)),
                        (Object) ids.stream().distinct().toArray(Long[]::new))
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> idsNamedLike(String fragment, int limit) {
        String pattern =
                "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return new LinkedHashSet<>(sql.list(
                "SELECT id FROM organization WHERE name ILIKE ? ORDER BY id LIMIT ?",
                rs -> rs.getLong(1),
                pattern,
                limit));
    }
}
