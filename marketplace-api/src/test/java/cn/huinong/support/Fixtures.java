package cn.huinong.support;

import cn.huinong.identity.DepartmentKind;
import cn.huinong.identity.NewOrganization;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.shared.Actor;
import cn.huinong.shared.CreditCode;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/** Builders shared by the tests: unique valid credit codes and usernames, ready-made organisations. */
public final class Fixtures {

    public static final String PASSWORD = "Secret123";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {}

    /** A valid, random credit code: type, region, 9 random characters, computed check character. */
    public static String creditCode(String typeAndRegion) {
        StringBuilder sb = new StringBuilder(typeAndRegion);
        while (sb.length() < 17) {
            sb.append(CreditCode.ALPHABET.charAt(RANDOM.nextInt(CreditCode.ALPHABET.length())));
        }
        return sb.toString() + CreditCode.checkCharacterFor(sb.toString());
    }

    public static String username(String prefix) {
        return prefix + "-" + Long.toString(Math.abs(RANDOM.nextLong()), 36).substring(0, 8);
    }

    /** A registration body for POST /organizations/registrations; change what a test needs. */
    public static Map<String, Object> registration(String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", "雷山县测试茶叶专业合作社" + RANDOM.nextInt(100000));
        body.put("creditCode", creditCode("93522634"));
        body.put("regionCode", "522634");
        body.put("contactName", "王芳");
        body.put("contactPhone", "13912345678");
        body.put("admin", Map.of("username", username("user"), "password", PASSWORD));
        return body;
    }

    @SuppressWarnings("unchecked")
    public static String usernameOf(Map<String, Object> registration) {
        return (String) ((Map<String, Object>) registration.get("admin")).get("username");
    }

    /** An approved organisation of any kind with its admin user; returns the username. */
    public static String provisioned(Organizations organizations, OrganizationKind kind) {
        String username = username(kind.name().toLowerCase());
        boolean regulator = kind == OrganizationKind.REGULATOR;
        organizations.provision(
                new NewOrganization(
                        kind,
                        "测试" + kind + RANDOM.nextInt(100000),
                        creditCode("11520000"),
                        "520102",
                        "测试联系人",
                        "13800000000",
                        null,
                        null,
                        regulator ? DepartmentKind.COMMERCE : null,
                        regulator ? "520000" : null,
                        username,
                        PASSWORD),
                Actor.system("test"));
        return username;
    }

    public static OrganizationView organizationOf(Organizations organizations, String creditCode) {
        return organizations.findByCreditCode(creditCode).orElseThrow();
    }
}
