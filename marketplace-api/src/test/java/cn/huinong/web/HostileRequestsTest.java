package cn.huinong.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.DeclaredAccess;
import cn.huinong.support.Json;
import cn.huinong.support.Json.Raw;
import cn.huinong.support.OpenApiDocument;
import cn.huinong.support.OpenApiDocument.Operation;
import cn.huinong.support.OpenApiDocument.Parameter;
import cn.huinong.support.QuotaFixtures;
import cn.huinong.support.TableCounts;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile suite (issue 10): reads the served OpenAPI document and, for every operation, signed in with a role
 * the route declares (@Secured, from the router), sends malformed JSON, wrong types, control characters, huge
 * strings, negative and overflowing numbers into each body field, and bad path variables and query values. Every
 * answer must be below 500; every refusal problem+json without Java or framework internals; and a refused request
 * must leave the row count of every table (but the audit and sign-in throttling tables) as it was. Operations are
 * discovered, never listed: an operation added later is covered without touching this class.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsTest {

    static final List<String> BAD_PATH =
            List.of("abc", "-1", "0", "99999999999999999999", "%00", "%FF", "1.5", "%E2%80%AE", "%0A");
    static final List<String> BAD_QUERY =
            List.of("abc", "-1", "99999999999999999999", "%00", "%0A", "%FF%FE", "1e400", "x".repeat(3000));
    static final List<String> BAD_BODIES = List.of(
            "{",
            "[]",
            "null",
            "\"x\"",
            "{\"a\":}",
            "{}",
            "{} {}",
            "[".repeat(200) + "]".repeat(200),
            "{\"" + "k".repeat(1000) + "\":1}",
            "{\"a\":1,\"a\":2}");

    record Variant(
            String label, String path, String query, String body, MediaType contentType, MultipartBody multipart) {}

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    @Inject
    Organizations organizations;

    @Inject
    TableCounts counts;

    Api api;
    OpenApiDocument doc;
    Map<String, DeclaredAccess> routes;
    final Map<String, String> tokens = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();
    final Map<String, Integer> accepted = new TreeMap<>();
    Map<String, Long> snapshot;
    long horizon;
    int sent;
    int unsendable;

    @BeforeAll
    void setUp() {
        api = new Api(client);
        doc = new OpenApiDocument(client.toBlocking().retrieve("/swagger/huinong-market-api-1.yml"));
        routes = DeclaredAccess.of(router);
        tokens.put("BUYER", QuotaFixtures.unit(organizations, api, "520102").token());
        tokens.put("SUPPLIER", CatalogFixtures.supplier(organizations, api).token());
        tokens.put("REGULATOR", QuotaFixtures.regulator(organizations, api, "520102", "520000"));
        tokens.put("OPERATOR", CatalogFixtures.operator(organizations, api));
    }

    @Test
    void everyOperationSurvivesHostileInputWithoutAPartialWrite() {
        assertTrue(
                doc.operations().size() >= 80,
                "operations in the OpenAPI document: " + doc.operations().size());
        snapshot = counts.snapshot();
        horizon = counts.writeHorizon();
        for (Operation op : doc.operations()) {
            DeclaredAccess declared = routes.get(op.method() + " " + op.path());
            if (declared == null) {
                failures.add(op + ": documented but not routed");
                continue;
            }
            for (Variant v : variants(op)) {
                send(op, declared.callerRole(), v);
            }
        }
        for (String route : routes.keySet()) {
            if (doc.operations().stream().noneMatch(o -> route.equals(o.method() + " " + o.path()))) {
                failures.add(route + ": routed but not in the OpenAPI document");
            }
        }
        System.out.println("hostile requests sent: " + sent + " (" + unsendable
                + " refused by the client); accepted (2xx) per operation: " + accepted);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    List<Variant> variants(Operation op) {
        Map<String, String> path = new LinkedHashMap<>();
        for (Parameter p : op.in("path")) {
            path.put(p.name(), encode(String.valueOf(doc.plausible(p.name(), p.schema(), 0))));
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter p : op.in("query")) {
            if (p.required()) {
                query.put(p.name(), encode(String.valueOf(doc.plausible(p.name(), p.schema(), 0))));
            }
        }
        Object plausibleBody = op.hasJsonBody() ? doc.plausible(null, op.bodySchema(), 0) : null;
        String body = plausibleBody == null ? null : Json.write(plausibleBody);
        List<Variant> out = new ArrayList<>();
        for (String name : path.keySet()) {
            for (String bad : BAD_PATH) {
                Map<String, String> p = new LinkedHashMap<>(path);
                p.put(name, bad);
                out.add(new Variant(
                        "path " + name + "=" + bad,
                        fill(op.path(), p),
                        queryString(query),
                        body,
                        MediaType.APPLICATION_JSON_TYPE,
                        null));
            }
        }
        for (Parameter param : op.in("query")) {
            for (String bad : BAD_QUERY) {
                Map<String, String> q = new LinkedHashMap<>(query);
                q.put(param.name(), bad);
                out.add(new Variant(
                        "query " + param.name() + "=" + shorten(bad),
                        fill(op.path(), path),
                        queryString(q),
                        body,
                        MediaType.APPLICATION_JSON_TYPE,
                        null));
            }
        }
        if (op.hasJsonBody()) {
            for (String bad : BAD_BODIES) {
                out.add(new Variant(
                        "body " + shorten(bad),
                        fill(op.path(), path),
                        queryString(query),
                        bad,
                        MediaType.APPLICATION_JSON_TYPE,
                        null));
            }
            if (plausibleBody instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> base = (Map<String, Object>) map;
                fieldVariants(op, base, op.bodySchema(), base, "", path, query, out, 0);
            }
        }
        if (op.hasMultipartBody()) {
            for (String name : doc.properties(op.bodySchema()).keySet()) {
                MultipartBody.Builder b = MultipartBody.builder();
                for (String other : doc.properties(op.bodySchema()).keySet()) {
                    if (other.equals("file")) {
                        b.addPart(
                                "file",
                                "hostile.csv",
                                MediaType.of("text/csv"),
                                "名称\n测试\u0000\n".getBytes(StandardCharsets.UTF_8));
                    } else {
                        b.addPart(other, other.equals(name) ? "坏\u0000值" : "POVERTY_ALLEVIATED");
                    }
                }
                out.add(new Variant(
                        "multipart " + name + " with NUL",
                        fill(op.path(), path),
                        queryString(query),
                        null,
                        MediaType.MULTIPART_FORM_DATA_TYPE,
                        b.build()));
            }
            for (String fileName :
                    List.of("坏\u0085名.csv", "坏\u0000名.csv", "..%2F..%2Fetc%2Fpasswd", "x".repeat(1000) + ".csv")) {
                MultipartBody.Builder b = MultipartBody.builder();
                for (String other : doc.properties(op.bodySchema()).keySet()) {
                    if (other.equals("file")) {
                        b.addPart(
                                "file",
                                fileName,
                                MediaType.of("text/csv"),
                                "名称\n测试\n".getBytes(StandardCharsets.UTF_8));
                    } else {
                        b.addPart(other, "POVERTY_ALLEVIATED");
                    }
                }
                out.add(new Variant(
                        "multipart file name " + shorten(fileName),
                        fill(op.path(), path),
                        queryString(query),
                        null,
                        MediaType.MULTIPART_FORM_DATA_TYPE,
                        b.build()));
            }
            out.add(new Variant(
                    "multipart as JSON",
                    fill(op.path(), path),
                    queryString(query),
                    "{\"file\":1}",
                    MediaType.APPLICATION_JSON_TYPE,
                    null));
        }
        return out;
    }

    /** One variant per hostile value of each field (nested objects too), the other fields plausible. */
    @SuppressWarnings("unchecked")
    void fieldVariants(
            Operation op,
            Map<String, Object> root,
            Map<String, Object> schema,
            Map<String, Object> target,
            String prefix,
            Map<String, String> path,
            Map<String, String> query,
            List<Variant> out,
            int depth) {
        for (Map.Entry<String, Map<String, Object>> property :
                doc.properties(schema).entrySet()) {
            String name = property.getKey();
            Object original = target.get(name);
            for (Object bad : hostileValues(property.getValue())) {
                target.put(name, bad);
                out.add(new Variant(
                        "field " + prefix + name + "=" + shorten(String.valueOf(bad)),
                        fill(op.path(), path),
                        queryString(query),
                        Json.write(root),
                        MediaType.APPLICATION_JSON_TYPE,
                        null));
            }
            target.put(name, original);
            if (depth < 2 && original instanceof Map<?, ?> nested) {
                fieldVariants(
                        op,
                        root,
                        property.getValue(),
                        (Map<String, Object>) nested,
                        prefix + name + ".",
                        path,
                        query,
                        out,
                        depth + 1);
            }
        }
    }

    List<Object> hostileValues(Map<String, Object> schema) {
        List<Object> values = new ArrayList<>();
        values.add(null);
        if (schema.get("enum") instanceof List<?>) {
            values.addAll(List.of("NOT_A_VALUE", "own", "OWN\u0000", new Raw("0"), new Raw("[]")));
            return values;
        }
        switch (OpenApiDocument.type(schema)) {
            case "integer" ->
                values.addAll(List.of(
                        new Raw("\"abc\""),
                        -1,
                        0,
                        new Raw("9223372036854775808"),
                        new Raw("-9223372036854775809"),
                        new Raw("2147483648"),
                        new Raw("1e400"),
                        new Raw("1.5"),
                        new Raw("true")));
            case "number" ->
                values.addAll(List.of(
                        new Raw("\"abc\""),
                        -1,
                        new Raw("1e400"),
                        new Raw("-1e400"),
                        new Raw("99999999999999999999999999.999"),
                        new Raw("0.000000000000000000001")));
            case "boolean" -> values.addAll(List.of(new Raw("\"yes\""), new Raw("1")));
            case "array" ->
                values.addAll(List.of(
                        new Raw("\"x\""),
                        new Raw("[null]"),
                        new Raw("{}"),
                        new Raw("[" + String.join(",", java.util.Collections.nCopies(2000, "{}")) + "]")));
            case "object" -> values.addAll(List.of(new Raw("42"), new Raw("[]"), new Raw("\"x\"")));
            default ->
                values.addAll(List.of(
                        new Raw("{}"),
                        "坏\u0000值",
                        "\u001b[31m红\u0007",
                        "x".repeat(100_000),
                        new Raw("\"\\ud800\""),
                        "",
                        "   ",
                        "2026-02-30",
                        "-1",
                        "99999999999999999999"));
        }
        return values;
    }

    void send(Operation op, String role, Variant v) {
        String uri = v.path() + (v.query().isEmpty() ? "" : "?" + v.query());
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.valueOf(op.method()), uri);
        if (v.multipart() != null) {
            request.body(v.multipart()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
        } else if (v.body() != null && HttpMethod.permitsRequestBody(HttpMethod.valueOf(op.method()))) {
            request.body(v.body()).contentType(v.contentType());
        }
        request.header("Idempotency-Key", "hostile-" + (++sent));
        request.header("Stripe-Signature", "t=1,v1=0000");
        request.accept(MediaType.APPLICATION_JSON_TYPE);
        if (role != null) {
            request.bearerAuth(tokens.get(role));
        }
        String what = op + " [" + v.label() + "] as " + (role == null ? "anonymous" : role);
        HttpResponse<byte[]> r;
        try {
            r = client.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<byte[]> response = (HttpResponse<byte[]>) e.getResponse();
            r = response;
        } catch (IllegalArgumentException e) {
            unsendable++; // the HTTP client itself refuses to write it (e.g. a C0 control in a multipart file name)
            return;
        } catch (RuntimeException e) {
            failures.add(what + ": no answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return;
        }
        int status = r.code();
        String text = r.getBody(byte[].class)
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .orElse("");
        if (status >= 500) {
            failures.add(what + ": " + status + " " + shorten(text));
        } else if (status >= 400) {
            String type = r.getContentType().map(MediaType::toString).orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add(what + ": " + status + " is not problem+json (" + type + ")");
            }
            if (InputHygieneTest.INTERNALS.matcher(text).find()) {
                failures.add(what + ": " + status + " shows internals: " + shorten(text));
            }
            if (status == 401 && role != null) {
                failures.add(what + ": 401 for a signed-in " + role);
            }
        } else {
            accepted.merge(op.toString(), 1, Integer::sum);
            if (!op.method().equals("GET")) {
                System.out.println("hostile write accepted: " + what + " -> " + status);
            }
        }
        long now = counts.writeHorizon();
        if (now != horizon) {
            Map<String, Long> after = counts.snapshot();
            Map<String, String> changed = TableCounts.changes(snapshot, after);
            if (status >= 400 && !changed.isEmpty()) {
                failures.add(what + ": refused with " + status + " but wrote " + changed);
            }
            snapshot = after;
            horizon = counts.writeHorizon();
        }
    }

    static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        return path;
    }

    static String queryString(Map<String, String> query) {
        List<String> parts = new ArrayList<>();
        query.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join("&", parts);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String shorten(String s) {
        String flat = s.replace("\n", "\\n");
        return flat.length() <= 120 ? flat : flat.substring(0, 120) + "…(" + s.length() + ")";
    }
}
