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
import cn.huinong.support.OwnSchema;
import cn.huinong.support.QuotaFixtures;
import cn.huinong.support.QuotaFixtures.Unit;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The supply side of a region (sales by origin), slow-moving products and the half-yearly notice, from real
 * checkouts, payments and refunds. A region's sales and its slow products are the whole database's: the class runs in
 * a schema of its own. Region and category figures are compared before and after, the ones of the suppliers, brand
 * and products made here exactly.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // so that Micronaut asks getProperties() before the context starts
class SupplySideTest implements TestPropertyProvider {

    static final int YEAR = 2024; // over: pace at the end of each half is known
    static final String QIANDONGNAN = "522600";
    static final String DANZHAI = "522636";
    static final String SANSUI = "522624";
    static final String KAILI = "522601";
    static final String KUNMING_WUHUA = "530102";

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

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    Api api;
    String guizhou;
    String qiandongnan;
    String yunnan;
    String operator;
    CatalogFixtures.Supplier supplierA;
    CatalogFixtures.Supplier supplierB;
    long brandId;
    long tea; // A, 丹寨, brand, 100.00
    long sansui; // A, 三穗, 50.00
    long rice; // B, 丹寨, 20.00, another category
    long kunming; // A, 昆明五华 (not designated: not eligible), 70.00
    long neverSold;
    long soldLongAgo;
    long soldRecently;
    long justListed;
    Unit buyer;
    Unit completed;
    Unit lagging;
    Unit notFiled;
    Map<String, Object> before;
    Map<String, Object> beforeDanzhai;

    @Override
    public Map<String, String> getProperties() {
        return OwnSchema.properties("supply_side");
    }

    @BeforeAll
    void setUp() {
        api = new Api(client);
        guizhou = QuotaFixtures.regulator(organizations, api, "520102", "520000");
        qiandongnan = QuotaFixtures.regulator(organizations, api, KAILI, QIANDONGNAN);
        yunnan = QuotaFixtures.regulator(organizations, api, KUNMING_WUHUA, "530000");
        operator = CatalogFixtures.operator(organizations, api);
        before = supply(QIANDONGNAN, operator);
        beforeDanzhai = supply(DANZHAI, operator);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN, DANZHAI, SANSUI);
        supplierA = CatalogFixtures.supplier(organizations, api);
        supplierB = CatalogFixtures.supplier(organizations, api);
        brandId = id(expect(
                        201,
                        api.post(
                                "/api/v1/brands",
                                Map.of("name", "丹寨硒锌茶" + System.nanoTime(), "kind", "PRODUCT"),
                                supplierA.token()))
                .body());
        tea = product(supplierA, DANZHAI, CatalogFixtures.GREEN_TEA, 10_000, brandId);
        sansui = product(supplierA, SANSUI, CatalogFixtures.GREEN_TEA, 5_000, null);
        rice = product(supplierB, DANZHAI, "010101", 2_000, null);
        kunming = product(supplierA, KUNMING_WUHUA, CatalogFixtures.GREEN_TEA, 7_000, null);

        buyer = QuotaFixtures.unit(organizations, api, KUNMING_WUHUA);
        Unit other = QuotaFixtures.unit(organizations, api, KUNMING_WUHUA);
        completed = QuotaFixtures.unit(organizations, api, DANZHAI);
        lagging = QuotaFixtures.unit(organizations, api, SANSUI);
        notFiled = QuotaFixtures.unit(organizations, api, KAILI);
        expect(200, api.put("/api/v1/quota/plans/" + YEAR, plan("OWN", 200_000, 20_000), completed.token()));
        expect(200, api.put("/api/v1/quota/plans/" + YEAR, plan("OWN", 1_000_000, 100_000), lagging.token()));

        List<Long> first = buy(buyer, at(YEAR + "-03-01"), line(tea, 3), line(sansui, 2), line(rice, 5));
        assertEquals(2, first.size()); // one order per supplier
        long refunded = buy(other, at(YEAR + "-08-01"), line(tea, 1)).get(0);
        orders.recordRefund(refunded, 5_000, "test-refund-" + refunded, Actor.system("test"));
        buy(other, at(YEAR + "-08-01"), line(kunming, 1));
        buy(completed, at(YEAR + "-05-01"), line(rice, 10));
        buy(lagging, at(YEAR + "-05-01"), line(sansui, 2));
        expect(201, place(api, buyer.token(), null, checkout(line(tea, 2)))); // never paid: never counts
        buy(buyer, at((YEAR + 1) + "-01-02"), line(tea, 1)); // next year
        ledger.drain(1_000_000);

        Instant now = Instant.now();
        neverSold = product(supplierB, DANZHAI, "010101", 1_000, null);
        soldLongAgo = product(supplierB, DANZHAI, "010101", 1_000, null);
        soldRecently = product(supplierB, DANZHAI, "010101", 1_000, null);
        justListed = product(supplierB, DANZHAI, "010101", 1_000, null);
        buy(buyer, now.minus(Duration.ofDays(40)), line(soldLongAgo, 1));
        buy(buyer, now.minus(Duration.ofDays(5)), line(soldRecently, 1));
        // listed three months ago (test data: no API sets the listing time)
        tx.executeWrite(s -> jdbc.prepareStatement(
                "UPDATE product SET listed_at = now() - interval '90 days' " + "WHERE id IN (?, ?, ?)", ps -> {
                    ps.setLong(1, neverSold);
                    ps.setLong(2, soldLongAgo);
                    ps.setLong(3, soldRecently);
                    return ps.executeUpdate();
                }));
    }

    long product(CatalogFixtures.Supplier supplier, String origin, String category, long priceFen, Long brand) {
        Map<String, Object> body = CatalogFixtures.product();
        body.put("originRegionCode", origin);
        body.put("categoryCode", category);
        body.put("priceFen", priceFen);
        body.put("stock", 1_000);
        if (brand != null) {
            body.put("brandId", brand);
        }
        return CatalogFixtures.listed(api, supplier.token(), operator, body);
    }

    static Instant at(String date) {
        return Instant.parse(date + "T02:00:00Z");
    }

    @SafeVarargs
    final List<Long> buy(Unit unit, Instant paidAt, Map<String, Object>... lines) {
        List<Long> ids = orders(expect(201, place(api, unit.token(), null, checkout(lines)))).stream()
                .map(o -> id(o))
                .toList();
        ids.forEach(o -> orders.markPaid(o, "test-" + o, paidAt, Actor.system("test")));
        return ids;
    }

    Map<String, Object> supply(String region, String token) {
        return expect(200, api.get("/api/v1/monitoring/supply?year=" + YEAR + "&region=" + region + "&top=100", token))
                .body();
    }

    static long n(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> supply, String grouping) {
        return (List<Map<String, Object>>) ((Map<String, Object>) supply.get(grouping)).get("items");
    }

    /** The entry of a grouping with this key (null: no brand), or zeros. */
    static Map<?, ?> entry(Map<String, Object> supply, String grouping, String key) {
        return items(supply, grouping).stream()
                .filter(e -> java.util.Objects.equals(key, e.get("key")))
                .findFirst()
                .<Map<?, ?>>map(e -> e)
                .orElse(Map.of("totalFen", 0, "paidFen", 0, "refundedFen", 0, "orders", 0));
    }

    long delta(Map<String, Object> after, String grouping, String key, String field) {
        return n(entry(after, grouping, key), field) - n(entry(before, grouping, key), field);
    }

    static long delta(Map<String, Object> after, Map<String, Object> before, String field) {
        return n((Map<?, ?>) after.get("totals"), field) - n((Map<?, ?>) before.get("totals"), field);
    }

    @Test
    void supplySideAddsUpPaidSalesMinusRefundsByOriginCountyCategoryBrandAndSupplier() {
        Map<String, Object> s = supply(QIANDONGNAN, qiandongnan);
        assertEquals(Map.of("code", QIANDONGNAN, "name", "黔东南苗族侗族自治州"), s.get("region"));
        assertEquals(90_000, delta(s, before, "paidFen")); // unpaid, next year's and 昆明's orders are not here
        assertEquals(5_000, delta(s, before, "refundedFen"));
        assertEquals(85_000, delta(s, before, "totalFen"));
        assertEquals(85_000, delta(s, before, "eligibleFen"));
        assertEquals(5, delta(s, before, "orders"));
        assertEquals(3 + 2 + 5 + 1 + 10 + 2, delta(s, before, "quantity"));

        assertEquals(65_000, delta(s, "byCounty", DANZHAI, "totalFen"));
        assertEquals(4, delta(s, "byCounty", DANZHAI, "orders"));
        assertEquals("丹寨县", entry(s, "byCounty", DANZHAI).get("name"));
        assertEquals(20_000, delta(s, "byCounty", SANSUI, "totalFen"));
        assertEquals(55_000, delta(s, "byCategory", CatalogFixtures.GREEN_TEA, "totalFen"));
        assertEquals(30_000, delta(s, "byCategory", "010101", "totalFen"));
        assertEquals(50_000, delta(s, "byBrand", null, "totalFen"));
        assertEquals("无品牌", entry(s, "byBrand", null).get("name"));
        assertEquals(35_000, n(entry(s, "byBrand", String.valueOf(brandId)), "totalFen"));
        assertEquals(55_000, n(entry(s, "bySupplier", String.valueOf(supplierA.id())), "totalFen"));
        assertEquals(30_000, n(entry(s, "bySupplier", String.valueOf(supplierB.id())), "totalFen"));
        assertTrue(
                ((String) entry(s, "bySupplier", String.valueOf(supplierA.id())).get("name")).startsWith("测试农民专业合作社"));
        Map<?, ?> teaEntry = entry(s, "topProducts", String.valueOf(tea));
        assertEquals(
                List.of(40_000L, 5_000L, 35_000L, 35_000L, 2L, 4L),
                List.of(
                        n(teaEntry, "paidFen"),
                        n(teaEntry, "refundedFen"),
                        n(teaEntry, "totalFen"),
                        n(teaEntry, "eligibleFen"),
                        n(teaEntry, "orders"),
                        n(teaEntry, "quantity")));
        assertEquals(30_000, n(entry(s, "topProducts", String.valueOf(rice)), "totalFen"));
        assertEquals(20_000, n(entry(s, "topProducts", String.valueOf(sansui)), "totalFen"));
        List<Object> ranked =
                items(s, "topProducts").stream().map(e -> e.get("key")).toList();
        assertTrue(ranked.indexOf(String.valueOf(tea)) < ranked.indexOf(String.valueOf(rice)));
        assertTrue(ranked.indexOf(String.valueOf(rice)) < ranked.indexOf(String.valueOf(sansui)));

        // filtered by where products come from, not where buyers or suppliers are registered
        assertEquals(65_000, delta(supply(DANZHAI, guizhou), beforeDanzhai, "totalFen"));
        Map<String, Object> top1 = expect(
                        200,
                        api.get(
                                "/api/v1/monitoring/supply?year=" + YEAR + "&region=" + QIANDONGNAN + "&top=1",
                                operator))
                .body();
        assertEquals(1, items(top1, "topProducts").size());
        assertTrue(n((Map<?, ?>) top1.get("topProducts"), "groups") >= 3);
        assertTrue(n((Map<?, ?>) supply("530000", yunnan).get("totals"), "totalFen") >= 7_000);
        Map<?, ?> kunmingEntry = entry(supply(KUNMING_WUHUA, operator), "topProducts", String.valueOf(kunming));
        assertEquals(7_000, n(kunmingEntry, "totalFen"));
        assertEquals(0, n(kunmingEntry, "eligibleFen")); // 五华区 is not a designated county
        assertEquals(400, status("/api/v1/monitoring/supply?year=" + YEAR + "&top=0", operator));
    }

    List<Long> slow(String query, String token) {
        return expect(200, api.get("/api/v1/monitoring/slow-products?size=200" + query, token)).items().stream()
                .map(p -> n(p, "productId"))
                .toList();
    }

    @Test
    void slowProductsAreListedProductsOfTheRegionWithoutASaleInTheWindow() {
        List<Long> ids = slow("&region=" + DANZHAI, qiandongnan); // days default to 30
        assertTrue(ids.contains(neverSold) && ids.contains(soldLongAgo), ids.toString());
        assertFalse(ids.contains(soldRecently) || ids.contains(justListed), ids.toString());
        assertTrue(ids.indexOf(neverSold) < ids.indexOf(soldLongAgo)); // never sold first
        Map<String, Object> page = expect(
                        200, api.get("/api/v1/monitoring/slow-products?region=" + DANZHAI + "&size=200", qiandongnan))
                .body();
        Map<?, ?> longAgo = page.get("items") instanceof List<?> l
                ? l.stream()
                        .map(Map.class::cast)
                        .filter(p -> n(p, "productId") == soldLongAgo)
                        .findFirst()
                        .orElseThrow()
                : null;
        assertEquals(40, n(longAgo, "daysSinceLastSale"));
        assertEquals(1_000 - 1, n(longAgo, "stock"));
        assertEquals(supplierB.id(), n(longAgo, "supplierId"));
        assertEquals("丹寨县", longAgo.get("originRegionName"));
        assertEquals(30, n(page, "days"));

        List<Long> sixty = slow("&region=" + DANZHAI + "&days=60", qiandongnan);
        assertTrue(sixty.contains(neverSold));
        assertFalse(sixty.contains(soldLongAgo));
        assertFalse(slow("&region=" + SANSUI, guizhou).contains(neverSold));
        assertTrue(slow("&region=" + QIANDONGNAN, operator).contains(neverSold));
        assertEquals(400, status("/api/v1/monitoring/slow-products?region=" + DANZHAI + "&days=0", guizhou));
    }

    byte[] download(String path, String token, String contentType) {
        HttpResponse<byte[]> r =
                client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token), Argument.of(byte[].class));
        assertEquals(200, r.code());
        assertTrue(
                r.getContentType().orElseThrow().toString().startsWith(contentType),
                r.getContentType().toString());
        assertTrue(r.getHeaders().get("Content-Disposition").contains("filename*=UTF-8''"));
        assertEquals(List.of("no-store"), r.getHeaders().getAll("Cache-Control"));
        return r.body();
    }

    @Test
    void slowProductsExportAsCsvWithBomAndXlsx() throws Exception {
        byte[] csv =
                download("/api/v1/monitoring/slow-products?region=" + DANZHAI + "&format=csv", qiandongnan, "text/csv");
        assertEquals((byte) 0xEF, csv[0]);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        assertTrue(text.startsWith("商品ID,商品名称,品类,供应商ID,供应商名称,产地代码,产地,单价（元）,库存"), text);
        assertTrue(text.contains("\r\n" + neverSold + ","), text);
        assertTrue(text.contains("从未售出"));
        assertFalse(text.contains("\r\n" + soldRecently + ","));
        byte[] xlsx = download(
                "/api/v1/monitoring/slow-products?region=" + DANZHAI + "&format=xlsx",
                qiandongnan,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("滞销预警", wb.getSheetName(0));
            assertEquals("商品名称", wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue());
            assertTrue(wb.getSheetAt(0).getLastRowNum() >= 2);
        }
    }

    @Test
    void supplySideExportsEveryEntryAsOneCsvTableAndOneXlsxSheetPerGrouping() throws Exception {
        String path = "/api/v1/monitoring/supply?year=" + YEAR + "&region=" + QIANDONGNAN;
        String text = new String(download(path + "&format=csv", qiandongnan, "text/csv"), StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        List<String> lines = List.of(text.substring(1).split("\r\n"));
        assertEquals("分组,代码,名称,实付金额（元）,退款金额（元）,净销售额（元）,其中计入预留份额（元）,订单数,数量", lines.get(0));
        assertTrue(lines.get(1).startsWith("合计,,合计,"), lines.get(1));
        // every county row carries the same figures as the JSON answer
        Map<?, ?> danzhai =
                entry(expect(200, api.get(path + "&top=100", qiandongnan)).body(), "byCounty", DANZHAI);
        String danzhaiRow = String.join(
                ",",
                "产地区县",
                DANZHAI,
                "丹寨县",
                yuanOf(n(danzhai, "paidFen")),
                yuanOf(n(danzhai, "refundedFen")),
                yuanOf(n(danzhai, "totalFen")),
                yuanOf(n(danzhai, "eligibleFen")),
                String.valueOf(n(danzhai, "orders")),
                String.valueOf(n(danzhai, "quantity")));
        assertTrue(lines.contains(danzhaiRow), danzhaiRow + " in " + text);
        String teaRow = lines.stream()
                .filter(l -> l.startsWith("商品," + tea + ","))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row of product " + tea + " in " + text));
        assertTrue(teaRow.endsWith(",400.00,50.00,350.00,350.00,2,4"), teaRow);
        for (String group : List.of("产地区县,", "品类,", "品牌,", "供应商,", "商品,")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(group)), group);
        }

        String products =
                new String(download(path + "&format=csv&by=PRODUCT", qiandongnan, "text/csv"), StandardCharsets.UTF_8);
        assertTrue(products.lines().skip(2).allMatch(l -> l.startsWith("商品,")), products);
        assertEquals(400, status(path + "&format=csv&by=TOWNSHIP", qiandongnan));

        byte[] xlsx = download(
                path + "&format=xlsx",
                qiandongnan,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(
                    List.of("按产地区县", "按品类", "按品牌", "按供应商", "按商品"),
                    java.util.stream.IntStream.range(0, wb.getNumberOfSheets())
                            .mapToObj(wb::getSheetName)
                            .toList());
            Sheet sheet = wb.getSheet("按商品");
            assertEquals("代码", sheet.getRow(0).getCell(0).getStringCellValue());
            boolean found = false;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                if (String.valueOf(tea).equals(sheet.getRow(i).getCell(0).getStringCellValue())) {
                    assertEquals(350.00, sheet.getRow(i).getCell(5).getNumericCellValue());
                    assertEquals(4, (long) sheet.getRow(i).getCell(7).getNumericCellValue());
                    found = true;
                }
            }
            assertTrue(found, "product " + tea + " in the 按商品 sheet");
        }
    }

    static String yuanOf(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    @Test
    void halfYearlyNoticeIsAPrintableChinesePageWithTotalsRankingsAndUnitsToChase() throws Exception {
        String path = "/api/v1/monitoring/notice?year=" + YEAR + "&half=1&region=" + QIANDONGNAN;
        byte[] page = download(path, qiandongnan, "text/html");
        String html = new String(page, StandardCharsets.UTF_8);
        String title = "黔东南苗族侗族自治州" + YEAR + "年上半年预算单位食堂采购脱贫地区农副产品预留份额完成情况通报";
        assertTrue(html.contains("<title>" + title + "</title>"), html);
        assertTrue(html.contains("<h1>" + title + "</h1>"));
        assertTrue(html.contains("按" + YEAR + "年6月30日应完成的进度，进度滞后的单位"), html);
        for (String section : List.of("各地完成情况", "完成率排名前10位的单位", "完成率排名后10位的单位", "尚未填报的单位", "进度滞后的单位")) {
            assertTrue(html.contains(section), section);
        }
        assertTrue(html.contains("丹寨县") && html.contains("三穗县"));
        int notFiledSection = html.indexOf("尚未填报的单位</h2>");
        int laggingSection = html.indexOf("进度滞后的单位</h2>");
        assertTrue(html.indexOf(notFiled.username(), notFiledSection) > notFiledSection);
        assertTrue(html.indexOf(lagging.username(), laggingSection) > laggingSection);
        assertTrue(html.indexOf(completed.username()) < notFiledSection); // ranked, never in the lists to chase
        assertFalse(html.substring(laggingSection).contains(completed.username()));
        assertTrue(html.contains("200.00") && html.contains("100%")); // the completed unit: 200.00 yuan, 100%
        // self-contained: nothing to fetch, nothing to run
        assertFalse(
                html.contains("http://")
                        || html.contains("https://")
                        || html.contains("<script")
                        || html.contains("<link")
                        || html.contains("src="),
                html);

        byte[] xlsx = download(
                path + "&format=xlsx",
                qiandongnan,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(7, wb.getNumberOfSheets());
            assertEquals(title, wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
            assertEquals("各地完成情况", wb.getSheetName(2));
            assertEquals(17, wb.getSheetAt(2).getLastRowNum()); // the 16 counties of 黔东南 and the total
            assertEquals("合计", wb.getSheetAt(2).getRow(17).getCell(1).getStringCellValue());
        }
        byte[] csv = download(path + "&format=csv", guizhou, "text/csv");
        assertEquals((byte) 0xEF, csv[0]);
        assertTrue(new String(csv, StandardCharsets.UTF_8).substring(1).startsWith(title));
        assertTrue(new String(
                        download("/api/v1/monitoring/notice?year=" + YEAR + "&half=2", operator, "text/html"),
                        StandardCharsets.UTF_8)
                .contains("全国" + YEAR + "年下半年"));
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
    void outOfScopeRegulatorsBuyersAndSuppliersAreForbiddenOnEveryEndpointAndFormat() {
        String y = "year=" + YEAR;
        List<String> endpoints = List.of(
                "/api/v1/monitoring/supply?" + y,
                "/api/v1/monitoring/slow-products?days=30",
                "/api/v1/monitoring/slow-products?format=csv",
                "/api/v1/monitoring/slow-products?format=xlsx",
                "/api/v1/monitoring/notice?half=1&" + y,
                "/api/v1/monitoring/notice?half=1&format=html&" + y,
                "/api/v1/monitoring/notice?half=2&format=csv&" + y,
                "/api/v1/monitoring/notice?half=1&format=xlsx&" + y);
        for (String endpoint : endpoints) {
            for (String region : List.of("530000", KUNMING_WUHUA, "520000", "522700", "000000")) {
                assertEquals(403, status(endpoint + "&region=" + region, qiandongnan), endpoint + " " + region);
            }
            assertEquals(403, status(endpoint + "&region=" + DANZHAI, yunnan), endpoint);
            assertEquals(403, status(endpoint, buyer.token()), endpoint);
            assertEquals(403, status(endpoint + "&region=" + DANZHAI, buyer.token()), endpoint);
            assertEquals(403, status(endpoint + "&region=" + DANZHAI, supplierA.token()), endpoint);
            assertEquals(200, status(endpoint + "&region=" + DANZHAI, qiandongnan), endpoint);
            assertEquals(200, status(endpoint, qiandongnan), endpoint); // no region: the regulator's own
            assertEquals(200, status(endpoint + "&region=530000", operator), endpoint);
        }
        assertEquals(401, status("/api/v1/monitoring/supply?" + y, "not-a-token"));
        assertEquals(400, status("/api/v1/monitoring/notice?half=3&" + y, operator));
        assertEquals(404, status("/api/v1/monitoring/supply?region=529999&" + y, operator));
    }
}
