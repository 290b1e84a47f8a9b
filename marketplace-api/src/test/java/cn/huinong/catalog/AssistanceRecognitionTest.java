package cn.huinong.catalog;

import static cn.huinong.support.CatalogFixtures.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.huinong.identity.Organizations;
import cn.huinong.region.Designations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogDb;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A province (贵州, 520000) configured to require a valid 帮扶产品认定 for eligibility. */
@MicronautTest(transactional = false)
@Property(name = "huinong.catalog.eligibility.require-assistance-recognition-provinces", value = "520000")
class AssistanceRecognitionTest {

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

    @Test
    void eligibleOnlyWhileAValidRecognitionIsHeld() {
        Api api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        Supplier supplier = CatalogFixtures.supplier(organizations, api);
        String operator = CatalogFixtures.operator(organizations, api);
        long id = CatalogFixtures.listed(api, supplier.token(), operator, CatalogFixtures.product());

        Api.Response before = expect(200, api.get("/api/v1/products/" + id, null));
        assertEquals(false, before.get("eligible"));
        assertEquals(List.of("产地所在省要求有效的帮扶产品认定，该商品尚无有效认定"), before.get("eligibilityReasons"));
        assertEquals(false, db.document(id).get("eligible"));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Api.Response cert = expect(
                201,
                api.post(
                        "/api/v1/products/" + id + "/certifications",
                        Map.of(
                                "kind",
                                "ASSISTANCE_PRODUCT",
                                "number",
                                "黔帮认〔2026〕0042号",
                                "issuer",
                                "雷山县乡村振兴局",
                                "issuedOn",
                                today.minusDays(10).toString(),
                                "expiresOn",
                                today.plusDays(3).toString()),
                        supplier.token()));
        long certId = ((Number) cert.get("id")).longValue();
        expect(
                200,
                api.post("/api/v1/certifications/" + certId + "/decision", Map.of("decision", "APPROVE"), operator));
        expect(200, api.post("/api/v1/products/" + id + "/decision", Map.of("decision", "APPROVE"), operator));
        assertEquals(true, expect(200, api.get("/api/v1/products/" + id, null)).get("eligible"));
        assertEquals(true, db.document(id).get("eligible"));

        certifications.lapseExpired(today.plusDays(4));
        assertEquals(false, expect(200, api.get("/api/v1/products/" + id, null)).get("eligible"));
        assertEquals(false, db.document(id).get("eligible"));
    }
}
