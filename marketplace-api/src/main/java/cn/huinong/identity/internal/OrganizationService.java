package cn.huinong.identity.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.Decision;
import cn.huinong.identity.DepartmentKind;
import cn.huinong.identity.NewOrganization;
import cn.huinong.identity.OrganizationFilter;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.OrganizationStatus;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.identity.SupplierType;
import cn.huinong.region.RegionView;
import cn.huinong.region.Regions;
import cn.huinong.shared.Actor;
import cn.huinong.shared.CreditCode;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.RateLimitedException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Organisations: one transaction per command. Creation is {@link NewOrganizations}, review {@link
 * OrganizationDecisions}, the SQL {@link OrganizationStore}; this facade limits self-registrations per address and
 * answers views.
 */
@Singleton
class OrganizationService implements Organizations {

    private final OrganizationStore organizations;
    private final NewOrganizations creation;
    private final OrganizationDecisions decisions;
    private final Regions regions;
    private final AuditLog audit;
    private final RegistrationSettings registration;

    OrganizationService(
            OrganizationStore organizations,
            NewOrganizations creation,
            OrganizationDecisions decisions,
            Regions regions,
            AuditLog audit,
            RegistrationSettings registration) {
        this.organizations = organizations;
        this.creation = creation;
        this.decisions = decisions;
        this.regions = regions;
        this.audit = audit;
        this.registration = registration;
    }

    @Override
    @Transactional
    public OrganizationView register(NewOrganization r, Actor actor) {
        if (r.kind() != OrganizationKind.SUPPLIER && r.kind() != OrganizationKind.BUYER) {
            throw new InvalidInputException(
                    "只能自助注册供应商或采购单位", List.of(new Violation("kind", "只能自助注册供应商（SUPPLIER）或采购单位（BUYER）")));
        }
        long recent = audit.countRecent("ORGANIZATION_REGISTERED", actor.ipAddress(), registration.window());
        if (recent >= registration.maxPerAddress()) {
            throw new RateLimitedException("该地址提交的入驻申请过多，请稍后再试", registration.window());
        }
        return view(creation.create(r, OrganizationStatus.PENDING, actor, "ORGANIZATION_REGISTERED", true));
    }

    @Override
    @Transactional
    public OrganizationView provision(NewOrganization r, Actor actor) {
        return view(creation.create(r, OrganizationStatus.APPROVED, actor, "ORGANIZATION_PROVISIONED", false));
    }

    @Override
    @Transactional
    public OrganizationView decide(long id, Decision decision, String reason, String adminUsername, Actor actor) {
        return view(decisions.decide(id, decision, reason, adminUsername, actor));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationView> find(long id) {
        return organizations.find(id).map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationStatus> status(long id) {
        return organizations.status(id).map(OrganizationStatus::valueOf);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationView> findByCreditCode(String creditCode) {
        return organizations.findByCreditCode(CreditCode.normalize(creditCode)).map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<OrganizationView> search(OrganizationFilter f, PageQuery page) {
        return organizations
                .search(
                        f.status() == null ? null : f.status().name(),
                        f.kind() == null ? null : f.kind().name(),
                        f.q() == null || f.q().isBlank() ? null : f.q().strip(),
                        page)
                .map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : organizations.names(ids);
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
                r.departmentKind() == null ? null : DepartmentKind.valueOf(r.departmentKind()),
                r.supplierType() == null ? null : SupplierType.valueOf(r.supplierType()),
                r.parentOrganizationId(),
                r.contactName(),
                r.contactPhone(),
                r.createdAt(),
                r.decidedAt(),
                r.decisionReason(),
                organizations
                        .pendingAdmin(r.id())
                        .map(OrganizationStore.PendingAdmin::username)
                        .orElse(null));
    }
}
