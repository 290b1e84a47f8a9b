package cn.huinong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.Organizations;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /health tells everyone the status; only operators see what is behind it (JDBC URL, versions, backlog). */
@MicronautTest(transactional = false)
class HealthVisibilityTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Test
    void showsOnlyTheStatusToAnonymousCallersAndBuyers() {
        Api api = new Api(client);
        String buyer = api.login(Fixtures.provisioned(organizations, OrganizationKind.BUYER), Fixtures.PASSWORD);
        String supplier = api.login(Fixtures.provisioned(organizations, OrganizationKind.SUPPLIER), Fixtures.PASSWORD);
        for (String token : new String[] {null, buyer, supplier}) {
            Api.Response r = api.get("/health", token);
            assertEquals(200, r.status(), r.body().toString());
            assertTrue(r.body().containsKey("status"), r.body().toString());
            assertFalse(r.body().containsKey("details"), "details hidden: " + r.body());
            assertFalse(r.body().toString().contains("jdbc:"), r.body().toString());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsTheDetailsToOperators() {
        Api api = new Api(client);
        String operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);
        Api.Response r = api.get("/health", operator);
        assertEquals(200, r.status(), r.body().toString());
        Map<String, Object> details = (Map<String, Object>) r.get("details");
        assertTrue(
                details != null && details.containsKey("jdbc") && details.containsKey("elasticsearch"),
                r.body().toString());
        Map<String, Object> es =
                (Map<String, Object>) ((Map<String, Object>) details.get("elasticsearch")).get("details");
        assertTrue(es.containsKey("outboxBacklog"), es.toString());
        assertTrue(r.body().toString().contains("jdbc:postgresql:"), r.body().toString());
    }
}
