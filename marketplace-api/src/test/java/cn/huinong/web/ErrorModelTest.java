package cn.huinong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.support.Api;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ErrorModelTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    @Test
    void unknownApiPathsAre404ProblemJson() {
        Api.Response r = api.get("/api/v1/no-such-thing", null);
        assertEquals(404, r.status());
        assertEquals("application/problem+json", r.contentType());
        assertEquals("urn:huinong:problem:not-found", r.get("type"));
        assertEquals("资源不存在", r.get("title"));
        assertEquals(404, ((Number) r.get("status")).intValue());
    }

    @Test
    void wrongMethodIs405ProblemJson() {
        Api.Response r = api.send(HttpRequest.DELETE("/api/v1/auth/login"), null);
        assertEquals(405, r.status());
        assertEquals("application/problem+json", r.contentType());
        assertEquals("不支持该请求方法", r.get("title"));
    }

    @Test
    void protectedEndpointsWithoutATokenAre401ProblemJson() {
        Api.Response r = api.get("/api/v1/me", null);
        assertEquals(401, r.status());
        assertEquals("application/problem+json", r.contentType());
        assertEquals("未登录或登录已失效", r.get("title"));
    }

    @Test
    void badQueryParametersAre400WithoutInternals() {
        Api.Response r = api.get("/api/v1/regions?level=GALAXY", null);
        assertEquals(400, r.status());
        assertEquals("application/problem+json", r.contentType());
        String detail = (String) r.get("detail");
        assertFalse(detail.contains("Exception"), detail);
        assertFalse(detail.contains("\tat "), detail);
    }

    @Test
    void wrongContentTypeIsAProblemToo() {
        Api.Response r = api.send(
                HttpRequest.POST("/api/v1/auth/login", "username=x")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE),
                null);
        assertTrue(r.status() == 400 || r.status() == 415, String.valueOf(r.status()));
        assertEquals("application/problem+json", r.contentType());
    }

    @Test
    void theHealthEndpointAnswersAnonymously() {
        Api.Response r = api.get("/health", null);
        assertEquals(200, r.status());
        assertEquals("UP", r.get("status"));
    }

    @Test
    void theOpenApiDocumentIsServed() {
        String yml = client.toBlocking().retrieve("/swagger/huinong-market-api-1.yml");
        assertTrue(yml.contains("/api/v1/auth/login"));
        assertTrue(yml.contains("/api/v1/organizations/registrations"));
        assertTrue(yml.contains("/api/v1/regions/{code}/children"));
    }

    @Test
    void problemBodiesAlwaysCarryTheFourMembers() {
        for (Map<String, Object> body : new Map[] {
            api.get("/api/v1/nope", null).body(), api.get("/api/v1/me", null).body()
        }) {
            assertTrue(
                    body.keySet().containsAll(java.util.List.of("type", "title", "status", "detail")), body.toString());
        }
    }
}
