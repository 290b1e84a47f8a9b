package cn.huinong.quota;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.QuotaFixtures.plan;
import static cn.huinong.support.QuotaFixtures.shared;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogDb;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.QuotaFixtures;
import cn.huinong.support.QuotaFixtures.Unit;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filing yearly plans over HTTP: floors, canteen situations, amendments, deadlines, ratio exceptions. */
@MicronautTest(transactional = false)
class QuotaPlanTest {

    static final String GUIYANG = "520102";
    static final String BEIJING = "110105";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    CatalogDb db;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    Api.Response file(Unit unit, int year, Map<String, Object> body) {
        return api.put("/api/v1/quota/plans/" + year, body, unit.token());
    }

    @Test
    void rejectsPlanBelowFloorStatingTheMinimumInChinese() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        // 10% of 1,234,567.89 yuan is 123,456.789 yuan: at least 12,345,679 fen
        Api.Response r = expect(422, file(unit, 2030, plan("OWN", 123_456_789, 12_345_678)));
        assertTrue(
                ((String) r.get("detail")).contains("至少123,456.79元（12345679分）")
                        && ((String) r.get("detail")).contains("10%"),
                r.body().toString());
        assertEquals(List.of("reservedFen"), r.violatedFields());
        assertEquals(12_345_679, ((Number) r.get("minimumReservedFen")).longValue());

        Api.Response ok = expect(200, file(unit, 2030, plan("OWN", 123_456_789, 12_345_679)));
        assertEquals(12_345_679, ((Number) ok.get("minimumReservedFen")).longValue());
        assertEquals(1, ((Number) ok.get("version")).intValue());
        assertEquals(10, ((Number) ok.get("floorPercent")).intValue());
    }

    @Test
    void appliesTheProvinceFloorOfTheYear() {
        Unit unit = QuotaFixtures.unit(organizations, api, BEIJING);
        // Beijing asks for 15% in 2026 (configuration), the national 10% in other years
        expect(422, file(unit, 2026, plan("OWN", 1_000_000, 100_000)));
        Api.Response ok = expect(200, file(unit, 2026, plan("OWN", 1_000_000, 150_000)));
        assertEquals(15, ((Number) ok.get("floorPercent")).intValue());
        expect(200, file(unit, 2030, plan("OWN", 1_000_000, 100_000)));
    }

    @Test
    void floorIsReadableBeforeFilingPerProvinceAndYear() {
        Unit beijing = QuotaFixtures.unit(organizations, api, BEIJING);
        Map<String, Object> floor = expect(200, api.get("/api/v1/quota/plans/2026/floor", beijing.token()))
                .body();
        assertEquals("110000", floor.get("provinceCode"));
        assertEquals(15, ((Number) floor.get("floorPercent")).intValue());
        assertEquals(15, ((Number) floor.get("provinceFloorPercent")).intValue());
        assertNull(floor.get("ratioExceptionId"));
        assertTrue(floor.get("deadline") != null);
        Unit guiyang = QuotaFixtures.unit(organizations, api, GUIYANG);
        Map<String, Object> national = expect(200, api.get("/api/v1/quota/plans/2030/floor", guiyang.token()))
                .body();
        assertEquals(10, ((Number) national.get("floorPercent")).intValue());
        assertEquals(false, national.get("lateIfFiledNow"));
        expect(403, api.get("/api/v1/quota/plans/2030/floor", CatalogFixtures.operator(organizations, api)));
    }

    @Test
    void outsourcedCanteenAlsoReservesAndNoCanteenReservesNothing() {
        Unit outsourced = QuotaFixtures.unit(organizations, api, GUIYANG);
        expect(422, file(outsourced, 2030, plan("OUTSOURCED", 500_000, 49_999)));
        expect(200, file(outsourced, 2030, plan("OUTSOURCED", 500_000, 50_000)));

        Unit none = QuotaFixtures.unit(organizations, api, GUIYANG);
        Api.Response r = expect(200, file(none, 2030, Map.of("canteen", "NONE")));
        assertEquals(0, ((Number) r.get("reservedFen")).longValue());
        Map<String, Object> progress = expect(200, api.get("/api/v1/quota/plans/2030/progress", none.token()))
                .body();
        assertEquals(true, progress.get("filed"));
        assertEquals(true, progress.get("onPace"));
        assertNull(progress.get("completionRate"));
        assertEquals(0, ((Number) progress.get("remainingFen")).longValue());
    }

    @Test
    void reserveBeyondTheTotalOrMissingAmountsAreRefused() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        expect(422, file(unit, 2030, plan("OWN", 1_000, 1_001)));
        Api.Response missing = expect(400, file(unit, 2030, Map.of("canteen", "OWN")));
        assertTrue(missing.violatedFields().contains("reservedFen"));
        expect(400, file(unit, 2030, plan("OWN", -1, 0)));
        expect(400, file(unit, 2030, Map.of("canteen", "KITCHEN")));
    }

    @Test
    void sharedCanteenPointsToARepresentativeThatFilesItsOwn() {
        Unit representative = QuotaFixtures.unit(organizations, api, GUIYANG);
        Unit member = QuotaFixtures.unit(organizations, api, GUIYANG);
        // the representative has not filed yet
        expect(422, file(member, 2030, shared(representative.id())));
        expect(400, file(member, 2030, Map.of("canteen", "SHARED")));
        expect(200, file(representative, 2030, plan("OWN", 2_000_000, 200_000)));
        expect(422, file(member, 2030, shared(member.id())));
        Api.Response r = expect(200, file(member, 2030, shared(representative.id())));
        assertEquals(representative.id(), ((Number) r.get("representativeOrganizationId")).longValue());
        // a representative with members cannot stop having a canteen of its own
        expect(409, file(representative, 2030, Map.of("canteen", "NONE")));
        expect(409, file(representative, 2030, plan("OUTSOURCED", 2_000_000, 300_000)));
        expect(200, file(representative, 2030, plan("OWN", 2_000_000, 300_000)));
        // the member's progress is the shared canteen's
        Map<String, Object> progress = expect(200, api.get("/api/v1/quota/plans/2030/progress", member.token()))
                .body();
        assertEquals(300_000, ((Number) progress.get("reservedFen")).longValue());
        assertEquals(representative.id(), ((Number) progress.get("countedAtOrganizationId")).longValue());
    }

    @Test
    void amendmentsKeepHistoryAndEveryFilingIsAudited() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        expect(200, file(unit, 2030, plan("OWN", 1_000_000, 100_000)));
        Api.Response second = expect(200, file(unit, 2030, plan("OWN", 1_200_000, 150_000)));
        assertEquals(2, ((Number) second.get("version")).intValue());
        Map<String, Object> current =
                expect(200, api.get("/api/v1/quota/plans/2030", unit.token())).body();
        assertEquals(150_000, ((Number) current.get("reservedFen")).longValue());

        List<Map<String, Object>> versions = versions(unit, 2030);
        assertEquals(2, versions.size());
        assertEquals(100_000, ((Number) versions.get(0).get("reservedFen")).longValue());
        assertEquals(150_000, ((Number) versions.get(1).get("reservedFen")).longValue());
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE resource_type = 'quota_plan' "
                                + "AND resource_id = ? AND action = 'QUOTA_PLAN_FILED'",
                        unit.id() + "/2030"));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE resource_type = 'quota_plan' "
                                + "AND resource_id = ? AND action = 'QUOTA_PLAN_AMENDED'",
                        unit.id() + "/2030"));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> versions(Unit unit, int year) {
        return (List<Map<String, Object>>) (List<?>) client.toBlocking()
                .retrieve(
                        io.micronaut.http.HttpRequest.GET("/api/v1/quota/plans/" + year + "/versions")
                                .bearerAuth(unit.token()),
                        io.micronaut.core.type.Argument.listOf(Map.class));
    }

    @Test
    void filingAfterTheDeadlineIsAcceptedButLate() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        // 2026's deadline (30 June 2026) has passed on the machines running this; 2030's has not
        Api.Response late = expect(200, file(unit, 2026, plan("OWN", 1_000_000, 100_000)));
        assertEquals(true, late.get("late"));
        assertEquals("2026-06-30", late.get("deadline"));
        Api.Response onTime = expect(200, file(unit, 2030, plan("OWN", 1_000_000, 100_000)));
        assertEquals(false, onTime.get("late"));
    }

    @Test
    void unfiledPlanIsNotFoundAndItsProgressSaysNotFiled() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        expect(404, api.get("/api/v1/quota/plans/2030", unit.token()));
        Map<String, Object> progress = expect(200, api.get("/api/v1/quota/plans/2030/progress", unit.token()))
                .body();
        assertEquals(false, progress.get("filed"));
        assertEquals(false, progress.get("onPace"));
        assertEquals(0, ((Number) progress.get("reservedFen")).longValue());
    }

    @Test
    void onlyBuyersFilePlans() {
        String operator = CatalogFixtures.operator(organizations, api);
        expect(403, api.put("/api/v1/quota/plans/2030", plan("OWN", 1_000, 100), operator));
        expect(401, api.put("/api/v1/quota/plans/2030", plan("OWN", 1_000, 100), null));
    }

    @Test
    void approvedRatioExceptionBecomesTheFloor() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        String elsewhere = QuotaFixtures.regulator(organizations, api, "110105", "110000");
        String guizhou = QuotaFixtures.regulator(organizations, api, "520102", "520000");
        String path = "/api/v1/quota/plans/2030/ratio-exceptions";
        expect(422, api.post(path, Map.of("ratioPercent", 10, "reason", "食堂规模小"), unit.token()));
        expect(400, api.post(path, Map.of("ratioPercent", 8.123, "reason", "食堂规模小"), unit.token()));
        Api.Response requested = expect(
                201, api.post(path, Map.of("ratioPercent", 8.5, "reason", "食堂主要供应本地蔬菜，脱贫地区产品品类不足"), unit.token()));
        assertEquals("PENDING", requested.get("status"));
        long id = ((Number) requested.get("id")).longValue();
        expect(409, api.post(path, Map.of("ratioPercent", 8, "reason", "再次申请"), unit.token()));
        // pending: the national floor still applies
        expect(422, file(unit, 2030, plan("OWN", 1_000_000, 85_000)));

        String decision = "/api/v1/quota/ratio-exceptions/" + id + "/decision";
        expect(403, api.post(decision, Map.of("decision", "APPROVE"), elsewhere));
        expect(403, api.post(decision, Map.of("decision", "APPROVE"), unit.token()));
        expect(400, api.post(decision, Map.of("decision", "REJECT"), guizhou));
        Api.Response approved = expect(200, api.post(decision, Map.of("decision", "APPROVE", "reason", "同意"), guizhou));
        assertEquals("APPROVED", approved.get("status"));
        expect(409, api.post(decision, Map.of("decision", "REJECT", "reason", "改判"), guizhou));

        Api.Response filed = expect(200, file(unit, 2030, plan("OWN", 1_000_000, 85_000)));
        assertEquals(8.5, ((Number) filed.get("floorPercent")).doubleValue());
        assertEquals(id, ((Number) filed.get("ratioExceptionId")).longValue());
        expect(422, file(unit, 2030, plan("OWN", 1_000_000, 84_999)));
        Map<String, Object> floor = expect(200, api.get("/api/v1/quota/plans/2030/floor", unit.token()))
                .body();
        assertEquals(8.5, ((Number) floor.get("floorPercent")).doubleValue());
        assertEquals(10, ((Number) floor.get("provinceFloorPercent")).intValue());
        assertEquals(id, ((Number) floor.get("ratioExceptionId")).longValue());

        List<Map<String, Object>> mine = expect(200, api.get("/api/v1/quota/ratio-exceptions", unit.token()))
                .items();
        assertEquals(1, mine.size());
        assertFalse(expect(200, api.get("/api/v1/quota/ratio-exceptions?status=APPROVED", guizhou))
                .items()
                .isEmpty());
        assertTrue(expect(200, api.get("/api/v1/quota/ratio-exceptions?year=2030", elsewhere)).items().stream()
                .noneMatch(e -> ((Number) e.get("id")).longValue() == id));
        assertEquals(
                1,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE resource_type = 'quota_ratio_exception' "
                                + "AND resource_id = ? AND action = 'QUOTA_RATIO_EXCEPTION_APPROVED'",
                        String.valueOf(id)));
    }
}
