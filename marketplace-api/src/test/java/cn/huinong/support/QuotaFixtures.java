package cn.huinong.support;

import cn.huinong.identity.DepartmentKind;
import cn.huinong.identity.NewOrganization;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.shared.Actor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builders for reserved-share tests: buyer units in a region, regulators with a scope, plan bodies. */
public final class QuotaFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    public record Unit(long id, String username, String token, String regionCode) {}

    private QuotaFixtures() {}

    /** An approved buyer unit (a public institution) registered in {@code regionCode}, logged in. */
    public static Unit unit(Organizations organizations, Api api, String regionCode) {
        return unit(organizations, api, regionCode, null);
    }

    /** The same, with a supervising department (主管部门, itself a buyer unit). */
    public static Unit unit(Organizations organizations, Api api, String regionCode, Long parentOrganizationId) {
        String username = Fixtures.username("buyer");
        OrganizationView o = provision(
                organizations, OrganizationKind.BUYER, regionCode, null, null, username, parentOrganizationId);
        return new Unit(o.id(), username, api.login(username, Fixtures.PASSWORD), regionCode);
    }

    /** The same, without logging in (for volume: monitoring tests). */
    public static long unitId(Organizations organizations, String regionCode) {
        return provision(
                        organizations, OrganizationKind.BUYER, regionCode, null, null, Fixtures.username("buyer"), null)
                .id();
    }

    /**
     * A regulator (finance department) seated in {@code regionCode} (a county or prefecture) whose scope is
     * {@code scopeRegionCode}, logged in; returns its token.
     */
    public static String regulator(Organizations organizations, Api api, String regionCode, String scopeRegionCode) {
        return regulator(organizations, api, regionCode, scopeRegionCode, DepartmentKind.FINANCE);
    }

    /** The same, for a department of another kind (commerce, agriculture, ...). */
    public static String regulator(
            Organizations organizations,
            Api api,
            String regionCode,
            String scopeRegionCode,
            DepartmentKind department) {
        String username = Fixtures.username("regulator");
        provision(organizations, OrganizationKind.REGULATOR, regionCode, department, scopeRegionCode, username, null);
        return api.login(username, Fixtures.PASSWORD);
    }

    private static OrganizationView provision(
            Organizations organizations,
            OrganizationKind kind,
            String regionCode,
            DepartmentKind department,
            String scope,
            String username,
            Long parentOrganizationId) {
        return organizations.provision(
                new NewOrganization(
                        kind,
                        "测试预算单位" + SEQ.incrementAndGet() + "-" + username,
                        Fixtures.creditCode("12" + regionCode),
                        regionCode,
                        "李明",
                        "13800000000",
                        null,
                        parentOrganizationId,
                        department,
                        scope,
                        username,
                        Fixtures.PASSWORD),
                Actor.system("test"));
    }

    public static Map<String, Object> plan(String canteen, long annualFen, long reservedFen) {
        Map<String, Object> body = new HashMap<>();
        body.put("canteen", canteen);
        body.put("annualCanteenProcurementFen", annualFen);
        body.put("reservedFen", reservedFen);
        body.put("unionPurchase", false);
        body.put("contactName", "李明");
        body.put("contactPhone", "13800000001");
        return body;
    }

    public static Map<String, Object> shared(long representativeId) {
        Map<String, Object> body = new HashMap<>();
        body.put("canteen", "SHARED");
        body.put("representativeOrganizationId", representativeId);
        return body;
    }
}
