package cn.huinong.monitoring;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.OrderingFixtures.checkout;
import static cn.huinong.support.OrderingFixtures.id;
import static cn.huinong.support.OrderingFixtures.line;
import static cn.huinong.support.OrderingFixtures.orders;
import static cn.huinong.support.OrderingFixtures.place;
import static cn.huinong.support.QuotaFixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.ordering.OrderPayments;
import cn.huinong.quota.QuotaLedger;
import cn.huinong.region.Designations;
import cn.huinong.shared.Actor;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.OrderingFixtures;
import cn.huinong.support.OwnSchema;
import cn.huinong.support.QuotaFixtures;
import cn.huinong.support.QuotaFixtures.Unit;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Monitoring over HTTP: region summaries with children, unit lists by status, exports, and the scope of every
 * endpoint. The figures of a region and year are the whole database's: the class runs in a schema of its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // so that Micronaut asks getProperties() before the context starts
class MonitoringTest implements TestPropertyProvider {

    static final int YEAR = 2025; // over: the whole reserve was due, so pace is deterministic
    static final String QIANNAN = "522700";
    static final String DUYUN = "522701";
    static final String FUQUAN = "522702";
    static final long PRICE = 10_000;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    @Inject
    OrderPayments orders;

    @Inject
    QuotaLedger ledger;

    Api api;
    String guizhou;
    String qiannan;
    String yunnan;
    String operator;
    Map<String, Object> before;
    Unit lagging;
    Unit completed;
    Unit notFiled;
    Unit none;
    Unit department;
    Unit subordinate;

    @Override
    public Map<String, String> getProperties() {
        return OwnSchema.properties("monitoring");
    }

    @BeforeAll
    void setUp() {
        api = new Api(client);
        guizhou = QuotaFixtures.regulator(organizations, api, "520102", "520000");
        qiannan = QuotaFixtures.regulator(organizations, api, DUYUN, QIANNAN);
        yunnan = QuotaFixtures.regulator(organizations, api, "530102", "530000");
        operator = CatalogFixtures.operator(organizations, api);
        before = summary(QIANNAN, guizhou);

        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        CatalogFixtures.Supplier supplier = CatalogFixtures.supplier(organizations, api);
        long tea = OrderingFixtures.listed(api, supplier, operator, PRICE, 10_000);

        lagging = QuotaFixtures.unit(organizations, api, DUYUN);
        completed = QuotaFixtures.unit(organizations, api, DUYUN);
        notFiled = QuotaFixtures.unit(organizations, api, FUQUAN);
        none = QuotaFixtures.unit(organizations, api, FUQUAN);
        department = QuotaFixtures.unit(organizations, api, DUYUN);
        subordinate = QuotaFixtures.unit(organizations, api, "530102", department.id());
        file(lagging, plan("OWN", 1_000_000, 100_000));
        file(completed, plan("OUTSOURCED", 200_000, 20_000));
        file(none, Map.of("canteen", "NONE"));
        buy(lagging, tea, 3);
        buy(completed, tea, 2);
        buy(notFiled, tea, 1);
        ledger.drain(1_000_000);
    }

    void file(Unit unit, Map<String, Object> body) {
        expect(200, api.put("/api/v1/quota/plans/" + YEAR, body, unit.token()));
    }

    void buy(Unit unit, long product, int quantity) {
        long order = id(orders(expect(201, place(api, unit.token(), null, checkout(line(product, quantity)))))
                .get(0));
        orders.markPaid(order, "test-" + order, Instant.parse("2025-05-01T02:00:00Z"), Actor.system("test"));
    }

    Map<String, Object> summary(String region, String token) {
        return expect(200, api.get("/api/v1/monitoring/summary?year=" + YEAR + "&region=" + region, token))
                .body();
    }

    static long n(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> child(Map<String, Object> summary, String code) {
        return ((List<Map<String, Object>>) summary.get("children"))
                .stream()
                        .filter(c -> code.equals(c.get("code")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(code + " not in " + summary));
    }

    @Test
    void summaryAddsUpUnitsFilingsReservesAndSpendingPerChildRegion() {
        Map<String, Object> after = summary(QIANNAN, guizhou);
        assertEquals(Map.of("code", QIANNAN, "name", "黔南布依族苗族自治州"), after.get("region"));
        assertEquals(5, n(after, "units") - n(before, "units")); // the department too: every approved buyer unit
        assertEquals(3, n(after, "filedUnits") - n(before, "filedUnits"));
        assertEquals(120_000, n(after, "reservedFen") - n(before, "reservedFen"));
        assertEquals(6 * PRICE, n(after, "eligibleSpentFen") - n(before, "eligibleSpentFen"));
        assertEquals(3, n(child(after, DUYUN), "units") - n(child(before, DUYUN), "units"));
        assertEquals(2, n(child(after, FUQUAN), "units") - n(child(before, FUQUAN), "units"));
        assertEquals(PRICE, n(child(after, FUQUAN), "eligibleSpentFen") - n(child(before, FUQUAN), "eligibleSpentFen"));
        assertEquals(12, ((List<?>) after.get("children")).size()); // every county of 黔南, with or without units

        Map<String, Object> province = summary("520000", guizhou);
        assertTrue(n(child(province, QIANNAN), "units") >= 5);
        Map<String, Object> mine = expect(200, api.get("/api/v1/monitoring/summary?year=" + YEAR, qiannan))
                .body();
        assertEquals(QIANNAN, ((Map<?, ?>) mine.get("region")).get("code")); // no region: the caller's scope
        Map<String, Object> country = expect(200, api.get("/api/v1/monitoring/summary?year=" + YEAR, operator))
                .body();
        assertEquals("000000", ((Map<?, ?>) country.get("region")).get("code"));
        assertTrue(n(child(country, "520000"), "units") >= 5);
    }

    List<Map<String, Object>> units(String query, String token) {
        return expect(
                        200,
                        api.get(
                                "/api/v1/monitoring/units?year=" + YEAR + "&region=" + QIANNAN + "&size=200" + query,
                                token))
                .items();
    }

    static boolean has(List<Map<String, Object>> items, Unit unit) {
        return items.stream().anyMatch(u -> n(u, "organizationId") == unit.id());
    }

    @Test
    void unitListsFilterByStatusAndRankByCompletion() {
        List<Map<String, Object>> notFiledUnits = units("&status=NOT_FILED", guizhou);
        assertTrue(has(notFiledUnits, notFiled) && has(notFiledUnits, department));
        assertFalse(has(notFiledUnits, lagging) || has(notFiledUnits, none));
        List<Map<String, Object>> laggingUnits = units("&status=LAGGING", guizhou);
        assertTrue(has(laggingUnits, lagging));
        assertFalse(has(laggingUnits, completed) || has(laggingUnits, none) || has(laggingUnits, notFiled));
        List<Map<String, Object>> completedUnits = units("&status=COMPLETED", qiannan);
        assertTrue(has(completedUnits, completed));
        assertFalse(has(completedUnits, lagging));

        List<Map<String, Object>> all = units("", guizhou);
        Map<String, Object> l = all.stream()
                .filter(u -> n(u, "organizationId") == lagging.id())
                .findFirst()
                .orElseThrow();
        assertEquals("LAGGING", l.get("status"));
        assertEquals(3 * PRICE, n(l, "eligibleSpentFen"));
        assertEquals("都匀市", l.get("regionName"));
        assertEquals("2025-06-30", l.get("deadline"));
        // ranked by completion, highest first: the completed unit (100%) before the lagging one (30%)
        List<Long> ids = all.stream().map(u -> n(u, "organizationId")).toList();
        assertTrue(ids.indexOf(completed.id()) < ids.indexOf(lagging.id()));
        List<Long> ascending = units("&sort=completion_asc", guizhou).stream()
                .map(u -> n(u, "organizationId"))
                .toList();
        assertTrue(ascending.indexOf(lagging.id()) < ascending.indexOf(completed.id()));
        Map<String, Object> page = expect(
                        200,
                        api.get(
                                "/api/v1/monitoring/units?year=" + YEAR + "&region=" + QIANNAN + "&page=0&size=2",
                                guizhou))
                .body();
        assertEquals(2, ((List<?>) page.get("items")).size());
        assertTrue(n(page, "total") >= 5);
    }

    byte[] download(String query, String token, String contentType) {
        HttpResponse<byte[]> r = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/api/v1/monitoring/units?year=" + YEAR + query)
                                .bearerAuth(token)
                                .accept(contentType),
                        Argument.of(byte[].class)); // a client asking for the file's type
        assertEquals(200, r.code());
        assertTrue(
                r.getContentType().orElseThrow().toString().startsWith(contentType),
                r.getContentType().toString());
        String disposition = r.getHeaders().get("Content-Disposition");
        assertTrue(disposition.startsWith("attachment; filename=\"quota-units-522700-2025."), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''"), disposition);
        assertEquals(List.of("no-store"), r.getHeaders().getAll("Cache-Control"));
        return r.body();
    }

    @Test
    void exportsCsvWithBomAndChineseHeadersAndXlsx() throws Exception {
        byte[] csv = download("&region=" + QIANNAN + "&format=csv", guizhou, "text/csv");
        assertEquals((byte) 0xEF, csv[0]); // UTF-8 BOM, so that Excel reads Chinese
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertTrue(lines[0].startsWith("单位ID,单位名称,统一社会信用代码,行政区划代码,行政区划,是否填报"), lines[0]);
        assertTrue(text.contains(lagging.id() + ","), text);
        assertTrue(text.contains("1000000.00") || text.contains("10000.00"), text);
        assertTrue(text.contains("进度滞后"));
        byte[] onlyLagging = download("&region=" + QIANNAN + "&status=LAGGING&format=csv", guizhou, "text/csv");
        assertFalse(new String(onlyLagging, StandardCharsets.UTF_8).contains("\r\n" + completed.id() + ","));

        byte[] xlsx = download(
                "&region=" + QIANNAN + "&format=xlsx",
                guizhou,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("单位名称", sheet.getRow(0).getCell(1).getStringCellValue());
            assertTrue(sheet.getLastRowNum() >= 5);
        }
    }

    String csv(String path, String token) {
        HttpResponse<byte[]> r =
                client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token), Argument.of(byte[].class));
        assertTrue(r.getContentType().orElseThrow().toString().startsWith("text/csv"));
        assertTrue(r.getHeaders().get("Content-Disposition").startsWith("attachment;"));
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        return text.substring(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDrillDownTableAndTheTrendExportAsTheyAreShown() throws Exception {
        String q = "?year=" + YEAR + "&region=" + QIANNAN;
        Map<String, Object> summary = summary(QIANNAN, guizhou);
        List<String> regions = List.of(
                csv("/api/v1/monitoring/summary" + q + "&format=csv", guizhou).split("\r\n"));
        assertEquals("行政区划代码,地区,预算单位（家）,已填报（家）,预留份额（元）,已完成金额（元）,完成率,已完成单位（家）,进度滞后单位（家）", regions.get(0));
        Map<String, Object> duyun = child(summary, DUYUN);
        assertTrue(
                regions.contains(String.join(
                        ",",
                        DUYUN,
                        "都匀市",
                        String.valueOf(n(duyun, "units")),
                        String.valueOf(n(duyun, "filedUnits")),
                        java.math.BigDecimal.valueOf(n(duyun, "reservedFen"), 2).toPlainString(),
                        java.math.BigDecimal.valueOf(n(duyun, "eligibleSpentFen"), 2)
                                .toPlainString(),
                        new java.math.BigDecimal(duyun.get("completionRate").toString())
                                        .movePointRight(2)
                                        .stripTrailingZeros()
                                        .toPlainString()
                                + "%",
                        String.valueOf(n(duyun, "completedUnits")),
                        String.valueOf(n(duyun, "laggingUnits")))),
                regions.toString());
        assertEquals(((List<?>) summary.get("children")).size() + 2, regions.size());
        assertTrue(
                regions.get(regions.size() - 1).startsWith(QIANNAN + ",黔南布依族苗族自治州合计," + n(summary, "units") + ","),
                regions.get(regions.size() - 1));

        Map<String, Object> trend =
                expect(200, api.get("/api/v1/monitoring/trend" + q, guizhou)).body();
        List<String> months = List.of(
                csv("/api/v1/monitoring/trend" + q + "&format=csv", guizhou).split("\r\n"));
        assertEquals("月份,当月完成额（元）,累计完成额（元）,按序时进度应累计完成（元）", months.get(0));
        assertEquals(13, months.size());
        Map<String, Object> may = ((List<Map<String, Object>>) trend.get("months")).get(4);
        assertEquals(
                String.join(
                        ",",
                        YEAR + "年5月",
                        java.math.BigDecimal.valueOf(n(may, "eligibleSpentFen"), 2)
                                .toPlainString(),
                        java.math.BigDecimal.valueOf(n(may, "cumulativeFen"), 2).toPlainString(),
                        java.math.BigDecimal.valueOf(n(may, "expectedCumulativeFen"), 2)
                                .toPlainString()),
                months.get(5));
        assertTrue(n(may, "eligibleSpentFen") >= 6 * PRICE, may.toString()); // this class's purchases, paid in May

        HttpResponse<byte[]> xlsx = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/api/v1/monitoring/trend" + q + "&format=xlsx")
                                .bearerAuth(guizhou),
                        Argument.of(byte[].class));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals("月度趋势", wb.getSheetName(0));
            assertEquals(12, wb.getSheetAt(0).getLastRowNum());
        }
        assertEquals(403, status("/api/v1/monitoring/trend?year=" + YEAR + "&region=530000&format=csv", guizhou));
    }

    int status(String path, String token) {
        try {
            return client.toBlocking()
                    .exchange(HttpRequest.GET(path).bearerAuth(token), Argument.of(byte[].class))
                    .code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    @Test
    void regionsOutsideTheRegulatorsScopeAreForbiddenOnEveryEndpointAndExport() {
        String y = "?year=" + YEAR;
        List<String> outside = List.of(
                "/api/v1/monitoring/summary" + y + "&region=530000",
                "/api/v1/monitoring/summary" + y + "&region=530102",
                "/api/v1/monitoring/summary" + y + "&region=000000",
                "/api/v1/monitoring/trend" + y + "&region=530000",
                "/api/v1/monitoring/trend" + y + "&region=000000",
                "/api/v1/monitoring/units" + y + "&region=530000",
                "/api/v1/monitoring/units" + y + "&region=530102&status=LAGGING",
                "/api/v1/monitoring/units" + y + "&region=530000&format=csv",
                "/api/v1/monitoring/units" + y + "&region=530000&format=xlsx",
                "/api/v1/monitoring/units" + y + "&region=530102&status=NOT_FILED&format=csv");
        for (String path : outside) {
            assertEquals(403, status(path, guizhou), path);
        }
        // a prefecture's regulator may not look at its province, nor at a neighbouring prefecture
        for (String region : List.of("520000", "522600", "522634")) {
            assertEquals(403, status("/api/v1/monitoring/summary" + y + "&region=" + region, qiannan), region);
            assertEquals(
                    403, status("/api/v1/monitoring/units" + y + "&region=" + region + "&format=csv", qiannan), region);
        }
        assertEquals(403, status("/api/v1/monitoring/summary" + y + "&region=" + QIANNAN, yunnan));
        assertEquals(403, status("/api/v1/monitoring/units" + y + "&region=" + DUYUN + "&format=xlsx", yunnan));
        // inside the scope, and the operator everywhere
        assertEquals(200, status("/api/v1/monitoring/units" + y + "&region=" + DUYUN, qiannan));
        assertEquals(200, status("/api/v1/monitoring/summary" + y + "&region=530000", operator));
        assertEquals(200, status("/api/v1/monitoring/units" + y + "&region=530000&format=csv", operator));
        // bad input and unknown regions
        assertEquals(400, status("/api/v1/monitoring/summary" + y + "&region=52", guizhou));
        assertEquals(404, status("/api/v1/monitoring/summary" + y + "&region=529999", guizhou));
        // suppliers have no say here
        CatalogFixtures.Supplier supplier = CatalogFixtures.supplier(organizations, api);
        assertEquals(403, status("/api/v1/monitoring/summary" + y, supplier.token()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void trendAddsUpSpendingPerMonthOfPaymentWithThePaceOfTheYear() {
        Map<String, Object> trend = expect(
                        200, api.get("/api/v1/monitoring/trend?year=" + YEAR + "&region=" + QIANNAN, guizhou))
                .body();
        List<Map<String, Object>> months = (List<Map<String, Object>>) trend.get("months");
        assertEquals(12, months.size());
        assertTrue(n(months.get(4), "eligibleSpentFen") >= 6 * PRICE); // paid in May 2025
        long previous = 0;
        for (Map<String, Object> m : months) {
            assertEquals(previous + n(m, "eligibleSpentFen"), n(m, "cumulativeFen"));
            previous = n(m, "cumulativeFen");
        }
        assertEquals(n(trend, "reservedFen"), n(months.get(11), "expectedCumulativeFen"));
        assertEquals(403, status("/api/v1/monitoring/trend?year=" + YEAR + "&region=" + QIANNAN, yunnan));
    }

    @Test
    void aSupervisingDepartmentSeesItsSubordinateUnitsWhereverTheyAre() {
        List<Map<String, Object>> mine = expect(
                        200, api.get("/api/v1/monitoring/units?year=" + YEAR, department.token()))
                .items();
        assertEquals(
                List.of(subordinate.id()),
                mine.stream().map(u -> n(u, "organizationId")).toList());
        Map<String, Object> summary = expect(
                        200, api.get("/api/v1/monitoring/summary?year=" + YEAR, department.token()))
                .body();
        assertEquals(1, n(summary, "units"));
        assertEquals(1, n(child(summary, "530000"), "units"));
        // a unit without subordinates sees none
        assertEquals(
                0,
                n(
                        expect(200, api.get("/api/v1/monitoring/summary?year=" + YEAR, lagging.token()))
                                .body(),
                        "units"));
    }
}
