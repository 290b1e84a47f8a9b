package cn.huinong.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.region.Designations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogDb;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import cn.huinong.support.ImportFiles;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads that cannot hurt: files far over the row limit are refused while they are read (the whole
 * workbook is never built), nothing is written, and the storefront keeps answering.
 */
@MicronautTest(transactional = false)
class ImportLimitsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    @Inject
    CatalogDb db;

    Api api;
    Supplier supplier;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        supplier = CatalogFixtures.supplier(organizations, api);
    }

    private Api.Response upload(String fileName, byte[] content) {
        MultipartBody body = MultipartBody.builder()
                .addPart("file", fileName, MediaType.APPLICATION_OCTET_STREAM_TYPE, content)
                .build();
        return api.send(
                HttpRequest.POST("/api/v1/products/imports", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                supplier.token());
    }

    private void assertRefusedForRows(Api.Response r) {
        assertEquals(400, r.status(), r.body().toString());
        assertEquals("application/problem+json", r.contentType());
        assertTrue(
                String.valueOf(r.get("detail")).contains("导入文件超过5000行"),
                r.body().toString());
        assertTrue(
                r.violations().stream()
                        .anyMatch(v -> "file".equals(v.get("field"))
                                && String.valueOf(v.get("message")).contains("导入文件超过5000行")),
                r.body().toString());
        assertEquals(
                0, db.count("SELECT count(*) FROM product WHERE supplier_id = ?", supplier.id()), "nothing imported");
        assertEquals(
                0,
                db.count("SELECT count(*) FROM product_import WHERE supplier_id = ?", supplier.id()),
                "no import started");
    }

    private void assertStorefrontAnswers() {
        Api.Response search = api.get("/api/v1/catalog/search?q=%E8%8C%B6", null);
        assertEquals(200, search.status(), search.body().toString());
        assertEquals(200, api.get("/health", null).status());
    }

    @Test
    void refusesA200kRowXlsxAndImportsNothing() throws IOException {
        Path file = ImportFiles.xlsx(200_000);
        try {
            byte[] content = Files.readAllBytes(file);
            assertTrue(content.length < 3_000_000, "a small file that expands a lot: " + content.length);
            assertRefusedForRows(upload("200k.xlsx", content));
        } finally {
            Files.deleteIfExists(file);
        }
        assertStorefrontAnswers();
    }

    @Test
    void refusesA200kRowCsvAndImportsNothing() throws IOException {
        Path file = ImportFiles.csv(200_000);
        try {
            assertRefusedForRows(upload("200k.csv", Files.readAllBytes(file)));
        } finally {
            Files.deleteIfExists(file);
        }
        assertStorefrontAnswers();
    }

    @Test
    void refusesAZipBombDisguisedAsXlsx() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("""
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="xml" ContentType="application/xml"/></Types>""".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] blank = new byte[1 << 20];
            java.util.Arrays.fill(blank, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(blank); // 200 MB of nothing, a few hundred kB compressed
            }
            zip.closeEntry();
        }
        Api.Response r = upload("bomb.xlsx", bytes.toByteArray());
        assertEquals(400, r.status(), r.body().toString());
        assertEquals("application/problem+json", r.contentType());
        assertTrue(
                r.violations().stream().anyMatch(v -> "file".equals(v.get("field"))),
                r.body().toString());
        assertEquals(0, db.count("SELECT count(*) FROM product WHERE supplier_id = ?", supplier.id()));
        assertStorefrontAnswers();
    }

    @Test
    void refusesAFileOverTheSizeLimitInChinese() {
        byte[] big = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        Api.Response r = upload("big.csv", big);
        assertTrue(r.status() == 413 || r.status() == 400, r.status() + " " + r.body());
        assertEquals("application/problem+json", r.contentType());
        assertTrue(
                String.valueOf(r.get("title")).matches(".*[\\u4e00-\\u9fff].*"),
                r.body().toString());
        assertEquals(0, db.count("SELECT count(*) FROM product WHERE supplier_id = ?", supplier.id()));
    }
}
