package cn.huinong.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every answer: the web UI, its static files, the API, the OpenAPI document and every error
 * (ADR 11). The policy is the one the built Vue app satisfies: scripts only from this origin (Vite emits no inline
 * script), inline styles allowed (Element Plus sets style attributes; the 通报 preview is a self-contained page with
 * inline styles, shown in a sandboxed srcdoc frame that inherits this policy), images from this origin, data/blob
 * URLs and https (product images are links), no plug-ins, no framing by anyone. API answers are not cached.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
class SecurityHeadersFilter implements Ordered {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob: https:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @ResponseFilter
    void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpResponse<?> r = response;
        r.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        r.header("X-Content-Type-Options", "nosniff");
        r.header("X-Frame-Options", "DENY");
        r.header("Referrer-Policy", "no-referrer");
        r.header("Cross-Origin-Opener-Policy", "same-origin");
        r.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (request.getPath().startsWith("/api/") && !r.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            r.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    /** First in the chain, so that it also sees the answers that later filters give themselves (401, 400). */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
