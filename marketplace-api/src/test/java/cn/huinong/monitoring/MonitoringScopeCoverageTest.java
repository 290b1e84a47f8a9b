package cn.huinong.monitoring;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.QuotaFixtures;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A guard for endpoints still to come: every GET route under /api/v1/monitoring, found through the router rather
 * than listed by hand, refuses a region outside the caller's scope (403) in every format it offers (JSON, CSV, XLSX,
 * HTML), while the operator reaches it; a format it does not offer is bad input (400) whatever the region. MonitoringTest and SupplySideTest check the figures and finer scope rules per endpoint.
 */
@MicronautTest(transactional = false)
class MonitoringScopeCoverageTest {

    static final String QUERY = "?year=2025&half=1&days=30&region=";
    static final List<String> FORMATS = List.of("", "&format=csv", "&format=xlsx", "&format=html");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    @Inject
    Organizations organizations;

    @Test
    void everyMonitoringReadRefusesRegionsOutsideTheScopeInEveryFormat() {
        List<String> paths = router.uriRoutes()
                .filter(r -> r.getHttpMethod() == HttpMethod.GET)
                .map(r -> r.getUriMatchTemplate().toString())
                .filter(p -> p.startsWith("/api/v1/monitoring/") && !p.contains("{"))
                .distinct()
                .sorted()
                .toList();
        assertTrue(paths.size() >= 6, "monitoring routes found: " + paths);

        Api api = new Api(client);
        String guizhou = QuotaFixtures.regulator(organizations, api, "520102", "520000");
        String operator = CatalogFixtures.operator(organizations, api);
        List<Executable> checks = new ArrayList<>();
        for (String path : paths) {
            for (String format : FORMATS) {
                // a format the endpoint does not offer is bad input (400) wherever the region is; any other answers
                int inside = status(path + QUERY + "520000" + format, guizhou);
                checks.add(() -> assertTrue(
                        inside == 200 || inside == 400 && !format.isEmpty(),
                        path + format + " inside the scope: " + inside));
                int refused = inside == 400 ? 400 : 403;
                for (String region : List.of("530000", "530102", "000000")) {
                    String url = path + QUERY + region + format;
                    checks.add(() -> assertEquals(refused, status(url, guizhou), url));
                }
                if (inside == 200) {
                    String anywhere = path + QUERY + "530000" + format;
                    checks.add(() -> assertEquals(200, status(anywhere, operator), anywhere));
                }
            }
        }
        assertAll(checks);
    }

    int status(String path, String token) {
        try {
            return client.toBlocking()
                    .exchange(HttpRequest.GET(path).bearerAuth(token), byte[].class)
                    .code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }
}
