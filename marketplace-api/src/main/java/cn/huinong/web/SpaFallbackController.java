package cn.huinong.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Unknown paths: the web UI's own routes (a browser asking for HTML) get index.html so that the
 * single-page app can route them; everything else gets a problem+json 404.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class SpaFallbackController {

    private final byte[] indexHtml;

    SpaFallbackController(ResourceResolver resources) {
        this.indexHtml = resources
                .getResourceAsStream("classpath:public/index.html")
                .map(SpaFallbackController::read)
                .orElse(null);
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        String path = request.getPath();
        boolean browserRoute = request.getMethod() == HttpMethod.GET
                && indexHtml != null
                && !path.startsWith("/api/")
                && !path.startsWith("/swagger/")
                && !path.startsWith("/health")
                && !path.contains(".")
                && request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
        if (browserRoute) {
            return HttpResponse.ok(indexHtml).contentType(MediaType.TEXT_HTML_TYPE);
        }
        return Problems.response(
                HttpStatus.NOT_FOUND,
                Problems.body(
                        Problems.typeFor(404), Problems.titleFor(404), 404, "请求的资源不存在：" + path, List.of(), Map.of()));
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
