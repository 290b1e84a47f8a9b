package cn.huinong.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Throttling that a stranger cannot turn against the owner: delays per account AND client, an account-wide lock
 * only after many failures from many clients (configuration: 3 free failures, 30 s doubling; 30 failures from 10
 * clients lock for an hour).
 */
@MicronautTest(transactional = false)
class LoginThrottleTest {

    private static final String WRONG = "Wrong-guess-1";

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

    /** Time passes for one client's wait (the throttle reads the database's clock). */
    private void waitIsOver(String username, String address) {
        tx.executeWrite(s -> sql.update("""
                UPDATE login_throttle SET blocked_until = now() - interval '1 second'
                WHERE username_key = ? AND client_address = ?""", username.toLowerCase(Locale.ROOT), address));
    }

    @Test
    void aStrangersWrongPasswordsFromSeveralAddressesDoNotLockTheOwnerOut() {
        String owner = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        for (int client = 0; client < 4; client++) {
            String stranger = SignIn.freshAddress();
            for (int i = 0; i < 6; i++) {
                int status = SignIn.login(api, owner, WRONG, stranger).status();
                assertTrue(status == 401 || status == 429, "stranger's attempt " + i + ": " + status);
            }
        }
        Api.Response own = SignIn.login(api, owner, Fixtures.PASSWORD, SignIn.freshAddress());
        assertEquals(200, own.status(), own.body().toString());
    }

    @Test
    void theStrangerWaitsLongerAfterEachFurtherFailure() {
        String owner = Fixtures.provisioned(organizations, OrganizationKind.SUPPLIER);
        String stranger = SignIn.freshAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, SignIn.login(api, owner, WRONG, stranger).status(), "free attempt " + (i + 1));
        }
        Api.Response refused = SignIn.login(api, owner, Fixtures.PASSWORD, stranger);
        assertEquals(429, refused.status(), "even the right password waits: nothing is checked while blocked");
        assertEquals("30", refused.headers().get("Retry-After"));
        assertEquals("urn:huinong:problem:rate-limited", refused.get("type"));
        assertTrue(
                ((String) refused.get("detail")).contains("30秒"), refused.body().toString());

        waitIsOver(owner, stranger);
        assertEquals(401, SignIn.login(api, owner, WRONG, stranger).status());
        assertEquals("60", SignIn.login(api, owner, WRONG, stranger).headers().get("Retry-After"));
        waitIsOver(owner, stranger);
        assertEquals(401, SignIn.login(api, owner, WRONG, stranger).status());
        assertEquals("120", SignIn.login(api, owner, WRONG, stranger).headers().get("Retry-After"));

        assertEquals(
                200,
                SignIn.login(api, owner, Fixtures.PASSWORD, SignIn.freshAddress())
                        .status(),
                "the owner, from elsewhere, is not delayed");
    }

    @Test
    void aSuccessForgetsThatClientsFailures() {
        String owner = Fixtures.provisioned(organizations, OrganizationKind.SUPPLIER);
        String address = SignIn.freshAddress();
        for (int round = 0; round < 3; round++) {
            assertEquals(401, SignIn.login(api, owner, WRONG, address).status());
            assertEquals(401, SignIn.login(api, owner, WRONG, address).status());
            assertEquals(
                    200, SignIn.login(api, owner, Fixtures.PASSWORD, address).status(), "round " + round);
        }
    }

    @Test
    void unknownUsernamesAreThrottledTheSameWay() {
        String nobody = Fixtures.username("nobody");
        String address = SignIn.freshAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, SignIn.login(api, nobody, WRONG, address).status());
        }
        assertEquals(429, SignIn.login(api, nobody, WRONG, address).status());
    }

    private void failFromManyClients(String username, int clients, int attemptsEach) {
        for (int c = 0; c < clients; c++) {
            String address = SignIn.freshAddress();
            for (int i = 0; i < attemptsEach; i++) {
                SignIn.login(api, username, WRONG, address);
            }
        }
    }

    @Test
    void manyFailuresFromManyClientsLockTheAccountUntilAnOperatorLiftsIt() {
        String owner = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        String operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);
        failFromManyClients(owner, 9, 3);
        assertEquals(
                200,
                SignIn.login(api, owner, Fixtures.PASSWORD, SignIn.freshAddress())
                        .status(),
                "27 failures from 9 clients are not enough");
        // ten more clients: the tenth client's third failure is the 30th
        failFromManyClients(owner, 10, 3);

        Api.Response locked = SignIn.login(api, owner, Fixtures.PASSWORD, SignIn.freshAddress());
        assertEquals(429, locked.status(), locked.body().toString());
        assertTrue(
                ((String) locked.get("detail")).contains("已被临时锁定"),
                locked.body().toString());
        var lockEntries = audit.search(
                        new AuditQuery(null, "ACCOUNT_LOCKED", "user", owner.toLowerCase(Locale.ROOT), null, null),
                        PageQuery.of(0, 10))
                .items();
        assertEquals(1, lockEntries.size(), "the lock is audited once");

        Api.Response listed = api.get("/api/v1/users?locked=true&q=" + owner, operator);
        assertEquals(200, listed.status(), listed.body().toString());
        assertEquals(1, listed.items().size());
        assertEquals(owner, listed.items().get(0).get("username"));

        assertEquals(
                204,
                api.post("/api/v1/users/" + owner + "/unlock", null, operator).status());
        assertEquals(
                1,
                audit.search(
                                new AuditQuery(
                                        null, "ACCOUNT_UNLOCKED", "user", owner.toLowerCase(Locale.ROOT), null, null),
                                PageQuery.of(0, 10))
                        .items()
                        .size());
        assertEquals(
                200,
                SignIn.login(api, owner, Fixtures.PASSWORD, SignIn.freshAddress())
                        .status());
        assertEquals(
                409,
                api.post("/api/v1/users/" + owner + "/unlock", null, operator).status(),
                "no longer locked");
    }

    @Test
    void anAccountLockEndsByItself() {
        String owner = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        failFromManyClients(owner, 10, 3);
        assertEquals(
                429,
                SignIn.login(api, owner, Fixtures.PASSWORD, SignIn.freshAddress())
                        .status());
        tx.executeWrite(s -> sql.update(
                "UPDATE login_account_lock SET locked_until = now() - interval '1 second' " + "WHERE username_key = ?",
                owner.toLowerCase(Locale.ROOT)));
        assertEquals(
                200,
                SignIn.login(api, owner, Fixtures.PASSWORD, SignIn.freshAddress())
                        .status());
    }

    @Test
    void onlyOperatorsLiftLocks() {
        String owner = Fixtures.provisioned(organizations, OrganizationKind.BUYER);
        String buyer = api.login(owner, Fixtures.PASSWORD);
        assertEquals(
                403, api.post("/api/v1/users/" + owner + "/unlock", null, buyer).status());
    }
}
