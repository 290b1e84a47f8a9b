package cn.huinong.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogDb;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.Fixtures;
import cn.huinong.support.QuotaFixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * Input hygiene at the edge (ADR 11): control characters anywhere (JSON strings, query parameters, path variables)
 * are 400 with a violation naming the field, and reach no table; wrong types, unparsable numbers, bad enums and
 * dates are 400 in Chinese naming the field, never with Java type names; JSON bodies are limited (413), multipart
 * uploads may be larger.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputHygieneTest {

    /** What must never reach a caller: Java types, packages, framework and parser wording. */
    static final Pattern INTERNALS = Pattern.compile("java\\.|cn\\.huinong|io\\.micronaut|com\\.fasterxml|class |"
            + "Exception|Failed to convert|Cannot deserialize|Unexpected token|Error decoding|For input string|"
            + "Required [A-Z]\\w* \\[|\\bLong\\b|\\bInteger\\b|\\bString\\b|\\bLocalDate\\b|`");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    CatalogDb db;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    Api api;
    CatalogFixtures.Supplier supplier;
    QuotaFixtures.Unit unit;

    @BeforeAll
    void setUp() {
        api = new Api(client);
        supplier = CatalogFixtures.supplier(organizations, api);
        unit = QuotaFixtures.unit(organizations, api, "520102");
    }

    static Api.Response refused(Api.Response r, String field) {
        assertEquals(400, r.status(), r.body().toString());
        assertEquals("application/problem+json", r.contentType());
        assertEquals(List.of(field), r.violatedFields(), r.body().toString());
        noInternals(r);
        return r;
    }

    static void noInternals(Api.Response r) {
        String text = r.body().toString();
        assertFalse(INTERNALS.matcher(text).find(), text);
        assertTrue(String.valueOf(r.get("title")).codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), text);
    }

    long products() {
        return db.count("SELECT count(*) FROM product WHERE supplier_id = ?", supplier.id());
    }

    @Test
    void nulInAnyJsonStringIs400NamingTheFieldAndWritesNothing() {
        long before = products();
        Map<String, Object> product = CatalogFixtures.product();
        product.put("name", "雷山\u0000银球茶");
        Api.Response r = refused(api.post("/api/v1/products", product, supplier.token()), "name");
        assertTrue(String.valueOf(r.get("detail")).contains("U+0000"), r.body().toString());
        Map<String, Object> nested = CatalogFixtures.product();
        nested.put("imageUrls", List.of("https://img.example.cn/a.jpg", "https://img.example.cn/\u0000.jpg"));
        refused(api.post("/api/v1/products", nested, supplier.token()), "imageUrls[1]");
        assertEquals(before, products());

        Map<String, Object> registration = Fixtures.registration("BUYER");
        registration.put("admin", Map.of("username", "nul\u0000user", "password", Fixtures.PASSWORD));
        refused(api.post("/api/v1/organizations/registrations", registration, null), "admin.username");
        refused(api.post("/api/v1/auth/login", Map.of("username", "demo\u0000", "password", "x"), null), "username");
    }

    @Test
    void everyControlCharacterIsRefusedButLineBreaksAndTabsStayInText() {
        List<Executable> checks = new ArrayList<>();
        List<Character> refusedChars = new ArrayList<>();
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                refusedChars.add(c);
            }
        }
        refusedChars.add((char) 0x7F);
        for (char c = 0x80; c <= 0x9F; c++) {
            refusedChars.add(c);
        }
        for (char c : refusedChars) {
            Map<String, Object> plan = QuotaFixtures.plan("OWN", 1_000_000, 100_000);
            plan.put("note", "备注" + c + "结束");
            checks.add(() -> refused(api.put("/api/v1/quota/plans/2032", plan, unit.token()), "note"));
        }
        // an unpaired surrogate is no character at all
        Map<String, Object> broken = QuotaFixtures.plan("OWN", 1_000_000, 100_000);
        broken.put("contactName", "李\uD800明");
        checks.add(() -> refused(api.put("/api/v1/quota/plans/2032", broken, unit.token()), "contactName"));
        assertAll(checks);
        assertEquals(
                0, db.count("SELECT count(*) FROM quota_plan WHERE organization_id = ? AND year = 2032", unit.id()));
        Map<String, Object> multiLine = QuotaFixtures.plan("OWN", 1_000_000, 100_000);
        multiLine.put("note", "第一行\r\n第二行\t（制表）");
        Api.Response ok = api.put("/api/v1/quota/plans/2032", multiLine, unit.token());
        assertEquals(200, ok.status(), ok.body().toString());
        assertEquals("第一行\r\n第二行\t（制表）", ok.get("note"));
    }

    @Test
    void controlCharactersInQueryParametersAndPathVariablesAre400NamingThem() {
        refused(api.get("/api/v1/catalog/search?q=%E8%8C%B6%00", null), "q");
        // query parameters are single line: a line break is refused there
        refused(api.get("/api/v1/catalog/search?q=%E8%8C%B6%0A", null), "q");
        refused(api.get("/api/v1/regions/52%0001", null), "code");
        refused(api.get("/api/v1/products/1%00", null), "id");
        refused(api.get("/api/v1/quota/representative-candidates?year=2030&q=%1B%5B31m", unit.token()), "q");
    }

    /** A raw HTTP/1.1 request (no client library in between that would refuse the bytes): the whole answer. */
    String raw(String method, String path, String header, String body, String token) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            byte[] payload = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + payload.length + "\r\n" + header + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(payload);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void controlCharactersInABoundHeaderAreRefusedAndNothingIsStored() throws java.io.IOException {
        String body = "{\"lines\":[{\"productId\":1,\"quantity\":1}],\"deliveryAddress\":\"食堂\"}";
        long keys = db.count("SELECT count(*) FROM idempotency_key");
        // C0 controls and DEL are refused by the HTTP decoder itself; C1 controls arrive and are refused by name
        for (String key : List.of("ab\u0001cd", "ab\u007fcd", "ab\u0000cd", "ab\u0085cd", "ab\u009bcd")) {
            String answer = raw("POST", "/api/v1/orders", "Idempotency-Key: " + key, body, unit.token());
            char c = key.charAt(2);
            String what = "Idempotency-Key with " + TextRules.codePoint(c) + ": " + answer;
            assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("application/problem+json"), what);
            assertFalse(answer.contains("Bad Request\""), what);
            if (c >= 0x80) {
                assertTrue(answer.contains("\"field\":\"Idempotency-Key\""), what);
            }
        }
        assertEquals(keys, db.count("SELECT count(*) FROM idempotency_key"));
    }

    @Test
    void wrongTypesInAJsonBodyAreNamedInChinese() {
        Object[][] cases = {
            {"priceFen", "abc", "应为整数"},
            {"priceFen", 12.5, "应为整数"},
            {"priceFen", new BigInteger("100000000000000000000000000"), "数值超出范围"},
            {"stock", 1.5, "应为整数"},
            {"stock", 3_000_000_000L, "数值超出范围"},
            {"name", Map.of("zh", "茶"), "应为文本"},
            {"imageUrls", "https://img.example.cn/a.jpg", "应为数组"},
            {"imageUrls", List.of(Map.of()), "应为文本"},
        };
        List<Executable> checks = new ArrayList<>();
        for (Object[] c : cases) {
            Map<String, Object> body = CatalogFixtures.product();
            body.put((String) c[0], c[1]);
            String field = c[0].equals("imageUrls") && c[1] instanceof List ? "imageUrls[0]" : (String) c[0];
            checks.add(() -> {
                Api.Response r = refused(api.post("/api/v1/products", body, supplier.token()), field);
                assertTrue(
                        r.violations().get(0).get("message").toString().contains((String) c[2]),
                        r.body().toString());
            });
        }
        Map<String, Object> plan = QuotaFixtures.plan("KITCHEN", 1_000_000, 100_000);
        checks.add(() -> assertTrue(refused(api.put("/api/v1/quota/plans/2032", plan, unit.token()), "canteen")
                .violations()
                .get(0)
                .get("message")
                .toString()
                .contains("OWN")));
        Map<String, Object> flag = QuotaFixtures.plan("OWN", 1_000_000, 100_000);
        flag.put("unionPurchase", "yes");
        checks.add(() -> refused(api.put("/api/v1/quota/plans/2032", flag, unit.token()), "unionPurchase"));
        Map<String, Object> certificate = Map.of(
                "kind", "GREEN_FOOD", "number", "GF522634261234", "issuer", "中国绿色食品发展中心", "issuedOn", "2026-13-45");
        checks.add(() ->
                refused(api.post("/api/v1/products/1/certifications", certificate, supplier.token()), "issuedOn"));
        Map<String, Object> unknown = CatalogFixtures.product();
        unknown.put("pricefen", 1);
        checks.add(() -> refused(api.post("/api/v1/products", unknown, supplier.token()), "pricefen"));
        assertAll(checks);
    }

    @Test
    void unparsablePathAndQueryValuesNameTheParameter() {
        Map<String, Object> plan = QuotaFixtures.plan("OWN", 1_000_000, 100_000);
        assertTrue(refused(api.put("/api/v1/quota/plans/abc", plan, unit.token()), "year")
                .violations()
                .get(0)
                .get("message")
                .toString()
                .contains("应为整数"));
        assertTrue(refused(api.put("/api/v1/quota/plans/99999999999", plan, unit.token()), "year")
                .violations()
                .get(0)
                .get("message")
                .toString()
                .contains("超出范围"));
        refused(api.get("/api/v1/catalog/search?minPriceFen=abc", null), "minPriceFen");
        refused(api.get("/api/v1/catalog/search?size=99999999999", null), "size");
        refused(api.get("/api/v1/products/abc", null), "id");
        refused(api.get("/api/v1/quota/representative-candidates", unit.token()), "year");
    }

    @Test
    void malformedEmptyAndDeepBodiesAre400InChinese() {
        for (String body :
                List.of("{\"name\": ", "{} trailing", "[".repeat(5000) + "]".repeat(5000), "\"text\"", "{\"a\":1,}")) {
            Api.Response r = api.send(
                    HttpRequest.POST("/api/v1/products", body).contentType(MediaType.APPLICATION_JSON_TYPE),
                    supplier.token());
            assertEquals(400, r.status(), body.length() > 40 ? body.substring(0, 40) : body);
            noInternals(r);
        }
        Api.Response empty = api.send(
                HttpRequest.POST("/api/v1/products", "").contentType(MediaType.APPLICATION_JSON_TYPE),
                supplier.token());
        refused(empty, "body");
    }

    @Test
    void aValidBodyArrivingInManyChunksIsBoundAsSent() {
        // 300 KB of JSON whitespace: a legal body that reaches the server in many pieces
        String padding = " ".repeat(300_000);
        String body = "{" + padding + "\"canteen\": \"OWN\", \"annualCanteenProcurementFen\": 1000000," + padding
                + "\"reservedFen\": 100000, \"note\": \"分块到达\"}";
        Api.Response r = api.send(
                HttpRequest.PUT("/api/v1/quota/plans/2033", body).contentType(MediaType.APPLICATION_JSON_TYPE),
                unit.token());
        assertEquals(200, r.status(), r.body().toString());
        assertEquals("分块到达", r.get("note"));
    }

    @Test
    void jsonBodiesAreLimitedButUploadsMayBeLarger() {
        Map<String, Object> product = CatalogFixtures.product();
        product.put("description", "茶".repeat(600_000)); // 1.8 MB of UTF-8
        Api.Response r = api.post("/api/v1/products", product, supplier.token());
        assertEquals(413, r.status());
        assertEquals("application/problem+json", r.contentType());
        assertTrue(String.valueOf(r.get("detail")).contains("1MB"), r.body().toString());
        noInternals(r);
        // a 2 MB upload is not refused for its size (its content is the import's to judge)
        byte[] csv = ("名称,分类\n" + "x,0501\n".repeat(300_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.length > 2_000_000);
        Api.Response upload = api.send(
                HttpRequest.POST(
                                "/api/v1/products/imports",
                                MultipartBody.builder()
                                        .addPart("file", "products.csv", MediaType.of("text/csv"), csv)
                                        .build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                supplier.token());
        assertTrue(upload.status() != 413 && upload.status() < 500, upload.status() + " " + upload.body());
    }
}
