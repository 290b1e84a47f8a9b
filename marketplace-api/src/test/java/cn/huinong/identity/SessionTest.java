package cn.huinong.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Sessions live in PostgreSQL: logout and revocation hold on every instance; an idle session ends. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionTest {

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

    /** A second app instance on the same database, as production runs several behind a proxy. */
    EmbeddedServer second;

    HttpClient secondClient;
    Api api;
    Api other;

    @BeforeAll
    void startSecondInstance() {
        second = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), "test");
        secondClient = second.getApplicationContext().createBean(HttpClient.class, second.getURL());
    }

    @AfterAll
    void stopSecondInstance() {
        secondClient.close();
        second.close();
    }

    @BeforeEach
    void setUp() {
        api = new Api(client);
        other = new Api(secondClient);
    }

    private static String jtiOf(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        int at = claims.indexOf("\"jti\":\"");
        return claims.substring(at + 7, claims.indexOf('"', at + 7));
    }

    @Test
    void aLoggedOutTokenIsRefusedOnEveryInstance() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        String token = api.login(username, Fixtures.PASSWORD);
        assertEquals(200, api.get("/api/v1/me", token).status());
        assertEquals(200, other.get("/api/v1/me", token).status(), "the second instance accepts it too");

        assertEquals(204, api.post("/api/v1/auth/logout", null, token).status());

        Api.Response here = api.get("/api/v1/me", token);
        Api.Response there = other.get("/api/v1/me", token);
        assertEquals(401, here.status());
        assertEquals(401, there.status(), "logout on one instance holds on the other");
        assertEquals("application/problem+json", there.contentType());
        assertEquals(
                1,
                audit.search(new AuditQuery(username, "LOGOUT", "user", username, null, null), PageQuery.of(0, 5))
                        .items()
                        .size());
        assertEquals(
                200,
                other.get("/api/v1/me", api.login(username, Fixtures.PASSWORD)).status(),
                "a new sign-in works");
    }

    @Test
    void logoutNeedsAToken() {
        assertEquals(401, api.post("/api/v1/auth/logout", null, null).status());
    }

    @Test
    void anOperatorEndsAllOfAUsersSessions() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.SUPPLIER);
        String first = api.login(username, Fixtures.PASSWORD);
        String secondToken = other.login(username, Fixtures.PASSWORD);
        String operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);

        Api.Response revoked = other.post("/api/v1/users/" + username + "/session-revocation", null, operator);
        assertEquals(200, revoked.status(), revoked.body().toString());
        assertEquals(2, ((Number) revoked.get("sessionsEnded")).intValue());
        assertEquals(401, api.get("/api/v1/me", first).status());
        assertEquals(401, api.get("/api/v1/me", secondToken).status());
        assertEquals(200, api.get("/api/v1/me", operator).status(), "the operator's own session is untouched");
        assertEquals(
                1,
                audit.search(new AuditQuery(null, "SESSIONS_REVOKED", "user", username, null, null), PageQuery.of(0, 5))
                        .items()
                        .size());
    }

    @Test
    void aSessionIdleForLongerThanTheTimeoutEnds() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        String token = api.login(username, Fixtures.PASSWORD);
        assertEquals(200, api.get("/api/v1/me", token).status());
        // 31 minutes without a request (idle-timeout is 30m)
        tx.executeWrite(s -> sql.update(
                "UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE jti = ?", jtiOf(token)));
        Api.Response idle = other.get("/api/v1/me", token);
        assertEquals(401, idle.status());
        assertTrue(((String) idle.get("detail")).contains("登录已失效"), idle.body().toString());
        assertEquals(401, api.get("/api/v1/me", token).status(), "and stays ended");
        assertEquals(
                1,
                audit.search(
                                new AuditQuery(null, "SESSION_IDLE_TIMEOUT", "user", username, null, null),
                                PageQuery.of(0, 5))
                        .items()
                        .size());
    }

    @Test
    void aSessionInUseStaysAliveAndIsWrittenAtMostOncePerMinute() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        String token = api.login(username, Fixtures.PASSWORD);
        String jti = jtiOf(token);
        Instant opened = lastSeen(jti);
        api.get("/api/v1/me", token);
        other.get("/api/v1/me", token);
        assertEquals(opened, lastSeen(jti), "requests within a minute write nothing");

        tx.executeWrite(s ->
                sql.update("UPDATE user_session SET last_seen_at = now() - interval '29 minutes' WHERE jti = ?", jti));
        Instant aged = lastSeen(jti);
        assertEquals(200, api.get("/api/v1/me", token).status(), "29 minutes idle is within the timeout");
        assertTrue(lastSeen(jti).isAfter(aged.plusSeconds(60)), "and the use is written");
    }

    private Instant lastSeen(String jti) {
        return tx.executeRead(s -> sql.one(
                        "SELECT last_seen_at FROM user_session WHERE jti = ?",
                        rs -> rs.getTimestamp(1).toInstant(),
                        jti)
                .orElseThrow());
    }
}
