package cn.huinong.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.audit.AuditEventView;
import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.shared.PageQuery;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import cn.huinong.support.SignIn;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Password change (PUT /me/password), the password rules, and the operators' one-time reset. */
@MicronautTest(transactional = false)
class PasswordTest {

    private static final String NEW_PASSWORD = "Ganzhou-2027";

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

    private Api.Response change(String token, String current, String next) {
        return api.put("/api/v1/me/password", Map.of("currentPassword", current, "newPassword", next), token);
    }

    private List<AuditEventView> entries(String action, String username) {
        return audit.search(new AuditQuery(null, action, "user", username, null, null), PageQuery.of(0, 10))
                .items();
    }

    @Test
    void changingThePasswordRetiresTheOldOne() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        String token = api.login(username, Fixtures.PASSWORD);
        assertEquals(204, change(token, Fixtures.PASSWORD, NEW_PASSWORD).status());

        assertEquals(
                401,
                SignIn.login(api, username, Fixtures.PASSWORD, SignIn.freshAddress())
                        .status());
        assertEquals(
                200,
                SignIn.login(api, username, NEW_PASSWORD, SignIn.freshAddress()).status());
        assertEquals(200, api.get("/api/v1/me", token).status(), "the session that changed it goes on");
        assertEquals(1, entries("PASSWORD_CHANGED", username).size());
    }

    @Test
    void changingThePasswordEndsTheUsersOtherSessions() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.SUPPLIER);
        String here = api.login(username, Fixtures.PASSWORD);
        String elsewhere = api.login(username, Fixtures.PASSWORD);
        assertEquals(204, change(here, Fixtures.PASSWORD, NEW_PASSWORD).status());
        assertEquals(401, api.get("/api/v1/me", elsewhere).status());
        assertEquals(200, api.get("/api/v1/me", here).status());
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        String token = api.login(username, Fixtures.PASSWORD);
        Api.Response r = change(token, "Not-the-password-9", NEW_PASSWORD);
        assertEquals(400, r.status());
        assertEquals(List.of("currentPassword"), r.violatedFields());
        assertEquals("当前密码不正确", r.violations().get(0).get("message"));
        assertEquals(
                200,
                SignIn.login(api, username, Fixtures.PASSWORD, SignIn.freshAddress())
                        .status());
        assertEquals(200, api.get("/api/v1/me", token).status(), "a wrong current password does not end the session");
    }

    @Test
    void theRulesAreExplainedInChinese() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        String token = api.login(username, Fixtures.PASSWORD);

        Api.Response shortAndPlain = change(token, Fixtures.PASSWORD, "abc12");
        assertEquals(400, shortAndPlain.status());
        assertEquals("application/problem+json", shortAndPlain.contentType());
        List<String> messages = shortAndPlain.violations().stream()
                .map(v -> (String) v.get("message"))
                .toList();
        assertEquals(List.of("密码至少需要8位", "密码须包含大写字母、小写字母、数字、符号中的至少三类"), messages);
        assertEquals(List.of("newPassword", "newPassword"), shortAndPlain.violatedFields());

        Api.Response withName = change(token, Fixtures.PASSWORD, "X1-" + username.toUpperCase());
        assertEquals(400, withName.status());
        assertEquals(
                List.of("密码不能包含用户名"),
                withName.violations().stream().map(v -> v.get("message")).toList());

        assertEquals(400, change(token, Fixtures.PASSWORD, "lowercase-only").status(), "two classes are not enough");
        assertEquals(204, change(token, Fixtures.PASSWORD, "lowercase-and-1").status(), "three are");
    }

    @Test
    void changingNeedsAToken() {
        assertEquals(401, change(null, Fixtures.PASSWORD, NEW_PASSWORD).status());
    }

    @Test
    void anOperatorResetIssuesAOneTimePasswordAndEndsAllSessions() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        String before = api.login(username, Fixtures.PASSWORD);
        String operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);

        Api.Response reset = api.post("/api/v1/users/" + username + "/password-reset", null, operator);
        assertEquals(200, reset.status(), reset.body().toString());
        String temporary = (String) reset.get("temporaryPassword");
        assertNotNull(reset.get("validUntil"));
        assertEquals(401, api.get("/api/v1/me", before).status(), "every session of the user ended");
        assertEquals(
                401,
                SignIn.login(api, username, Fixtures.PASSWORD, SignIn.freshAddress())
                        .status());

        Api.Response signedIn = SignIn.login(api, username, temporary, SignIn.freshAddress());
        assertEquals(200, signedIn.status(), signedIn.body().toString());
        assertEquals(true, signedIn.get("passwordChangeRequired"));
        String restricted = SignIn.token(signedIn);
        assertEquals(200, api.get("/api/v1/me", restricted).status());
        Api.Response elsewhere = api.get("/api/v1/quota/plans/2026", restricted);
        assertEquals(403, elsewhere.status(), "nothing but the password change until it is done");
        assertTrue(
                ((String) elsewhere.get("detail")).contains("请先修改密码"),
                elsewhere.body().toString());

        assertEquals(
                401,
                SignIn.login(api, username, temporary, SignIn.freshAddress()).status(),
                "the one-time password signs in once");

        assertEquals(204, change(restricted, temporary, NEW_PASSWORD).status());
        assertFalse(api.get("/api/v1/quota/plans/2026", restricted).status() == 403, "the session is full now");
        assertEquals(
                200,
                SignIn.login(api, username, NEW_PASSWORD, SignIn.freshAddress()).status());

        List<AuditEventView> resets = entries("PASSWORD_RESET", username);
        assertEquals(1, resets.size());
        assertFalse(resets.get(0).detail().toString().contains(temporary), "the one-time password is not audited");
    }

    @Test
    void onlyOperatorsReset() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        String buyer = api.login(username, Fixtures.PASSWORD);
        assertEquals(
                403,
                api.post("/api/v1/users/" + username + "/password-reset", null, buyer)
                        .status());
        String operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);
        assertEquals(
                404,
                api.post("/api/v1/users/nobody-" + username + "/password-reset", null, operator)
                        .status());
    }
}
