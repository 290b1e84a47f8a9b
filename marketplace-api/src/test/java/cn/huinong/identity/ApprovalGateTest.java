package cn.huinong.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.audit.AuditEventView;
import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.shared.PageQuery;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ApprovalGateTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    AuditLog audit;

    Api api;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);
    }

    private long register(Map<String, Object> body) {
        Api.Response r = api.post("/api/v1/organizations/registrations", body, null);
        assertEquals(201, r.status(), r.body().toString());
        return ((Number) r.get("id")).longValue();
    }

    @Test
    void aPendingOrganisationsUserMaySeeItselfButNotAct() {
        Map<String, Object> body = Fixtures.registration("SUPPLIER");
        long id = register(body);
        String token = api.login(Fixtures.usernameOf(body), Fixtures.PASSWORD);

        Api.Response me = api.get("/api/v1/me", token);
        assertEquals(200, me.status());
        @SuppressWarnings("unchecked")
        Map<String, Object> org = (Map<String, Object>) me.get("organization");
        assertEquals("PENDING", org.get("status"));
        assertEquals(((Number) org.get("id")).longValue(), id);

        Api.Response act = api.get("/api/v1/organizations/" + id, token);
        assertEquals(403, act.status());
        assertEquals("所属机构待审核，暂不能进行此操作", act.get("detail"));

        assertEquals(200, api.get("/api/v1/regions/522634", token).status(), "what anyone may use stays open");
        assertEquals(200, api.get("/api/v1/catalog/search?size=1", token).status());
    }

    @Test
    void approvalLetsTheUserActAndIsAudited() {
        Map<String, Object> body = Fixtures.registration("BUYER");
        long id = register(body);
        String token = api.login(Fixtures.usernameOf(body), Fixtures.PASSWORD);

        Api.Response decided = api.post(
                "/api/v1/organizations/" + id + "/decision", Map.of("decision", "APPROVE", "reason", "材料齐全"), operator);
        assertEquals(200, decided.status(), decided.body().toString());
        assertEquals("APPROVED", decided.get("status"));
        assertNotNull(decided.get("decidedAt"));

        assertEquals(200, api.get("/api/v1/organizations/" + id, token).status(), "the same token now works");
        List<AuditEventView> entries = audit.search(
                        new AuditQuery(null, "ORGANIZATION_APPROVED", "organization", String.valueOf(id), null, null),
                        PageQuery.of(0, 5))
                .items();
        assertEquals(1, entries.size());
        assertEquals("PENDING", entries.get(0).detail().get("from"));
        assertEquals("APPROVED", entries.get(0).detail().get("to"));
        assertTrue(entries.get(0).actor().startsWith("operator-"));
        assertNotNull(entries.get(0).ipAddress());
    }

    @Test
    void aRejectionNeedsAReasonAndKeepsTheUserOut() {
        Map<String, Object> body = Fixtures.registration("SUPPLIER");
        long id = register(body);

        Api.Response noReason =
                api.post("/api/v1/organizations/" + id + "/decision", Map.of("decision", "REJECT"), operator);
        assertEquals(400, noReason.status());
        assertEquals(List.of("reason"), noReason.violatedFields());
        Api.Response blank = api.post(
                "/api/v1/organizations/" + id + "/decision", Map.of("decision", "REJECT", "reason", "  "), operator);
        assertEquals(400, blank.status());

        Api.Response rejected = api.post(
                "/api/v1/organizations/" + id + "/decision",
                Map.of("decision", "REJECT", "reason", "注册地不在脱贫县"),
                operator);
        assertEquals(200, rejected.status());
        assertEquals("注册地不在脱贫县", rejected.get("decisionReason"));

        String token = api.login(Fixtures.usernameOf(body), Fixtures.PASSWORD);
        Api.Response act = api.get("/api/v1/organizations/" + id, token);
        assertEquals(403, act.status());
        assertEquals("所属机构已驳回，暂不能进行此操作", act.get("detail"));
    }

    @Test
    void anOrganisationIsDecidedOnlyOnce() {
        long id = register(Fixtures.registration("SUPPLIER"));
        assertEquals(
                200,
                api.post("/api/v1/organizations/" + id + "/decision", Map.of("decision", "APPROVE"), operator)
                        .status());
        Api.Response again = api.post(
                "/api/v1/organizations/" + id + "/decision", Map.of("decision", "REJECT", "reason", "重复"), operator);
        assertEquals(409, again.status());
        assertEquals("APPROVED", organizations.find(id).orElseThrow().status().name());
    }

    @Test
    void onlyOperatorsDecideAndUnknownOrganisationsAre404() {
        long id = register(Fixtures.registration("SUPPLIER"));
        String buyer = api.login(Fixtures.provisioned(organizations, OrganizationKind.BUYER), Fixtures.PASSWORD);
        assertEquals(
                403,
                api.post("/api/v1/organizations/" + id + "/decision", Map.of("decision", "APPROVE"), buyer)
                        .status());
        assertEquals(
                401,
                api.post("/api/v1/organizations/" + id + "/decision", Map.of("decision", "APPROVE"), null)
                        .status());
        assertEquals(
                404,
                api.post("/api/v1/organizations/99999999/decision", Map.of("decision", "APPROVE"), operator)
                        .status());
    }

    @Test
    void theReviewQueueListsPendingOrganisationsNewestFirst() {
        Map<String, Object> body = Fixtures.registration("SUPPLIER");
        long id = register(body);
        Api.Response queue =
                api.get("/api/v1/organizations?status=PENDING&q=" + body.get("creditCode") + "&size=5", operator);
        assertEquals(200, queue.status());
        assertEquals(1, ((Number) queue.get("total")).intValue());
        assertEquals(id, ((Number) queue.items().get(0).get("id")).longValue());
        assertEquals("雷山县", queue.items().get(0).get("regionName"));

        Api.Response all = api.get("/api/v1/organizations?status=PENDING&page=0&size=2", operator);
        assertEquals(2, all.items().size());
        assertEquals(0, ((Number) all.get("page")).intValue());
        assertTrue(((Number) all.get("total")).longValue() >= 1);
        assertEquals(400, api.get("/api/v1/organizations?size=0", operator).status());
    }

    @Test
    void operatorsProvisionRegulatorsWithAScope() {
        String username = Fixtures.username("reg");
        Api.Response r = api.post(
                "/api/v1/organizations",
                Map.of(
                        "kind",
                        "REGULATOR",
                        "name",
                        "贵州省财政厅",
                        "creditCode",
                        Fixtures.creditCode("11520000"),
                        "regionCode",
                        "520102",
                        "contactName",
                        "李明",
                        "contactPhone",
                        "0851-86661234",
                        "departmentKind",
                        "FINANCE",
                        "scopeRegionCode",
                        "520000",
                        "admin",
                        Map.of("username", username, "password", "Secret123")),
                operator);
        assertEquals(201, r.status(), r.body().toString());
        assertEquals("APPROVED", r.get("status"));
        String token = api.login(username, "Secret123");
        @SuppressWarnings("unchecked")
        Map<String, Object> org =
                (Map<String, Object>) api.get("/api/v1/me", token).get("organization");
        assertEquals("520000", org.get("scopeRegionCode"));
        assertEquals("REGULATOR", org.get("kind"));

        Api.Response noScope = api.post(
                "/api/v1/organizations",
                Map.of(
                        "kind",
                        "REGULATOR",
                        "name",
                        "某监管部门",
                        "creditCode",
                        Fixtures.creditCode("11520000"),
                        "regionCode",
                        "520102",
                        "contactName",
                        "李明",
                        "contactPhone",
                        "13800000000",
                        "admin",
                        Map.of("username", Fixtures.username("r"), "password", "Secret123")),
                operator);
        assertEquals(400, noScope.status());
        assertTrue(noScope.violatedFields().containsAll(List.of("departmentKind", "scopeRegionCode")));
    }
}
