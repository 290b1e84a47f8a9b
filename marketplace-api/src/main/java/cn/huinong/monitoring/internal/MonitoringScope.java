package cn.huinong.monitoring.internal;

import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.monitoring.RegionSummary;
import cn.huinong.quota.QuotaRules;
import cn.huinong.region.RegionView;
import cn.huinong.region.Regions;
import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NoSupervisionScope;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.OutsideScope;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;

/** Who may see which region: the caller's scope, and the region asked for checked against it (400, 403, 404). */
@Singleton
class MonitoringScope {

    static final String COUNTRY = "000000";

    /** Who may see what: a region prefix ("" = everything) and, for a supervising department, its subtree. */
    record Scope(String prefix, @Nullable Long supervisorId) {}

    /** The region asked for (or the caller's default), checked against the caller's scope; null region: the country. */
    record Target(@Nullable RegionView region, Scope scope) {
        String prefix() {
            return region == null ? "" : QuotaRules.regionPrefix(region.code());
        }

        RegionSummary.RegionRef ref() {
            return region == null
                    ? new RegionSummary.RegionRef(COUNTRY, "全国")
                    : new RegionSummary.RegionRef(region.code(), region.name());
        }
    }

    private final Regions regions;
    private final Organizations organizations;

    MonitoringScope(Regions regions, Organizations organizations) {
        this.regions = regions;
        this.organizations = organizations;
    }

    Target target(int year, @Nullable String region, Actor actor) {
        checkYear(year);
        return target(region, actor);
    }

    static void checkYear(int year) {
        if (year < 2000 || year > 2200) {
            throw new InvalidInputException("年度有误", List.of(new Violation("year", "年度应在2000到2200之间")));
        }
    }

    /** The supply side, slow products and notices are for regulators and operators only (not 主管部门). */
    Target supervisorTarget(@Nullable String region, Actor actor) {
        if (!actor.is(Role.REGULATOR) && !actor.is(Role.OPERATOR)) {
            throw new ForbiddenException("只有监管部门和平台运营可以查看");
        }
        return target(region, actor);
    }

    private Target target(@Nullable String region, Actor actor) {
        if (region != null && !region.matches("\\d{6}")) {
            throw new InvalidInputException("行政区划代码应为6位数字", List.of(new Violation("region", "行政区划代码应为6位数字")));
        }
        Scope scope = scopeOf(actor);
        String code =
                region != null ? region : scope.prefix().isEmpty() ? null : (scope.prefix() + "0000").substring(0, 6);
        if (code != null && !QuotaRules.regionPrefix(code).startsWith(scope.prefix())) {
            throw new OutsideScope("该地区不在本部门的监管范围内");
        }
        if (code == null || code.equals(COUNTRY)) {
            if (!scope.prefix().isEmpty()) {
                throw new OutsideScope("该地区不在本部门的监管范围内");
            }
            return new Target(null, scope);
        }
        RegionView r = regions.find(code).orElseThrow(() -> new NotFoundException("未知的行政区划：" + code));
        return new Target(r, scope);
    }

    private Scope scopeOf(Actor actor) {
        if (actor.is(Role.OPERATOR)) {
            return new Scope("", null);
        }
        if (actor.is(Role.BUYER) && actor.organizationId() != null) {
            // a supervising department (主管部门) sees the units below it, wherever they are registered
            return new Scope("", actor.organizationId());
        }
        if (!actor.is(Role.REGULATOR) || actor.organizationId() == null) {
            throw new ForbiddenException("只有监管部门和平台运营可以查看");
        }
        OrganizationView org =
                organizations.find(actor.organizationId()).orElseThrow(() -> new ForbiddenException("只有监管部门和平台运营可以查看"));
        if (org.scopeRegionCode() == null) {
            throw new NoSupervisionScope("监管部门未设置监管区域");
        }
        return new Scope(QuotaRules.regionPrefix(org.scopeRegionCode()), null);
    }
}
