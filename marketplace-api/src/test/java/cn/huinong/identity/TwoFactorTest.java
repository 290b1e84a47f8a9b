package cn.huinong.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.shared.PageQuery;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import cn.huinong.support.SignIn;
import cn.huinong.support.TotpCodes;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TOTP (RFC 6238) as a second factor, offered to everyone (required for no role in the test configuration). */
@MicronautTest(transactional = false)
class TwoFactorTest {

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

    record Enrolled(String username, String secret, List<String> recoveryCodes) {}

    /** Signs in, binds TOTP and confirms it with the code of the previous time step (so the current one stays fresh). */
    @SuppressWarnings("unchecked")
    private Enrolled enrolled(OrganizationKind kind) {
        String username = Fixtures.provisioned(organizations, kind);
        String token = api.login(username, Fixtures.PASSWORD);
        Api.Response started = api.post("/api/v1/me/mfa/totp", null, token);
        assertEquals(200, started.status(), started.body().toString());
        String secret = (String) started.get("secret");
        Api.Response confirmed = api.post(
                "/api/v1/me/mfa/totp/confirmation",
                Map.of("code", TotpCodes.at(secret, Instant.now().minusSeconds(30))),
                token);
        assertEquals(200, confirmed.status(), confirmed.body().toString());
        return new Enrolled(username, secret, (List<String>) confirmed.get("recoveryCodes"));
    }

    @Test
    void enrolmentShowsASecretAndIsConfirmedByAFirstCode() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        String token = api.login(username, Fixtures.PASSWORD);
        Api.Response started = api.post("/api/v1/me/mfa/totp", null, token);
        assertEquals(200, started.status());
        String secret = (String) started.get("secret");
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        String uri = (String) started.get("otpauthUri");
        assertTrue(
                uri.startsWith("otpauth://totp/%E6%83%A0%E5%86%9C%E9%9B%86%E5%B8%82:" + username + "?secret=" + secret),
                uri);
        assertTrue(uri.contains("&issuer=%E6%83%A0%E5%86%9C%E9%9B%86%E5%B8%82"), uri);

        Api.Response wrong = api.post(
                "/api/v1/me/mfa/totp/confirmation",
                Map.of("code", "000000".equals(TotpCodes.now(secret)) ? "111111" : "000000"),
                token);
        assertEquals(400, wrong.status());
        assertEquals(List.of("code"), wrong.violatedFields());
        assertEquals(false, security(token).get("totpEnabled"), "not on before a right code");

        Api.Response confirmed =
                api.post("/api/v1/me/mfa/totp/confirmation", Map.of("code", TotpCodes.now(secret)), token);
        assertEquals(200, confirmed.status(), confirmed.body().toString());
        assertEquals(10, ((List<?>) confirmed.get("recoveryCodes")).size());
        assertEquals(true, security(token).get("totpEnabled"));
        assertEquals(10, ((Number) security(token).get("recoveryCodesLeft")).intValue());
        assertEquals(
                1,
                audit.search(new AuditQuery(username, "MFA_ENABLED", "user", username, null, null), PageQuery.of(0, 5))
                        .items()
                        .size());
        assertEquals(409, api.post("/api/v1/me/mfa/totp", null, token).status(), "already on");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> security(String token) {
        return (Map<String, Object>) api.get("/api/v1/me", token).get("security");
    }

    @Test
    void aUserWithTotpGetsAChallengeInsteadOfATokenAndSignsInWithACode() {
        Enrolled u = enrolled(OrganizationKind.BUYER);
        String address = SignIn.freshAddress();
        Api.Response first = SignIn.login(api, u.username(), Fixtures.PASSWORD, address);
        assertEquals(200, first.status(), first.body().toString());
        assertEquals(true, first.get("mfaRequired"));
        assertNull(first.get("accessToken"), "no token without the second factor");
        String challenge = (String) first.get("challenge");
        assertNotNull(challenge);
        assertEquals(401, api.get("/api/v1/me", challenge).status(), "a challenge is no token");

        Api.Response second = SignIn.totp(api, challenge, TotpCodes.now(u.secret()), address);
        assertEquals(200, second.status(), second.body().toString());
        String token = SignIn.token(second);
        assertEquals("Bearer", second.get("tokenType"));
        assertEquals(200, api.get("/api/v1/me", token).status());
        var ok = audit.search(
                        new AuditQuery(u.username(), "LOGIN_SUCCEEDED", "user", u.username(), null, null),
                        PageQuery.of(0, 5))
                .items();
        assertEquals("TOTP", ok.get(0).detail().get("factor"));
    }

    @Test
    void aWrongCodeIsRefusedAndAudited() {
        Enrolled u = enrolled(OrganizationKind.SUPPLIER);
        String address = SignIn.freshAddress();
        String challenge = (String)
                SignIn.login(api, u.username(), Fixtures.PASSWORD, address).get("challenge");
        String right = TotpCodes.now(u.secret());
        String wrong = right.equals("123456") ? "654321" : "123456";
        Api.Response refused = SignIn.totp(api, challenge, wrong, address);
        assertEquals(401, refused.status());
        assertEquals(
                "BAD_SECOND_FACTOR",
                audit.search(new AuditQuery(null, "LOGIN_FAILED", "user", u.username(), null, null), PageQuery.of(0, 5))
                        .items()
                        .get(0)
                        .detail()
                        .get("reason"));
        assertEquals(200, SignIn.totp(api, challenge, right, address).status(), "the challenge allows a few tries");
    }

    @Test
    void aUsedCodeIsNotAcceptedAgain() {
        Enrolled u = enrolled(OrganizationKind.BUYER);
        String address = SignIn.freshAddress();
        String code = TotpCodes.now(u.secret());
        String first = (String)
                SignIn.login(api, u.username(), Fixtures.PASSWORD, address).get("challenge");
        assertEquals(200, SignIn.totp(api, first, code, address).status());
        String again = (String)
                SignIn.login(api, u.username(), Fixtures.PASSWORD, address).get("challenge");
        assertEquals(401, SignIn.totp(api, again, code, address).status(), "a replayed code is refused");
        assertEquals(401, SignIn.totp(api, first, code, address).status(), "a used challenge is refused");
    }

    @Test
    void theChallengeBelongsToTheClientThatGotIt() {
        Enrolled u = enrolled(OrganizationKind.BUYER);
        String challenge = (String) SignIn.login(api, u.username(), Fixtures.PASSWORD, SignIn.freshAddress())
                .get("challenge");
        assertEquals(
                401,
                SignIn.totp(api, challenge, TotpCodes.now(u.secret()), SignIn.freshAddress())
                        .status());
    }

    @Test
    void aRecoveryCodeSignsInOnce() {
        Enrolled u = enrolled(OrganizationKind.BUYER);
        String address = SignIn.freshAddress();
        String recovery = u.recoveryCodes().get(3);
        String challenge = (String)
                SignIn.login(api, u.username(), Fixtures.PASSWORD, address).get("challenge");
        Api.Response ok = SignIn.totp(api, challenge, recovery.toUpperCase(), address);
        assertEquals(200, ok.status(), ok.body().toString());
        assertEquals(9, ((Number) security(SignIn.token(ok)).get("recoveryCodesLeft")).intValue());
        String again = (String)
                SignIn.login(api, u.username(), Fixtures.PASSWORD, address).get("challenge");
        assertEquals(401, SignIn.totp(api, again, recovery, address).status());
    }

    @Test
    void wrongCodesAreThrottledLikeWrongPasswords() {
        Enrolled u = enrolled(OrganizationKind.BUYER);
        String address = SignIn.freshAddress();
        String right = TotpCodes.now(u.secret());
        String wrong = right.equals("123456") ? "654321" : "123456";
        String challenge = (String)
                SignIn.login(api, u.username(), Fixtures.PASSWORD, address).get("challenge");
        // the password step counts until the code is right: 1 + 2 wrong codes = 3 failures
        assertEquals(401, SignIn.totp(api, challenge, wrong, address).status());
        assertEquals(401, SignIn.totp(api, challenge, wrong, address).status());
        assertEquals(429, SignIn.totp(api, challenge, right, address).status());
    }

    @Test
    void disablingNeedsACode() {
        Enrolled u = enrolled(OrganizationKind.BUYER);
        String address = SignIn.freshAddress();
        String challenge = (String)
                SignIn.login(api, u.username(), Fixtures.PASSWORD, address).get("challenge");
        String token =
                SignIn.token(SignIn.totp(api, challenge, u.recoveryCodes().get(0), address));
        Api.Response noCode = api.post(
                "/api/v1/me/mfa/totp/removal",
                Map.of("code", "000000".equals(TotpCodes.now(u.secret())) ? "111111" : "000000"),
                token);
        assertEquals(400, noCode.status());
        assertEquals(
                204,
                api.post("/api/v1/me/mfa/totp/removal", Map.of("code", TotpCodes.now(u.secret())), token)
                        .status());
        assertEquals(false, security(token).get("totpEnabled"));
        Api.Response plain = SignIn.login(api, u.username(), Fixtures.PASSWORD, SignIn.freshAddress());
        assertNotNull(plain.get("accessToken"), "password-only again");
        assertEquals(
                1,
                audit.search(
                                new AuditQuery(u.username(), "MFA_DISABLED", "user", u.username(), null, null),
                                PageQuery.of(0, 5))
                        .items()
                        .size());
    }

    @Test
    void aPasswordOnlyUserGetsTheTokenAsBefore() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.OPERATOR);
        Api.Response r = SignIn.login(api, username, Fixtures.PASSWORD, SignIn.freshAddress());
        assertEquals(200, r.status());
        assertNotNull(r.get("accessToken"));
        assertEquals("Bearer", r.get("tokenType"));
        assertEquals(false, r.get("mfaRequired"));
        assertEquals(false, r.get("mfaEnrolmentRequired"));
    }

    @Test
    void anOperatorResetsALostSecondFactor() {
        Enrolled u = enrolled(OrganizationKind.SUPPLIER);
        String address = SignIn.freshAddress();
        String challenge = (String)
                SignIn.login(api, u.username(), Fixtures.PASSWORD, address).get("challenge");
        String token =
                SignIn.token(SignIn.totp(api, challenge, u.recoveryCodes().get(0), address));
        String operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);

        assertEquals(
                204,
                api.post("/api/v1/users/" + u.username() + "/mfa-reset", null, operator)
                        .status());
        assertEquals(401, api.get("/api/v1/me", token).status(), "the user's sessions ended");
        assertNotNull(
                SignIn.login(api, u.username(), Fixtures.PASSWORD, SignIn.freshAddress())
                        .get("accessToken"),
                "password only until the user enrols again");
        assertEquals(
                409,
                api.post("/api/v1/users/" + u.username() + "/mfa-reset", null, operator)
                        .status());
        assertEquals(
                1,
                audit.search(new AuditQuery(null, "MFA_RESET", "user", u.username(), null, null), PageQuery.of(0, 5))
                        .items()
                        .size());
    }
}
