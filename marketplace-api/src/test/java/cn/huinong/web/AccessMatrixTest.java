package cn.huinong.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogDb;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.DeclaredAccess;
import cn.huinong.support.Json;
import cn.huinong.support.OpenApiDocument;
import cn.huinong.support.OpenApiDocument.Operation;
import cn.huinong.support.OpenApiDocument.Parameter;
import cn.huinong.support.OrderingFixtures;
import cn.huinong.support.QuotaFixtures;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The access matrix (issue 10), generated from the router and the served OpenAPI document, never listed: every API
 * route x every caller (anonymous, BUYER, SUPPLIER, REGULATOR, OPERATOR) x the ids of resources that belong to other
 * organisations. Against what each route declares (@Secured): anonymous callers of a protected route get 401, a role
 * the route does not name gets 403, nobody gets 5xx, and no signed-in caller but an operator gets a 2xx for another
 * organisation's resource. The callers are fresh organisations that own nothing (the regulator is a finance
 * department of 西藏, 540000, where no test keeps data), so any id they are shown belongs to someone else. Path
 * variables that name catalog products ({@code productId}: a cart line) refer to the public catalog and are not
 * someone's resource; routes open to anonymous callers are public by declaration.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    @Inject
    Organizations organizations;

    @Inject
    CatalogDb db;

    Api api;
    OpenApiDocument doc;
    Map<String, DeclaredAccess> routes;
    final Map<String, String> tokens = new LinkedHashMap<>();
    final Map<String, Long> ownOrganization = new LinkedHashMap<>();
    final TreeSet<Long> foreignIds = new TreeSet<>();
    final List<String> failures = new ArrayList<>();
    int cells;

    @BeforeAll
    void setUp() {
        api = new Api(client);
        doc = new OpenApiDocument(client.toBlocking().retrieve("/swagger/huinong-market-api-1.yml"));
        routes = DeclaredAccess.of(router);
        String operator = CatalogFixtures.operator(organizations, api);
        // the victims: a supplier with a listed and a draft product, a brand, a certificate and an import; a unit
        // with an order, a plan and a ratio exception
        CatalogFixtures.Supplier supplier = CatalogFixtures.supplier(organizations, api);
        long listed = OrderingFixtures.listed(api, supplier, operator, 9_900, 50);
        long draft = CatalogFixtures.create(api, supplier.token(), CatalogFixtures.product());
        foreignIds.addAll(List.of(supplier.id(), listed, draft));
        foreignIds.add(id(api.post(
                "/api/v1/brands", Map.of("name", "矩阵品牌" + System.nanoTime(), "kind", "ENTERPRISE"), supplier.token())));
        foreignIds.add(id(api.post(
                "/api/v1/products/" + draft + "/certifications",
                Map.of(
                        "kind",
                        "GREEN_FOOD",
                        "number",
                        "GF5226342600" + (10 + (int) (System.nanoTime() % 90)),
                        "issuer",
                        "中国绿色食品发展中心",
                        "issuedOn",
                        "2026-01-05",
                        "expiresOn",
                        "2028-12-31"),
                supplier.token())));
        // an import refused for its content still has an id
        Object imported = api.send(
                        HttpRequest.POST(
                                        "/api/v1/products/imports",
                                        MultipartBody.builder()
                                                .addPart(
                                                        "file",
                                                        "p.csv",
                                                        MediaType.of("text/csv"),
                                                        "名称\n".getBytes(StandardCharsets.UTF_8))
                                                .build())
                                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                        supplier.token())
                .get("id");
        if (imported instanceof Number n) {
            foreignIds.add(n.longValue());
        }
        QuotaFixtures.Unit unit = QuotaFixtures.unit(organizations, api, "520102");
        foreignIds.add(unit.id());
        Api.Response checkout = OrderingFixtures.place(
                api,
                unit.token(),
                "matrix-" + System.nanoTime(),
                OrderingFixtures.checkout(OrderingFixtures.line(listed, 1)));
        OrderingFixtures.orders(checkout).forEach(o -> foreignIds.add(OrderingFixtures.id(o)));
        foreignIds.add(id(api.post(
                "/api/v1/quota/plans/2030/ratio-exceptions",
                Map.of("ratioPercent", 8, "reason", "食堂规模小"),
                unit.token())));
        // and the newest row of every table with an id: whatever other tests (or later modules) keep
        for (Map<String, Object> row : db.rows("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name = 'id' AND data_type IN ('bigint', 'integer')
                """)) {
            String table = (String) row.get("table_name");
            db.rows("SELECT max(id) AS id FROM \"" + table + "\"").stream()
                    .map(r -> r.get("id"))
                    .filter(v -> v instanceof Number)
                    .forEach(v -> foreignIds.add(((Number) v).longValue()));
        }
        foreignIds.removeIf(id -> id <= 0);
        caller("BUYER", QuotaFixtures.unit(organizations, api, "520103"));
        CatalogFixtures.Supplier attacker = CatalogFixtures.supplier(organizations, api);
        tokens.put("SUPPLIER", attacker.token());
        ownOrganization.put("SUPPLIER", attacker.id());
        String regulator = QuotaFixtures.regulator(organizations, api, "540102", "540000");
        tokens.put("REGULATOR", regulator);
        // its own organisation may carry the same number as another kind of resource: that is not "foreign"
        @SuppressWarnings("unchecked")
        Map<String, Object> regulatorOrg =
                (Map<String, Object>) api.get("/api/v1/me", regulator).get("organization");
        ownOrganization.put("REGULATOR", ((Number) regulatorOrg.get("id")).longValue());
        tokens.put("OPERATOR", operator);
    }

    void caller(String role, QuotaFixtures.Unit unit) {
        tokens.put(role, unit.token());
        ownOrganization.put(role, unit.id());
    }

    static long id(Api.Response r) {
        if (r.status() >= 300 || !(r.get("id") instanceof Number n)) {
            throw new AssertionError("setting up a victim resource failed: " + r.status() + " " + r.body());
        }
        return n.longValue();
    }

    static boolean namesAResource(String variable) {
        return !variable.equals("productId") && (variable.equals("id") || variable.endsWith("Id"));
    }

    @Test
    void everyRouteAnswersEveryRoleAsItDeclaresAndNeverAcrossOrganisations() {
        assertTrue(routes.size() >= 80, "routes: " + routes.size());
        for (Operation op : doc.operations()) {
            DeclaredAccess declared = routes.get(op.method() + " " + op.path());
            if (declared == null) {
                continue; // HostileRequestsTest reports documented routes that are not routed
            }
            List<String> idVariables = op.in("path").stream()
                    .map(Parameter::name)
                    .filter(AccessMatrixTest::namesAResource)
                    .toList();
            // anonymous: 401 unless the route is public
            long anyForeign = foreignIds.last();
            int anonymous = call(op, null, anyForeign);
            if (!declared.anonymous() && anonymous != 401) {
                failures.add(op + " anonymous: " + anonymous + " (declares " + declared.secured() + ")");
            }
            for (String role : DeclaredAccess.ROLES) {
                if (!declared.allows(role)) {
                    int status = call(op, role, anyForeign);
                    if (status != 403) {
                        failures.add(op + " as " + role + ": " + status + ", expected 403 (declares "
                                + declared.secured() + ")");
                    }
                    continue;
                }
                boolean operator = role.equals("OPERATOR");
                if (!idVariables.isEmpty()
                        && !declared.anonymous()
                        && (!operator || op.method().equals("GET"))) {
                    for (long id : foreignIds) {
                        if (id == ownOrganization.getOrDefault(role, -1L)) {
                            continue;
                        }
                        int status = call(op, role, id);
                        if (status >= 200 && status < 300 && !operator) {
                            failures.add(op + " as " + role + " with another organisation's id " + id + ": " + status);
                        }
                    }
                } else if (op.method().equals("GET")) {
                    call(op, role, anyForeign);
                }
            }
        }
        System.out.println("access matrix cells: " + cells + ", foreign ids: " + foreignIds);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    /** Sends the operation with plausible inputs and {@code id} in every id variable; records any 5xx. */
    int call(Operation op, String role, long id) {
        cells++;
        String path = op.path();
        for (Parameter p : op.in("path")) {
            String value = namesAResource(p.name()) || p.name().equals("productId")
                    ? String.valueOf(id)
                    : HostileRequestsTest.encode(String.valueOf(doc.plausible(p.name(), p.schema(), 0)));
            path = path.replace("{" + p.name() + "}", value);
        }
        List<String> query = new ArrayList<>();
        for (Parameter p : op.in("query")) {
            if (p.required()) {
                query.add(p.name() + "="
                        + HostileRequestsTest.encode(String.valueOf(doc.plausible(p.name(), p.schema(), 0))));
            }
        }
        MutableHttpRequest<Object> request = HttpRequest.create(
                HttpMethod.valueOf(op.method()), path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        if (op.hasJsonBody()) {
            request.body(Json.write(doc.plausible(null, op.bodySchema(), 0)))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        } else if (op.hasMultipartBody()) {
            request.body(MultipartBody.builder()
                            .addPart("file", "m.csv", MediaType.of("text/csv"), "名称\n".getBytes(StandardCharsets.UTF_8))
                            .build())
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
        }
        request.header("Idempotency-Key", "matrix-" + cells);
        // JSON first, anything else too: routes that write HTML or files are reached (not 406) and answer for access
        request.header("Accept", "application/json, */*;q=0.1");
        if (role != null) {
            request.bearerAuth(tokens.get(role));
        }
        int status;
        try {
            HttpResponse<byte[]> r = client.toBlocking().exchange(request, byte[].class);
            status = r.code();
        } catch (HttpClientResponseException e) {
            status = e.getResponse().code();
        }
        if (status >= 500) {
            failures.add(op + " as " + (role == null ? "anonymous" : role) + " with id " + id + ": " + status);
        }
        return status;
    }
}
