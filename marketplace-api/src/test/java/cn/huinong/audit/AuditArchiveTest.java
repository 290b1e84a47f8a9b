package cn.huinong.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.Organizations;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Retention: events past it go to gzip JSON lines, then leave PostgreSQL; the run is audited; recent ones stay put. */
@MicronautTest(transactional = false)
class AuditArchiveTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    AuditLog audit;

    @Inject
    Sql sql;

    @Inject
    TransactionOperations<Connection> tx;

    private void insert(String action, String resourceId, int daysAgo) {
        tx.executeWrite(s -> sql.update("""
                INSERT INTO audit_event (occurred_at, actor, action, resource_type, resource_id, detail, ip_address)
                VALUES (now() - make_interval(days => ?), 'test', ?, 'test', ?, '{"n": 1}'::jsonb, '192.0.2.1')""", daysAgo, action, resourceId));
    }

    private long count(String action) {
        return tx.executeRead(s -> sql.count("SELECT count(*) FROM audit_event WHERE action = ?", action));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventsPastTheRetentionAreArchivedThenDeletedAndTheRunIsAudited() throws IOException {
        String action =
                "TEST_ARCHIVE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        insert(action, "old-1", 420);
        insert(action, "old-2", 410);
        insert(action, "recent", 10);
        Api api = new Api(client);
        String operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);

        Api.Response run = api.post("/api/v1/audit-events/archive-runs", null, operator);
        assertEquals(200, run.status(), run.body().toString());
        assertTrue(
                ((Number) run.get("archivedEvents")).intValue() >= 2, run.body().toString());
        assertEquals(1, count(action), "only the recent event is left");

        List<String> lines = new ArrayList<>();
        for (String file : (List<String>) run.get("files")) {
            assertTrue(file.endsWith(".jsonl.gz"), file);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(Path.of(file))), StandardCharsets.UTF_8))) {
                r.lines().filter(l -> l.contains(action)).forEach(lines::add);
            }
        }
        assertEquals(2, lines.size(), "both old events are in the archive");
        assertTrue(
                lines.get(0).contains("\"resourceId\":\"old-1\"")
                        && lines.get(0).contains("\"ipAddress\":\"192.0.2.1\""),
                lines.get(0));

        var runs = audit.search(
                        new AuditQuery("system:audit-archive", "AUDIT_ARCHIVED", null, null, null, null),
                        PageQuery.of(0, 20))
                .items();
        assertTrue(
                runs.stream()
                        .anyMatch(e -> ((List<String>) run.get("files"))
                                .contains((String) e.detail().get("file"))),
                "the run is audited with its file");
    }

    @Test
    void recentEventsCannotBeDeletedEvenByTheArchiversRoute() {
        String action =
                "TEST_RECENT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        insert(action, "recent", 100);
        assertThrows(
                RuntimeException.class,
                () -> tx.executeWrite(s -> {
                    sql.update("SET LOCAL huinong.audit_archive = 'on'");
                    return sql.update("DELETE FROM audit_event WHERE action = ?", action);
                }));
        assertThrows(
                RuntimeException.class,
                () -> tx.executeWrite(s -> sql.update("UPDATE audit_event SET actor = 'x' WHERE action = ?", action)));
        assertEquals(1, count(action));
    }

    @Test
    void onlyOperatorsRunTheArchiver() {
        Api api = new Api(client);
        String buyer = api.login(Fixtures.provisioned(organizations, OrganizationKind.BUYER), Fixtures.PASSWORD);
        assertEquals(
                403, api.post("/api/v1/audit-events/archive-runs", null, buyer).status());
    }

    @Test
    void aRetentionShorterThan180DaysStopsTheApplication() {
        Exception e = assertThrows(Exception.class, () -> {
            try (ApplicationContext ctx = ApplicationContext.run(
                    Map.of("huinong.audit.retention", "90d", "micronaut.server.port", -1), "test")) {
                ctx.getEnvironment(); // started: the check happens at startup
            }
        });
        Throwable t = e;
        StringBuilder messages = new StringBuilder();
        while (t != null) {
            messages.append(t.getMessage()).append('\n');
            t = t.getCause();
        }
        assertTrue(messages.toString().contains("at least 180 days"), messages.toString());
    }
}
