package cn.huinong.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.Organizations;
import cn.huinong.shared.Actor;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AuditLogTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    AuditLog audit;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    Api api;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);
    }

    @Test
    void recordsWhoDidWhatToWhichResourceFromWhere() {
        Map<String, Object> body = Fixtures.registration("SUPPLIER");
        Api.Response created = api.send(
                HttpRequest.POST("/api/v1/organizations/registrations", body).header("X-Forwarded-For", "203.0.113.7"),
                null);
        String id = String.valueOf(created.get("id"));

        Api.Response page = api.get("/api/v1/audit-events?resourceType=organization&resourceId=" + id, operator);
        assertEquals(200, page.status());
        assertEquals(1, ((Number) page.get("total")).intValue());
        Map<String, Object> entry = page.items().get(0);
        assertEquals("ORGANIZATION_REGISTERED", entry.get("action"));
        assertEquals("anonymous", entry.get("actor"));
        assertEquals("203.0.113.7", entry.get("ipAddress"));
        assertTrue(entry.get("occurredAt") instanceof String);
    }

    @Test
    void filtersByActionAndActorAndPages() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.OPERATOR);
        Api.Response byActor =
                api.get("/api/v1/audit-events?actor=system:test&action=ORGANIZATION_PROVISIONED&size=1", operator);
        assertEquals(200, byActor.status());
        assertEquals(1, byActor.items().size());
        assertTrue(((Number) byActor.get("total")).intValue() >= 2);
        assertEquals(username, ((Map<?, ?>) byActor.items().get(0).get("detail")).get("adminUsername"), "newest first");
    }

    @Test
    void onlyOperatorsBrowseTheTrail() {
        String buyer = api.login(Fixtures.provisioned(organizations, OrganizationKind.BUYER), Fixtures.PASSWORD);
        assertEquals(403, api.get("/api/v1/audit-events", buyer).status());
        assertEquals(401, api.get("/api/v1/audit-events", null).status());
    }

    @Test
    void theTrailIsAppendOnly() {
        tx.executeWrite(s -> {
            audit.record(Actor.system("test"), "TEST_EVENT", "test", "1", Map.of("k", "v"));
            return null;
        });
        Exception e = assertThrows(
                Exception.class,
                () -> tx.executeWrite(s -> jdbc.prepareStatement(
                        "UPDATE audit_event SET actor = 'someone-else' WHERE action = 'TEST_EVENT'",
                        ps -> ps.executeUpdate())));
        assertTrue(String.valueOf(rootMessage(e)).contains("append-only"), rootMessage(e));
        assertThrows(
                Exception.class,
                () -> tx.executeWrite(s -> jdbc.prepareStatement(
                        "DELETE FROM audit_event WHERE action = 'TEST_EVENT'", ps -> ps.executeUpdate())));
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThrows(Exception.class, () -> audit.record(Actor.system("test"), "TEST_EVENT", "test", "2", Map.of()));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
