package cn.huinong.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import cn.huinong.support.SignIn;
import cn.huinong.support.TotpCodes;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production rule: OPERATOR and REGULATOR users must enrol TOTP before they may use anything else. */
@MicronautTest(transactional = false)
@Property(name = "huinong.identity.mfa.required-roles", value = "OPERATOR,REGULATOR")
class TwoFactorRequiredTest {

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

    @Test
    void anOperatorWithoutTotpMayOnlyEnrol() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.OPERATOR);
        Api.Response login = SignIn.login(api, username, Fixtures.PASSWORD, SignIn.freshAddress());
        assertEquals(200, login.status());
        assertEquals(true, login.get("mfaEnrolmentRequired"));
        String token = SignIn.token(login);
        Api.Response refused = api.get("/api/v1/audit-events", token);
        assertEquals(403, refused.status());
        assertTrue(
                ((String) refused.get("detail")).contains("两步验证"),
                refused.body().toString());

        String secret = (String) api.post("/api/v1/me/mfa/totp", null, token).get("secret");
        assertEquals(
                200,
                api.post("/api/v1/me/mfa/totp/confirmation", Map.of("code", TotpCodes.now(secret)), token)
                        .status());
        assertEquals(200, api.get("/api/v1/audit-events", token).status(), "the same session may act once enrolled");
    }

    @Test
    void aRequiredSecondFactorCannotBeTurnedOff() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.REGULATOR);
        String token = SignIn.token(SignIn.login(api, username, Fixtures.PASSWORD, SignIn.freshAddress()));
        String secret = (String) api.post("/api/v1/me/mfa/totp", null, token).get("secret");
        assertEquals(
                200,
                api.post(
                                "/api/v1/me/mfa/totp/confirmation",
                                Map.of(
                                        "code",
                                        TotpCodes.at(
                                                secret, java.time.Instant.now().minusSeconds(30))),
                                token)
                        .status());
        Api.Response off = api.post("/api/v1/me/mfa/totp/removal", Map.of("code", TotpCodes.now(secret)), token);
        assertEquals(422, off.status(), off.body().toString());
    }

    @Test
    void otherRolesMayStillSignInWithAPassword() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        Api.Response login = SignIn.login(api, username, Fixtures.PASSWORD, SignIn.freshAddress());
        assertEquals(false, login.get("mfaEnrolmentRequired"));
        assertNotEquals(
                403, api.get("/api/v1/quota/plans/2026", SignIn.token(login)).status());
    }
}
