package cn.huinong.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** A self-registration whose admin username is taken (ADR 9): it answers like any other, an operator assigns one. */
@MicronautTest(transactional = false)
class TakenAdminUsernameTest {

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
    void aTakenUsernameAnswersLikeAnyOtherRegistration() {
        Map<String, Object> first = Fixtures.registration("SUPPLIER");
        Api.Response fresh = api.post(PATH, first, null);
        assertEquals(201, fresh.status());
        Map<String, Object> second = Fixtures.registration("SUPPLIER");
        second.put("admin", Map.of("username", Fixtures.usernameOf(first).toUpperCase(), "password", "Other-pass-2"));
        Api.Response taken = api.post(PATH, second, null);

        assertEquals(201, taken.status(), "an anonymous caller cannot tell that the username exists");
        assertEquals(fresh.body().keySet(), taken.body().keySet());
        assertEquals("PENDING", taken.get("status"));
        assertEquals(
                401,
                api.post(
                                "/api/v1/auth/login",
                                Map.of("username", Fixtures.usernameOf(first), "password", "Other-pass-2"),
                                null)
                        .status(),
                "and it gets no account of someone else's");
        OrganizationView o =
                organizations.find(((Number) taken.get("id")).longValue()).orElseThrow();
        assertEquals(
                Fixtures.usernameOf(first).toUpperCase(),
                o.pendingAdminUsername(),
                "the operators see that the applicant needs another username");
        assertEquals(
                null,
                organizations
                        .find(((Number) fresh.get("id")).longValue())
                        .orElseThrow()
                        .pendingAdminUsername());
    }

    @Test
    void theOperatorApprovesAnApplicantWhoseUsernameWasTakenUnderANewOne() {
        String operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);
        String existing = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        Map<String, Object> body = Fixtures.registration("SUPPLIER");
        body.put("admin", Map.of("username", existing, "password", "Applicant-2026"));
        long id = ((Number) api.post(PATH, body, null).get("id")).longValue();

        Api.Response without =
                api.post("/api/v1/organizations/" + id + "/decision", Map.of("decision", "APPROVE"), operator);
        assertEquals(422, without.status(), without.body().toString());
        assertEquals(List.of("adminUsername"), without.violatedFields());
        Api.Response stillTaken = api.post(
                "/api/v1/organizations/" + id + "/decision",
                Map.of("decision", "APPROVE", "adminUsername", existing),
                operator);
        assertEquals(409, stillTaken.status());

        String assigned = Fixtures.username("assigned");
        Api.Response approved = api.post(
                "/api/v1/organizations/" + id + "/decision",
                Map.of("decision", "APPROVE", "adminUsername", assigned),
                operator);
        assertEquals(200, approved.status(), approved.body().toString());
        assertEquals(null, approved.get("pendingAdminUsername"));
        assertEquals(
                200,
                api.post("/api/v1/auth/login", Map.of("username", assigned, "password", "Applicant-2026"), null)
                        .status(),
                "the applicant signs in with the password chosen at registration");
        var decided = audit.search(
                        new AuditQuery(null, "ORGANIZATION_APPROVED", "organization", String.valueOf(id), null, null),
                        PageQuery.of(0, 1))
                .items()
                .get(0);
        assertEquals(assigned, decided.detail().get("adminUsername"));
    }
}
