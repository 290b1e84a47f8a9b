package cn.huinong.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.huinong.audit.AuditEventView;
import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import cn.huinong.support.SignIn;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every sign-in, successful or not, leaves an audit entry: who (or what username), from where, outcome, reason. */
@MicronautTest(transactional = false)
class LoginAuditTest {

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

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    private List<AuditEventView> entries(String action, String resourceId) {
        return audit.search(new AuditQuery(null, action, "user", resourceId, null, null), PageQuery.of(0, 50))
                .items();
    }

    @Test
    void aSuccessfulLoginIsAuditedWithTheUserAndAddress() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        String address = SignIn.freshAddress();
        assertEquals(
                200, SignIn.login(api, username, Fixtures.PASSWORD, address).status());
        List<AuditEventView> ok = entries("LOGIN_SUCCEEDED", username);
        assertEquals(1, ok.size());
        assertEquals(username, ok.get(0).actor());
        assertEquals(address, ok.get(0).ipAddress());
        assertEquals("SUCCEEDED", ok.get(0).detail().get("outcome"));
        assertEquals("PASSWORD", ok.get(0).detail().get("factor"));
    }

    @Test
    void failuresAreAuditedWithAReasonAndNeverThePassword() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.SUPPLIER);
        String address = SignIn.freshAddress();
        String guess = "Guess-" + Fixtures.username("pw");
        assertEquals(401, SignIn.login(api, username, guess, address).status());
        List<AuditEventView> failed = entries("LOGIN_FAILED", username);
        assertEquals(1, failed.size());
        assertEquals("anonymous", failed.get(0).actor());
        assertEquals(address, failed.get(0).ipAddress());
        assertEquals("FAILED", failed.get(0).detail().get("outcome"));
        assertEquals("BAD_CREDENTIALS", failed.get(0).detail().get("reason"));
        assertEquals(username, failed.get(0).detail().get("username"));

        String nobody = Fixtures.username("nobody");
        assertEquals(401, SignIn.login(api, nobody, guess, address).status());
        assertEquals(
                "UNKNOWN_USER",
                entries("LOGIN_FAILED", nobody.toLowerCase(Locale.ROOT))
                        .get(0)
                        .detail()
                        .get("reason"));

        long mentions = tx.executeRead(
                st -> sql.count("SELECT count(*) FROM audit_event WHERE detail::text LIKE ?", "%" + guess + "%"));
        assertEquals(0, mentions, "the password tried is in no audit entry");
    }

    @Test
    void aThrottledAttemptIsAuditedAsSuch() {
        String username = Fixtures.provisioned(organizations, OrganizationKind.SUPPLIER);
        String address = SignIn.freshAddress();
        for (int i = 0; i < 3; i++) {
            SignIn.login(api, username, "Wrong-guess-1", address);
        }
        assertEquals(
                429, SignIn.login(api, username, Fixtures.PASSWORD, address).status());
        List<String> reasons = entries("LOGIN_FAILED", username).stream()
                .map(e -> (String) e.detail().get("reason"))
                .toList();
        assertEquals(List.of("THROTTLED", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS"), reasons);
        assertFalse(entries("LOGIN_FAILED", username).stream()
                .anyMatch(e -> e.detail().containsKey("password")));
    }
}
