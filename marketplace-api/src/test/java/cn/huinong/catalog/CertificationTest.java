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
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CertificationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    @Inject
    Certifications certifications;

    @Inject
    CatalogDb db;

    @Inject
    AuditLog audit;

    Api api;
    Supplier supplier;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        supplier = CatalogFixtures.supplier(organizations, api);
        operator = CatalogFixtures.operator(organizations, api);
    }

    static Map<String, Object> cert(String kind, String number, LocalDate issuedOn, LocalDate expiresOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("number", number);
        body.put("issuer", "中国绿色食品发展中心");
        body.put("issuedOn", issuedOn.toString());
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn.toString());
        }
        return body;
    }

    private long add(long productId, Map<String, Object> body) {
        Api.Response r =
                expect(201, api.post("/api/v1/products/" + productId + "/certifications", body, supplier.token()));
        assertEquals("PENDING", r.get("status"));
        return ((Number) r.get("id")).longValue();
    }

    @Test
    void aReviewedCertificationShowsOnThePageAndInTheDocument() {
        long id = CatalogFixtures.listed(api, supplier.token(), operator, CatalogFixtures.product());
        long certId = add(id, cert("GREEN_FOOD", "GF522634250012", TODAY.minusMonths(2), TODAY.plusYears(2)));

        Api.Response page = expect(200, api.get("/api/v1/products/" + id, supplier.token()));
        assertEquals("PENDING_REVIEW", page.get("status"), "a new certification is a key fact: back to review");
        assertTrue(api.get("/api/v1/certifications/review-queue?size=200", operator).items().stream()
                .anyMatch(c -> ((Number) c.get("id")).longValue() == certId));

        Api.Response decided = expect(
                200,
                api.post("/api/v1/certifications/" + certId + "/decision", Map.of("decision", "APPROVE"), operator));
        assertEquals("APPROVED", decided.get("status"));
        assertEquals(true, decided.get("valid"));
        assertEquals(
                409,
                api.post("/api/v1/certifications/" + certId + "/decision", Map.of("decision", "APPROVE"), operator)
                        .status());
        expect(200, api.post("/api/v1/products/" + id + "/decision", Map.of("decision", "APPROVE"), operator));

        @SuppressWarnings("unchecked")
        Map<String, Object> shown = ((List<Map<String, Object>>)
                        expect(200, api.get("/api/v1/products/" + id, null)).get("certifications"))
                .get(0);
        assertEquals("GREEN_FOOD", shown.get("kind"));
        assertEquals("GF522634250012", shown.get("number"));
        assertEquals("中国绿色食品发展中心", shown.get("issuer"));
        assertEquals(true, shown.get("valid"));
        assertEquals(List.of("GREEN_FOOD"), db.document(id).get("certifications"));
        assertEquals(
                1,
                audit.search(
                                new AuditQuery(
                                        null,
                                        "CERTIFICATION_APPROVED",
                                        "certification",
                                        String.valueOf(certId),
                                        null,
                                        null),
                                PageQuery.of(0, 5))
                        .total());
    }

    @Test
    void rejectsMalformedNumbersAndValidity() {
        long id = CatalogFixtures.create(api, supplier.token(), CatalogFixtures.product());
        Api.Response gf = api.post(
                "/api/v1/products/" + id + "/certifications",
                cert("GREEN_FOOD", "GF12345", TODAY.minusDays(1), TODAY.plusYears(1)),
                supplier.token());
        assertEquals(400, gf.status());
        assertEquals(List.of("number"), gf.violatedFields());
        Api.Response organic = api.post(
                "/api/v1/products/" + id + "/certifications",
                cert("ORGANIC", "12345678901234567", TODAY.minusDays(1), TODAY.plusYears(2)),
                supplier.token());
        assertEquals(400, organic.status());
        assertEquals("有机产品认证有效期最长1年", organic.violations().get(0).get("message"));
        Api.Response gi = api.post(
                "/api/v1/products/" + id + "/certifications",
                cert("GEOGRAPHICAL_INDICATION", "AGI01234", TODAY.minusYears(5), TODAY.plusYears(1)),
                supplier.token());
        assertEquals(List.of("expiresOn"), gi.violatedFields());
        add(id, cert("GEOGRAPHICAL_INDICATION", "AGI01234", TODAY.minusYears(5), null));
        assertEquals(
                409,
                api.post(
                                "/api/v1/products/" + id + "/certifications",
                                cert("GEOGRAPHICAL_INDICATION", "agi01234", TODAY.minusYears(5), null),
                                supplier.token())
                        .status());
        Api.Response reject =
                api.post("/api/v1/certifications/" + 1 + "/decision", Map.of("decision", "REJECT"), operator);
        assertEquals(400, reject.status());
    }

    @Test
    void lapsesExpiredCertificatesAndReindexes() {
        long id = CatalogFixtures.listed(api, supplier.token(), operator, CatalogFixtures.product());
        long certId = add(id, cert("ORGANIC", "52063420250000123", TODAY.minusMonths(11), TODAY.plusDays(5)));
        expect(
                200,
                api.post("/api/v1/certifications/" + certId + "/decision", Map.of("decision", "APPROVE"), operator));
        expect(200, api.post("/api/v1/products/" + id + "/decision", Map.of("decision", "APPROVE"), operator));
        assertEquals(List.of("ORGANIC"), db.document(id).get("certifications"));
        long versions = db.count("SELECT count(*) FROM catalog_outbox WHERE product_id = ?", id);

        assertTrue(certifications.lapseExpired(TODAY.plusDays(6)) >= 1);

        @SuppressWarnings("unchecked")
        Map<String, Object> shown = ((List<Map<String, Object>>)
                        expect(200, api.get("/api/v1/products/" + id, null)).get("certifications"))
                .get(0);
        assertEquals("EXPIRED", shown.get("status"));
        assertEquals(false, shown.get("valid"));
        assertEquals(List.of(), db.document(id).get("certifications"));
        assertEquals(versions + 1, db.count("SELECT count(*) FROM catalog_outbox WHERE product_id = ?", id));
        assertEquals(
                1,
                audit.search(
                                new AuditQuery(
                                        null,
                                        "CERTIFICATION_EXPIRED",
                                        "certification",
                                        String.valueOf(certId),
                                        null,
                                        null),
                                PageQuery.of(0, 5))
                        .total());
        assertEquals(0, certifications.lapseExpired(TODAY.plusDays(6)), "a second run finds nothing left to lapse");
    }

    @Test
    void listsOwnCertificatesExpiringSoon() {
        long id = CatalogFixtures.create(api, supplier.token(), CatalogFixtures.product());
        long soon = add(id, cert("ASSISTANCE_PRODUCT", "黔帮认2025-001", TODAY.minusMonths(6), TODAY.plusDays(30)));
        add(id, cert("FAMOUS_SPECIAL", "MTYX-2026-01", TODAY.minusMonths(1), TODAY.plusDays(300)));
        Api.Response within60 = expect(200, api.get("/api/v1/certifications/expiring?days=60", supplier.token()));
        assertEquals(
                List.of(soon),
                within60.items().stream()
                        .map(c -> ((Number) c.get("id")).longValue())
                        .toList());
        assertEquals(
                0,
                ((Number) expect(200, api.get("/api/v1/certifications/expiring?days=10", supplier.token()))
                                .get("total"))
                        .intValue());
        Supplier other = CatalogFixtures.supplier(organizations, api);
        assertEquals(
                0,
                ((Number) expect(200, api.get("/api/v1/certifications/expiring", other.token()))
                                .get("total"))
                        .intValue());
        assertEquals(
                404,
                api.post(
                                "/api/v1/products/" + id + "/certifications",
                                cert("GEOGRAPHICAL_INDICATION", "AGI01234", TODAY.minusDays(1), null),
                                other.token())
                        .status());
    }
}
