package cn.huinong.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import cn.huinong.support.SignIn;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Self-registrations are limited per client address (3 here; production: 10 an hour). */
@MicronautTest(transactional = false)
@Property(name = "huinong.identity.registration.max-per-address", value = "3")
class RegistrationLimitTest {

    @Inject
    @Client("/")
    HttpClient client;

    private int register(Api api, String address) {
        return api.send(
                        SignIn.from(
                                HttpRequest.POST(
                                        "/api/v1/organizations/registrations", Fixtures.registration("SUPPLIER")),
                                address),
                        null)
                .status();
    }

    @Test
    void oneAddressRegistersOnlySoManyOrganisations() {
        Api api = new Api(client);
        String address = SignIn.freshAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(201, register(api, address), "registration " + (i + 1));
        }
        Api.Response refused = api.send(
                SignIn.from(
                        HttpRequest.POST("/api/v1/organizations/registrations", Fixtures.registration("SUPPLIER")),
                        address),
                null);
        assertEquals(429, refused.status());
        assertEquals("urn:huinong:problem:rate-limited", refused.get("type"));
        assertEquals(201, register(api, SignIn.freshAddress()), "other addresses are not affected");
    }
}
