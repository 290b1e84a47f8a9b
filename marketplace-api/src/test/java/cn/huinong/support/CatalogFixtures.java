package cn.huinong.support;

import cn.huinong.identity.Decision;
import cn.huinong.identity.NewOrganization;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.identity.SupplierType;
import cn.huinong.region.DesignationKind;
import cn.huinong.region.DesignationMode;
import cn.huinong.region.Designations;
import cn.huinong.shared.Actor;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builders for catalog tests: suppliers, designations, product bodies, products taken through review. */
public final class CatalogFixtures {

    /** 雷山县 (黔东南), designated poverty-alleviated by {@link #designate}. */
    public static final String LEISHAN = "522634";
    /** A leaf category: 茶叶 / 绿茶. */
    public static final String GREEN_TEA = "0501";

    private static final AtomicInteger SEQ = new AtomicInteger();

    public record Supplier(long id, String username, String token) {}

    private CatalogFixtures() {}

    /** Makes sure the counties are on the POVERTY_ALLEVIATED list (MERGE: nothing else changes). */
    public static void designate(Designations designations, String... counties) {
        designations.importCsv(
                Actor.system("test"),
                DesignationKind.POVERTY_ALLEVIATED,
                DesignationMode.MERGE,
                "test.csv",
                (String.join("\n", counties) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A supplier registered in {@code regionCode}, approved unless {@code approve} is false, logged in. */
    public static Supplier supplier(Organizations organizations, Api api, String regionCode, boolean approve) {
        String username = Fixtures.username("supplier");
        OrganizationView o = organizations.register(
                new NewOrganization(
                        OrganizationKind.SUPPLIER,
                        "测试农民专业合作社" + SEQ.incrementAndGet() + "-" + username,
                        Fixtures.creditCode("93" + regionCode),
                        regionCode,
                        "王芳",
                        "13912345678",
                        SupplierType.COOPERATIVE,
                        null,
                        null,
                        null,
                        username,
                        Fixtures.PASSWORD),
                Actor.system("test"));
        if (approve) {
            organizations.decide(o.id(), Decision.APPROVE, null, Actor.system("test"));
        }
        return new Supplier(o.id(), username, approve ? api.login(username, Fixtures.PASSWORD) : null);
    }

    public static Supplier supplier(Organizations organizations, Api api) {
        return supplier(organizations, api, LEISHAN, true);
    }

    public static String operator(Organizations organizations, Api api) {
        return api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);
    }

    /** A body for POST /products: 雷山银球茶, green tea from 雷山县, 128.00 yuan per 罐. */
    public static Map<String, Object> product() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "雷山银球茶" + SEQ.incrementAndGet());
        body.put("categoryCode", GREEN_TEA);
        body.put("originRegionCode", LEISHAN);
        body.put("unit", "罐");
        body.put("spec", "250克/罐");
        body.put("priceFen", 12800);
        body.put("stock", 100);
        body.put("description", "高山云雾绿茶，明前采摘");
        body.put("imageUrls", List.of("https://img.example.cn/yinqiu-1.jpg", "https://img.example.cn/yinqiu-2.jpg"));
        return body;
    }

    public static long create(Api api, String supplierToken, Map<String, Object> body) {
        Api.Response r = api.post("/api/v1/products", body, supplierToken);
        if (r.status() != 201) {
            throw new AssertionError("create failed: " + r.status() + " " + r.body());
        }
        return ((Number) r.get("id")).longValue();
    }

    /** Created, submitted and approved: LISTED. */
    public static long listed(Api api, String supplierToken, String operatorToken, Map<String, Object> body) {
        long id = create(api, supplierToken, body);
        expect(200, api.post("/api/v1/products/" + id + "/submission", Map.of(), supplierToken));
        expect(200, api.post("/api/v1/products/" + id + "/decision", Map.of("decision", "APPROVE"), operatorToken));
        return id;
    }

    public static Api.Response expect(int status, Api.Response r) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " but got " + r.status() + " " + r.body());
        }
        return r;
    }
}
