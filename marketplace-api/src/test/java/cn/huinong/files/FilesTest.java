package cn.huinong.files;

import static cn.huinong.support.CatalogFixtures.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.region.Designations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogDb;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.FileFixtures;
import cn.huinong.support.OrderingFixtures;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /files and GET /files/{id} over real HTTP, PostgreSQL and the disk. */
@MicronautTest(transactional = false)
class FilesTest {

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
    String buyer;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        buyer = OrderingFixtures.buyer(organizations, api).token();
    }

    @Test
    void aPdfIsStoredWithItsSniffedTypeAndDigest_andReadBackByItsUnit() throws Exception {
        byte[] pdf = FileFixtures.pdf();
        // the client says it is a picture: the bytes decide
        Api.Response r =
                expect(201, FileFixtures.upload(api, buyer, "TRANSFER_SLIP", "../../etc/回单.pdf", "image/png", pdf));
        assertEquals("application/pdf", r.get("contentType"));
        assertEquals((long) pdf.length, ((Number) r.get("size")).longValue());
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)), r.get("sha256"));
        assertEquals("回单.pdf", r.get("name"), "no folders");
        assertEquals("TRANSFER_SLIP", r.get("purpose"));
        long id = ((Number) r.get("id")).longValue();

        FileFixtures.Download d = FileFixtures.download(client, id, buyer);
        assertEquals(200, d.status());
        assertArrayEquals(pdf, d.bytes());
        assertEquals(
                "application/pdf", d.response().getContentType().orElseThrow().toString());
        assertEquals("nosniff", d.response().getHeaders().get("X-Content-Type-Options"));
        assertTrue(d.response()
                .getHeaders()
                .get("Content-Disposition")
                .contains("filename*=UTF-8''%E5%9B%9E%E5%8D%95.pdf"));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'FILE_UPLOADED' AND resource_id = ?",
                        String.valueOf(id)));
    }

    @Test
    void othersDoNotSeeAFileThatIsNotAttachedToAnythingOfTheirs_operatorsDo() {
        long id = FileFixtures.uploaded(api, buyer, "TRANSFER_SLIP", FileFixtures.pdf());
        String stranger = OrderingFixtures.buyer(organizations, api).token();
        assertEquals(404, FileFixtures.download(client, id, stranger).status());
        assertEquals(
                404,
                FileFixtures.download(
                                client,
                                id,
                                CatalogFixtures.supplier(organizations, api).token())
                        .status());
        assertEquals(401, FileFixtures.download(client, id, null).status());
        assertEquals(
                200,
                FileFixtures.download(client, id, CatalogFixtures.operator(organizations, api))
                        .status());
        assertEquals(404, FileFixtures.download(client, Long.MAX_VALUE, buyer).status());
    }

    @Test
    void typesArePerPurpose_andRecognisedByTheirBytes() {
        assertEquals(
                201,
                FileFixtures.upload(api, buyer, "TRANSFER_SLIP", "a.png", "image/png", FileFixtures.png())
                        .status());
        assertEquals(
                201,
                FileFixtures.upload(api, buyer, "TRANSFER_SLIP", "a.jpg", "image/jpeg", FileFixtures.jpeg())
                        .status());
        Api.Response ofd = expect(
                201,
                FileFixtures.upload(
                        api,
                        buyer,
                        "TRANSFER_SLIP",
                        "回单.ofd",
                        "application/octet-stream",
                        FileFixtures.zip("OFD.xml", "Doc_0/Document.xml")));
        assertEquals("application/ofd", ofd.get("contentType"));

        Api.Response zip = FileFixtures.upload(
                api, buyer, "TRANSFER_SLIP", "a.ofd", "application/ofd", FileFixtures.zip("word/document.xml"));
        assertEquals(400, zip.status(), "a ZIP without OFD.xml is not an OFD document");
        assertEquals("file", zip.violatedFields().get(0));
        Api.Response html = FileFixtures.upload(
                api,
                buyer,
                "TRANSFER_SLIP",
                "slip.pdf",
                "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes());
        assertEquals(400, html.status());
        assertTrue(
                ((String) html.violations().get(0).get("message")).contains("PDF"),
                html.body().toString());
        assertEquals(
                400,
                FileFixtures.upload(api, buyer, "PRODUCT_PHOTO", "x.pdf", "application/pdf", FileFixtures.pdf())
                        .status(),
                "a product photo is a picture");
        assertEquals(
                400,
                FileFixtures.upload(api, buyer, "TRANSFER_SLIP", "empty.pdf", "application/pdf", new byte[0])
                        .status());
        Api.Response noPurpose = FileFixtures.upload(api, buyer, null, "a.pdf", "application/pdf", FileFixtures.pdf());
        assertEquals(400, noPurpose.status());
        assertEquals("purpose", noPurpose.violatedFields().get(0));
        assertEquals(
                400,
                FileFixtures.upload(api, buyer, "SELFIE", "a.pdf", "application/pdf", FileFixtures.pdf())
                        .status());
    }

    @Test
    void aFileBeyondItsPurposesLimit_is413_andNothingIsKept() {
        long before = db.count("SELECT count(*) FROM stored_file");
        byte[] big = Arrays.copyOf(FileFixtures.png(), (5 << 20) + 1); // a product photo may have 5 MB
        Api.Response r = FileFixtures.upload(api, buyer, "PRODUCT_PHOTO", "big.png", "image/png", big);
        assertEquals(413, r.status(), r.body().toString());
        assertEquals("urn:huinong:problem:too-large", r.get("type"));
        assertEquals(before, db.count("SELECT count(*) FROM stored_file"));
    }

    @Test
    void theSameBytesTwiceAreTwoRecordsOfOneStoredFile() {
        byte[] pdf = FileFixtures.pdf();
        long a = FileFixtures.uploaded(api, buyer, "TRANSFER_SLIP", pdf);
        long b = FileFixtures.uploaded(api, buyer, "TRANSFER_SLIP", pdf);
        assertTrue(a != b);
        assertArrayEquals(
                FileFixtures.download(client, a, buyer).bytes(),
                FileFixtures.download(client, b, buyer).bytes());
    }
}
