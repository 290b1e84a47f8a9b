package cn.huinong.catalog;

import static cn.huinong.support.CatalogFixtures.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.identity.Organizations;
import cn.huinong.region.Designations;
import cn.huinong.shared.PageQuery;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogDb;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ProductImportTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    @Inject
    CatalogDb db;

    @Inject
    AuditLog audit;

    Api api;
    Supplier supplier;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        supplier = CatalogFixtures.supplier(organizations, api);
    }

    private Api.Response upload(String fileName, byte[] content, String submit) {
        MultipartBody.Builder body =
                MultipartBody.builder().addPart("file", fileName, MediaType.APPLICATION_OCTET_STREAM_TYPE, content);
        if (submit != null) {
            body.addPart("submit", submit);
        }
        return api.send(
                HttpRequest.POST("/api/v1/products/imports", body.build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                supplier.token());
    }

    private long products() {
        return db.count("SELECT count(*) FROM product WHERE supplier_id = ?", supplier.id());
    }

    @Test
    void importsAGoodCsvAsDrafts() {
        String csv = """
                name,categoryCode,originRegionCode,unit,spec,priceFen,stock,brandName,description
                雷山银球茶,0501,522634,罐,250克/罐,12800,100,,"高山云雾绿茶，明前采摘"
                雷山天麻,090101,522634,千克,"1千克/袋",26000,40,,
                """;
        Api.Response r = expect(201, upload("products.csv", csv.getBytes(StandardCharsets.UTF_8), null));
        assertEquals("COMPLETED", r.get("status"));
        assertEquals(2, ((Number) r.get("createdCount")).intValue());
        assertEquals(2, ((Number) r.get("processedRows")).intValue());
        assertEquals(2, products());
        assertEquals(
                2, db.count("SELECT count(*) FROM product WHERE supplier_id = ? AND status = 'DRAFT'", supplier.id()));
        assertEquals(2, db.count("""
                SELECT count(*) FROM product_search_document d JOIN product p ON p.id = d.product_id
                WHERE p.supplier_id = ?""", supplier.id()));
        long importId = ((Number) r.get("id")).longValue();
        Api.Response status = expect(200, api.get("/api/v1/products/imports/" + importId, supplier.token()));
        assertEquals(2, ((Number) status.get("totalRows")).intValue());
        assertEquals(2, ((Number) status.get("processedRows")).intValue());
        assertEquals(
                1,
                audit.search(
                                new AuditQuery(
                                        null,
                                        "PRODUCT_IMPORT_COMPLETED",
                                        "product-import",
                                        String.valueOf(importId),
                                        null,
                                        null),
                                PageQuery.of(0, 5))
                        .total());
        assertEquals(
                404,
                api.get(
                                "/api/v1/products/imports/" + importId,
                                CatalogFixtures.supplier(organizations, api).token())
                        .status());
    }

    @Test
    void importsGb18030CsvPricedInYuanExactlyAndSubmits() throws IOException {
        String csv = "商品名称,品类代码,产地代码,单位,规格,价格（元）,库存\n雷山鱼酱,0701,522634,瓶,500克/瓶,19.99,10\n"
                + "雷山糯米,010103,522634,袋,5千克/袋,0.29,5\n";
        Api.Response r = expect(201, upload("商品.csv", csv.getBytes(Charset.forName("GB18030")), "true"));
        assertEquals("CSV", r.get("format"));
        assertEquals(
                2,
                db.count(
                        "SELECT count(*) FROM product WHERE supplier_id = ? AND status = 'PENDING_REVIEW'",
                        supplier.id()));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM product WHERE supplier_id = ? AND name = '雷山鱼酱' AND price_fen = 1999",
                        supplier.id()));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM product WHERE supplier_id = ? AND name = '雷山糯米' AND price_fen = 29",
                        supplier.id()));
    }

    @Test
    void importsAGoodXlsx() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("商品");
            String[][] rows = {
                {"name", "categoryCode", "originRegionCode", "unit", "spec", "price", "stock"},
                {"雷山银球茶（礼盒）", "0501", "522634", "盒", "500克/盒", "258.5", "12"}
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (r > 0 && (c == 5 || c == 6)) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        Api.Response r = expect(201, upload("products.xlsx", xlsx, null));
        assertEquals("XLSX", r.get("format"));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM product WHERE supplier_id = ? AND price_fen = 25850 AND stock = 12",
                        supplier.id()));
    }

    @Test
    void aFileWithBadRowsImportsNothingAndSaysWhere() {
        String csv = """
                name,categoryCode,originRegionCode,unit,spec,priceFen,stock,brandName
                雷山银球茶,0501,522634,罐,250克/罐,12800,100,
                ,0501,522634,罐,250克/罐,12800,100,
                雷山天麻,99,522634,千克,1千克/袋,-5,abc,
                雷山香菇,060101,520000,千克,1千克/袋,3000,10,没有的品牌
                """;
        Api.Response r = upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(422, r.status(), r.body().toString());
        assertEquals("application/problem+json", r.contentType());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.get("rowErrors");
        List<String> where =
                errors.stream().map(e -> e.get("line") + ":" + e.get("column")).toList();
        assertEquals(
                List.of("3:name", "4:priceFen", "4:stock", "4:categoryCode", "5:brandName", "5:originRegionCode"),
                where);
        assertEquals("abc", errors.get(2).get("value"));
        assertEquals("库存应为不小于0的整数", errors.get(2).get("message"));
        assertEquals(0, products(), "not even the good row");
        long importId = ((Number) r.get("importId")).longValue();
        Api.Response status = expect(200, api.get("/api/v1/products/imports/" + importId, supplier.token()));
        assertEquals("REJECTED", status.get("status"));
        assertEquals(6, ((Number) status.get("errorCount")).intValue());
    }

    @Test
    void importsManyRowsInBatchesWithADocumentAndOutboxRowEach() {
        StringBuilder csv = new StringBuilder("name,categoryCode,originRegionCode,unit,spec,price,stock\n");
        for (int i = 1; i <= 450; i++) {
            csv.append("雷山高山茶")
                    .append(i)
                    .append(",0501,522634,袋,100克/袋,")
                    .append(i)
                    .append(".05,")
                    .append(i)
                    .append('\n');
        }
        Api.Response r = expect(201, upload("many.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null));
        assertEquals(450, ((Number) r.get("totalRows")).intValue());
        assertEquals(450, ((Number) r.get("processedRows")).intValue());
        assertEquals(450, ((Number) r.get("createdCount")).intValue());
        assertEquals(450, db.count("""
                SELECT count(*) FROM catalog_outbox o JOIN product p ON p.id = o.product_id WHERE p.supplier_id = ?""", supplier.id()));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM product WHERE supplier_id = ? AND name = '雷山高山茶450' AND price_fen = 45005",
                        supplier.id()));
    }

    @Test
    void refusesAFileWithoutTheRequiredColumns() {
        Api.Response r = upload("x.csv", "名称,价格\n茶,1\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(400, r.status());
        assertTrue(r.violations().stream().anyMatch(v -> "缺少必填列：categoryCode".equals(v.get("message"))));
    }

    @Test
    void servesATemplateThatImportsAsIs() {
        String template = client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/api/v1/products/imports/template.csv").bearerAuth(supplier.token()));
        assertTrue(template.contains("name,categoryCode,originRegionCode,unit,spec,priceFen,stock"));
        expect(201, upload("template.csv", template.getBytes(StandardCharsets.UTF_8), null));
        assertEquals(1, products());
    }
}
