package cn.huinong.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.support.Api;
import cn.huinong.support.QuotaFixtures;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Security headers (ADR 11) on every kind of answer: an API route, a static file of the web UI, the single-page
 * app's fallback, the OpenAPI document and errors (404, 401, 400). API answers are never cached.
 */
@MicronautTest(transactional = false)
class SecurityHeadersTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    HttpResponse<?> exchange(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    static void secured(String what, HttpResponse<?> r, List<Executable> checks) {
        HttpHeaders h = r.getHeaders();
        checks.add(() -> assertEquals("nosniff", h.get("X-Content-Type-Options"), what));
        checks.add(() -> assertEquals("DENY", h.get("X-Frame-Options"), what));
        checks.add(() -> assertEquals("no-referrer", h.get("Referrer-Policy"), what));
        checks.add(() -> {
            String csp = h.get("Content-Security-Policy");
            assertTrue(csp != null, what + ": no CSP");
            assertTrue(csp.contains("default-src 'self'"), what + ": " + csp);
            assertTrue(
                    csp.contains("script-src 'self'") && !csp.contains("script-src 'self' 'unsafe"), what + ": " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), what + ": " + csp);
            assertTrue(csp.contains("object-src 'none'"), what + ": " + csp);
        });
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        String buyer =
                QuotaFixtures.unit(organizations, new Api(client), "520102").token();
        List<Executable> checks = new ArrayList<>();
        HttpResponse<?> me = exchange(HttpRequest.GET("/api/v1/me").bearerAuth(buyer));
        checks.add(() -> assertEquals(200, me.code()));
        secured("API route", me, checks);
        checks.add(() -> assertTrue(
                String.valueOf(me.getHeaders().get("Cache-Control")).contains("no-store"),
                "API answers with personal data are not cached: "
                        + me.getHeaders().get("Cache-Control")));

        HttpResponse<?> icon = exchange(HttpRequest.GET("/favicon.svg"));
        checks.add(() -> assertEquals(200, icon.code(), "static file"));
        secured("static file", icon, checks);

        HttpResponse<?> spa = exchange(HttpRequest.GET("/buyer/quota").accept("text/html"));
        checks.add(() -> assertEquals(200, spa.code(), "SPA fallback"));
        checks.add(() ->
                assertTrue(new String((byte[]) spa.getBody(byte[].class).orElseThrow()).contains("<div id=\"app\">")));
        secured("SPA fallback", spa, checks);

        HttpResponse<?> index = exchange(HttpRequest.GET("/").accept("text/html"));
        secured("index.html", index, checks);
        secured("OpenAPI document", exchange(HttpRequest.GET("/swagger/huinong-market-api-1.yml")), checks);

        HttpResponse<?> notFound = exchange(HttpRequest.GET("/api/v1/no-such-thing"));
        checks.add(() -> assertEquals(404, notFound.code()));
        secured("404", notFound, checks);
        HttpResponse<?> unauthenticated = exchange(HttpRequest.GET("/api/v1/me"));
        checks.add(() -> assertEquals(401, unauthenticated.code()));
        secured("401", unauthenticated, checks);
        HttpResponse<?> bad = exchange(HttpRequest.GET("/api/v1/catalog/search?q=%00"));
        checks.add(() -> assertEquals(400, bad.code()));
        secured("400", bad, checks);
        checks.add(() ->
                assertTrue(String.valueOf(bad.getHeaders().get("Cache-Control")).contains("no-store")));
        assertAll(checks);
    }

    @Test
    void theIndexPageHasNoInlineScriptForTheCspToAllow() {
        HttpResponse<?> index = exchange(HttpRequest.GET("/").accept("text/html"));
        String html = new String((byte[]) index.getBody(byte[].class).orElseThrow());
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("(?s)<script([^>]*)>(.*?)</script>")
                .matcher(html);
        int scripts = 0;
        while (script.find()) {
            scripts++;
            assertTrue(script.group(1).contains("src="), "inline script in index.html: " + script.group());
            assertTrue(script.group(2).isBlank(), "inline script body in index.html: " + script.group());
        }
        assertTrue(scripts > 0, html);
        assertFalse(
                java.util.regex.Pattern.compile("\\son[a-z]+\\s*=")
                        .matcher(html)
                        .find(),
                "inline event handler");
    }
}
