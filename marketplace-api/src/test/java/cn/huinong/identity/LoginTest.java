package cn.huinong.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import cn.huinong.support.SignIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class LoginTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    private Api.Response login(String username, String password, String address) {
        MutableHttpRequest<?> request =
                HttpRequest.POST("/api/v1/auth/login", Map.of("username", username, "password", password));
        request.header("X-Forwarded-For", address);
        return api.send(request, null);
    }

    @Test
    void issuesABearerTokenCarryingRoleAndOrganisation() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.REGULATOR);
        Api.Response r = login(username, Fixtures.PASSWORD, SignIn.freshAddress());
        assertEquals(200, r.status(), r.body().toString());
        assertEquals("Bearer", r.get("tokenType"));
        assertEquals(8 * 3600, ((Number) r.get("expiresIn")).intValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) r.get("user");
        assertEquals(username, user.get("username"));
        assertEquals(List.of("REGULATOR"), user.get("roles"));
        assertNotNull(user.get("organizationId"));

        String[] jwt = ((String) r.get("accessToken")).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"roles\":[\"REGULATOR\"]"), claims);
        assertTrue(claims.contains("\"organizationId\":" + user.get("organizationId")), claims);
        assertTrue(claims.contains("\"sub\":\"" + username + "\""), claims);
        assertTrue(claims.matches(".*\"jti\":\"[A-Za-z0-9_-]{32}\".*"), "a session id: " + claims);
    }

    @Test
    void theFourRolesEachGetTheirOwnRole() {
        for (OrganizationKind kind : OrganizationKind.values()) {
            String token = api.login(Fixtures.provisioned(organizations, kind), Fixtures.PASSWORD);
            assertEquals(List.of(kind.name()), api.get("/api/v1/me", token).get("roles"));
        }
    }

    @Test
    void wrongPasswordAndUnknownUserLookAlike() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        String address = SignIn.freshAddress();
        Api.Response wrong = login(username, "Wrong1234", address);
        Api.Response unknown = login("nobody-" + username, "Wrong1234", address);
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.body(), unknown.body());
        assertEquals("用户名或密码错误", wrong.get("detail"));
    }

    @Test
    void aTamperedOrMissingTokenIs401() {
        String token = api.login(Fixtures.provisioned(organizations, OrganizationKind.BUYER), Fixtures.PASSWORD);
        assertEquals(200, api.get("/api/v1/me", token).status());
        Api.Response tampered = api.get("/api/v1/me", token.substring(0, token.length() - 2) + "xx");
        assertEquals(401, tampered.status());
        assertEquals("application/problem+json", tampered.contentType());
        assertEquals(401, api.get("/api/v1/me", null).status());
    }

    @Test
    void throttlesAnAddressThatTriesManyAccounts() {
        String address = SignIn.freshAddress();
        for (int i = 0; i < 30; i++) {
            assertEquals(
                    401,
                    login("guess-" + i + "-" + Fixtures.username("x"), "Wrong1234", address)
                            .status());
        }
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        Api.Response blocked = login(username, Fixtures.PASSWORD, address);
        assertEquals(429, blocked.status());
        assertTrue(((String) blocked.get("detail")).contains("该地址登录失败次数过多"));
        assertEquals(
                200,
                login(username, Fixtures.PASSWORD, SignIn.freshAddress()).status(),
                "other addresses are unaffected");
    }

    @Test
    void loginValidatesItsBody() {
        Api.Response r = api.post("/api/v1/auth/login", Map.of("username", ""), null);
        assertEquals(400, r.status());
        assertEquals(List.of("password", "username"), r.violatedFields());
    }
}
