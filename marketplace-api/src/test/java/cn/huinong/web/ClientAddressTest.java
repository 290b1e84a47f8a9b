package cn.huinong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.shared.PageQuery;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test configuration trusts the proxy 127.0.0.1 (where the test client connects from): its headers are
 * read from the right, and the first hop that is not a trusted proxy is the client.
 */
@MicronautTest(transactional = false)
class ClientAddressTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AuditLog audit;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    /** The address the audit trail recorded for an anonymous registration sent with these headers. */
    private String auditedAddress(Map<String, String> headers) {
        MutableHttpRequest<?> request =
                HttpRequest.POST("/api/v1/organizations/registrations", Fixtures.registration("SUPPLIER"));
        headers.forEach(request::header);
        Api.Response r = api.send(request, null);
        assertEquals(201, r.status(), r.body().toString());
        return audit.search(
                        new AuditQuery(
                                null,
                                "ORGANIZATION_REGISTERED",
                                "organization",
                                String.valueOf(r.get("id")),
                                null,
                                null),
                        PageQuery.of(0, 1))
                .items()
                .get(0)
                .ipAddress();
    }

    @Test
    void aTrustedProxysXForwardedForNamesTheClient() {
        assertEquals("203.0.113.7", auditedAddress(Map.of("X-Forwarded-For", "203.0.113.7")));
    }

    @Test
    void theRightmostUntrustedHopWinsOverWhatTheClientWroteItself() {
        // the client sent "X-Forwarded-For: 198.51.100.66"; our proxy appended the address it saw
        assertEquals("203.0.113.9", auditedAddress(Map.of("X-Forwarded-For", "198.51.100.66, 203.0.113.9")));
    }

    @Test
    void trustedHopsInTheChainAreSkipped() {
        assertEquals(
                "203.0.113.10", auditedAddress(Map.of("X-Forwarded-For", "198.51.100.66, 203.0.113.10, 127.0.0.1")));
    }

    @Test
    void forwardedIsReadToo() {
        assertEquals(
                "2001:db8:0:0:0:0:0:17",
                auditedAddress(Map.of("Forwarded", "for=198.51.100.66, for=\"[2001:db8::17]:4711\";proto=https")));
        assertEquals("203.0.113.11", auditedAddress(Map.of("Forwarded", "for=203.0.113.11:8080")));
    }

    @Test
    void aHopThatIsNoAddressLeavesTheProxysOwnAddress() {
        assertEquals("127.0.0.1", auditedAddress(Map.of("X-Forwarded-For", "203.0.113.12, evil.example.com")));
        assertEquals("127.0.0.1", auditedAddress(Map.of("Forwarded", "for=unknown")));
    }
}
