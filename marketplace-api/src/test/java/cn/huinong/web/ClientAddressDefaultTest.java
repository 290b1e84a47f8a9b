package cn.huinong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.shared.PageQuery;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without trusted proxies (the production default) the client address is the socket's, whatever the headers say. */
@MicronautTest(transactional = false)
@Property(name = "huinong.http.trusted-proxies", value = "")
class ClientAddressDefaultTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AuditLog audit;

    @Test
    void proxyHeadersAreIgnoredWhenNoProxyIsTrusted() {
        Map<String, Object> body = Fixtures.registration("SUPPLIER");
        Api.Response r = new Api(client)
                .send(
                        HttpRequest.POST("/api/v1/organizations/registrations", body)
                                .header("X-Forwarded-For", "203.0.113.7")
                                .header("Forwarded", "for=203.0.113.8"),
                        null);
        assertEquals(201, r.status(), r.body().toString());
        String address = audit.search(
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
        assertEquals("127.0.0.1", address);
    }
}
