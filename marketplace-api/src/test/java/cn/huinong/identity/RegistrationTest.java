package cn.huinong.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.shared.PageQuery;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class RegistrationTest {

    private static final String PATH = "/api/v1/organizations/registrations";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    AuditLog audit;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    @Test
    void registersASupplierAsPendingAndAuditsIt() {
        Map<String, Object> body = Fixtures.registration("SUPPLIER");
        Api.Response r = api.post(PATH, body, null);

        assertEquals(201, r.status(), r.body().toString());
        assertEquals("PENDING", r.get("status"));
        long id = ((Number) r.get("id")).longValue();
        OrganizationView o = organizations.find(id).orElseThrow();
        assertEquals(OrganizationKind.SUPPLIER, o.kind());
        assertEquals(SupplierType.COOPERATIVE, o.supplierType(), "a 93 credit code is a farmer cooperative");
        assertEquals("雷山县", o.regionName());
        var entries = audit.search(
                        new AuditQuery(null, "ORGANIZATION_REGISTERED", "organization", String.valueOf(id), null, null),
                        PageQuery.of(0, 10))
                .items();
        assertEquals(1, entries.size());
        assertEquals("anonymous", entries.get(0).actor());
        assertEquals(body.get("creditCode"), entries.get(0).detail().get("creditCode"));
    }

    @Test
    void registersABuyerUnderASupervisingDepartment() {
        Map<String, Object> parent = Fixtures.registration("BUYER");
        parent.put("creditCode", Fixtures.creditCode("11520000"));
        long parentId = ((Number) api.post(PATH, parent, null).get("id")).longValue();

        Map<String, Object> child = Fixtures.registration("BUYER");
        child.put("creditCode", Fixtures.creditCode("12520000"));
        child.put("parentOrganizationId", parentId);
        Api.Response r = api.post(PATH, child, null);

        assertEquals(201, r.status(), r.body().toString());
        assertEquals(
                parentId,
                organizations
                        .find(((Number) r.get("id")).longValue())
                        .orElseThrow()
                        .parentOrganizationId());
    }

    @Test
    void acceptsLowerCaseCreditCodeAndStoresItNormalised() {
        Map<String, Object> body = Fixtures.registration("SUPPLIER");
        String code = (String) body.get("creditCode");
        body.put("creditCode", " " + code.toLowerCase() + " ");
        Api.Response r = api.post(PATH, body, null);
        assertEquals(201, r.status(), r.body().toString());
        assertTrue(organizations.findByCreditCode(code).isPresent());
    }

    @Test
    void rejectsACreditCodeWithAWrongCheckCharacter() {
        Map<String, Object> body = Fixtures.registration("SUPPLIER");
        String code = (String) body.get("creditCode");
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        body.put("creditCode", code.substring(0, 17) + wrong);
        assertViolation(body, "creditCode", "统一社会信用代码校验位错误");
    }

    @Test
    void rejectsUnknownAndProvinceLevelRegions() {
        Map<String, Object> body = Fixtures.registration("SUPPLIER");
        body.put("regionCode", "529999");
        assertViolation(body, "regionCode", "未知的行政区划代码");
        body.put("regionCode", "520000");
        assertViolation(body, "regionCode", "请选择到县级");
        body.put("regionCode", "52A634");
        assertViolation(body, "regionCode", "6位数字");
    }

    @Test
    void acceptsAPrefectureLevelRegion() {
        Map<String, Object> body = Fixtures.registration("BUYER");
        body.put("regionCode", "520100");
        assertEquals(201, api.post(PATH, body, null).status());
    }

    @Test
    void rejectsBadPhoneNumbers() {
        Map<String, Object> body = Fixtures.registration("SUPPLIER");
        for (String phone : List.of("1234", "12912345678", "138123456789", "phone")) {
            body.put("contactPhone", phone);
            assertViolation(body, "contactPhone", "联系电话格式不正确");
        }
        body.put("contactPhone", "0851-86661234");
        assertEquals(201, api.post(PATH, body, null).status());
    }

    @Test
    void rejectsWeakPasswordsAndBadUsernames() {
        Map<String, Object> body = Fixtures.registration("SUPPLIER");
        body.put("admin", Map.of("username", Fixtures.username("u"), "password", "Short1"));
        assertViolation(body, "admin.password", "密码至少需要8位");
        body.put("admin", Map.of("username", Fixtures.username("u"), "password", "onlyletters1"));
        assertViolation(body, "admin.password", "密码须包含大写字母、小写字母、数字、符号中的至少三类");
        body.put("admin", Map.of("username", "a b", "password", "Secret123"));
        assertViolation(body, "admin.username", "用户名为4-32位");
    }

    @Test
    void refusesSelfRegistrationAsRegulatorOrOperator() {
        for (String kind : List.of("REGULATOR", "OPERATOR")) {
            assertViolation(Fixtures.registration(kind), "kind", "只能自助注册供应商");
        }
    }

    @Test
    void refusesAParentThatIsNotABuyerAndAParentOnASupplier() {
        Map<String, Object> supplier = Fixtures.registration("SUPPLIER");
        long supplierId = ((Number) api.post(PATH, supplier, null).get("id")).longValue();
        Map<String, Object> buyer = Fixtures.registration("BUYER");
        buyer.put("parentOrganizationId", supplierId);
        assertViolation(buyer, "parentOrganizationId", "主管部门不存在或不是采购单位");
        Map<String, Object> another = Fixtures.registration("SUPPLIER");
        another.put("parentOrganizationId", supplierId);
        assertViolation(another, "parentOrganizationId", "只有采购单位可以填写主管部门");
    }

    @Test
    void reportsEveryMissingFieldAtOnce() {
        Api.Response r = api.post(PATH, Map.of("kind", "SUPPLIER", "admin", Map.of()), null);
        assertEquals(400, r.status());
        assertEquals(
                List.of(
                        "admin.password",
                        "admin.username",
                        "contactName",
                        "contactPhone",
                        "creditCode",
                        "name",
                        "regionCode"),
                r.violatedFields());
        assertEquals("application/problem+json", r.contentType());
    }

    @Test
    void refusesADuplicateCreditCodeWith409() {
        Map<String, Object> first = Fixtures.registration("SUPPLIER");
        assertEquals(201, api.post(PATH, first, null).status());
        Map<String, Object> second = Fixtures.registration("BUYER");
        second.put("creditCode", first.get("creditCode"));
        Api.Response r = api.post(PATH, second, null);
        assertEquals(409, r.status());
        assertEquals(List.of("creditCode"), r.violatedFields());
        assertEquals("该统一社会信用代码已注册", r.get("detail"));
    }

    @Test
    void aPasswordThatBreaksTheRulesIsRefused() {
        Map<String, Object> body = Fixtures.registration("BUYER");
        String username = Fixtures.usernameOf(body);
        body.put("admin", Map.of("username", username, "password", username + "-X1"));
        assertViolation(body, "admin.password", "密码不能包含用户名");
    }

    @Test
    void refusesUnknownFieldsAndMalformedJsonWith400() {
        Map<String, Object> body = new HashMap<>(Fixtures.registration("SUPPLIER"));
        body.put("status", "APPROVED");
        Api.Response unknown = api.post(PATH, body, null);
        assertEquals(400, unknown.status());
        assertTrue(
                ((String) unknown.get("detail")).contains("不支持的字段“status”"),
                unknown.body().toString());

        Api.Response malformed = api.send(
                HttpRequest.POST(PATH, "{\"kind\": \"SUPPLIER\",").contentType(MediaType.APPLICATION_JSON_TYPE), null);
        assertEquals(400, malformed.status());
        assertEquals("application/problem+json", malformed.contentType());
        assertTrue(((String) malformed.get("detail")).contains("不是有效的JSON"));

        Map<String, Object> badKind = Fixtures.registration("FARMER");
        Api.Response r = api.post(PATH, badKind, null);
        assertEquals(400, r.status());
        assertTrue(((String) r.get("detail")).contains("取值“FARMER”无效"), r.body().toString());
    }

    @Test
    void aRejectedRegistrationWritesNothing() {
        Map<String, Object> body = Fixtures.registration("SUPPLIER");
        body.put("regionCode", "529999");
        api.post(PATH, body, null);
        assertTrue(
                organizations.findByCreditCode((String) body.get("creditCode")).isEmpty());
        Api.Response login = api.post(
                "/api/v1/auth/login",
                Map.of("username", Fixtures.usernameOf(body), "password", Fixtures.PASSWORD),
                null);
        assertEquals(401, login.status());
    }

    private void assertViolation(Map<String, Object> body, String field, String messagePart) {
        Api.Response r = api.post(PATH, body, null);
        assertEquals(400, r.status(), r.body().toString());
        assertEquals("application/problem+json", r.contentType());
        assertTrue(
                r.violations().stream()
                        .anyMatch(
                                v -> field.equals(v.get("field")) && ((String) v.get("message")).contains(messagePart)),
                "expected " + field + " ~ " + messagePart + " in " + r.violations());
    }
}
