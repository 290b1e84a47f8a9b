package cn.huinong.quota;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.QuotaFixtures.plan;
import static cn.huinong.support.QuotaFixtures.shared;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.DepartmentKind;
import cn.huinong.identity.Organizations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.OwnSchema;
import cn.huinong.support.QuotaDb;
import cn.huinong.support.QuotaFixtures;
import cn.huinong.support.QuotaFixtures.Unit;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rules the policy gives (ADR 11): a shared canteen's representative is a unit that shares the canteen (same
 * county), approved, filing an own canteen (OWN) for the year, and the lookup offers only such units; a lower ratio
 * is decided by a finance department whose scope covers the unit, or by an operator, never by commerce or others.
 * The candidates of a county are every plan filed there: the class runs in a schema of its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // so that Micronaut asks getProperties() before the context starts
class SharedCanteenAndRatioRulesTest implements TestPropertyProvider {

    static final int YEAR = 2031;
    static final String HONGHUAGANG = "520302";
    static final String HUICHUAN = "520303";
    static final String KUNMING = "530102";
    static final String REPRESENTATIVE = "representativeOrganizationId";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    QuotaDb db;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        return OwnSchema.properties("shared_canteen");
    }

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    Api.Response file(Unit unit, Map<String, Object> body) {
        return api.put("/api/v1/quota/plans/" + YEAR, body, unit.token());
    }

    Unit representativeFiling(String region, String canteen) {
        Unit rep = QuotaFixtures.unit(organizations, api, region);
        expect(200, file(rep, canteen.equals("NONE") ? Map.of("canteen", "NONE") : plan(canteen, 2_000_000, 200_000)));
        return rep;
    }

    static void refusedOnTheRepresentative(Api.Response r) {
        expect(422, r);
        assertEquals(List.of(REPRESENTATIVE), r.violatedFields(), r.body().toString());
        assertTrue(String.valueOf(r.get("detail")).contains("代表单位"), r.body().toString());
    }

    @Test
    void representativeInAnotherProvinceIsRefused() {
        Unit rep = representativeFiling(KUNMING, "OWN");
        Unit member = QuotaFixtures.unit(organizations, api, HONGHUAGANG);
        refusedOnTheRepresentative(file(member, shared(rep.id())));
        assertEquals(0, db.count("SELECT count(*) FROM quota_plan WHERE organization_id = ?", member.id()));
    }

    @Test
    void representativeInAnotherCountyOfTheProvinceIsRefused() {
        Unit rep = representativeFiling(HUICHUAN, "OWN");
        Unit member = QuotaFixtures.unit(organizations, api, HONGHUAGANG);
        refusedOnTheRepresentative(file(member, shared(rep.id())));
    }

    @Test
    void representativeThatIsNoLongerApprovedIsRefused() {
        Unit rep = representativeFiling(HONGHUAGANG, "OWN");
        db.update("UPDATE organization SET status = 'REJECTED' WHERE id = ?", rep.id());
        Unit member = QuotaFixtures.unit(organizations, api, HONGHUAGANG);
        refusedOnTheRepresentative(file(member, shared(rep.id())));
    }

    @Test
    void representativeThatDoesNotFileAnOwnCanteenIsRefused() {
        Unit member = QuotaFixtures.unit(organizations, api, HONGHUAGANG);
        for (String canteen : List.of("OUTSOURCED", "NONE")) {
            refusedOnTheRepresentative(file(
                    member, shared(representativeFiling(HONGHUAGANG, canteen).id())));
        }
        Unit notFiled = QuotaFixtures.unit(organizations, api, HONGHUAGANG);
        refusedOnTheRepresentative(file(member, shared(notFiled.id())));
        Unit own = representativeFiling(HONGHUAGANG, "OWN");
        Api.Response ok = expect(200, file(member, shared(own.id())));
        assertEquals(own.id(), ((Number) ok.get(REPRESENTATIVE)).longValue());
    }

    @Test
    void representativeWithMembersKeepsItsOwnCanteen() {
        Unit rep = representativeFiling(HONGHUAGANG, "OWN");
        Unit member = QuotaFixtures.unit(organizations, api, HONGHUAGANG);
        expect(200, file(member, shared(rep.id())));
        expect(409, file(rep, plan("OUTSOURCED", 2_000_000, 200_000)));
        expect(200, file(rep, plan("OWN", 3_000_000, 300_000)));
    }

    @Test
    void candidateLookupOffersOnlyApprovedUnitsOfTheCountyFilingOwn() {
        String tag = "zunyi" + System.nanoTime();
        Unit seeker = QuotaFixtures.unit(organizations, api, HONGHUAGANG);
        Unit own = representativeFiling(HONGHUAGANG, "OWN");
        Unit outsourced = representativeFiling(HONGHUAGANG, "OUTSOURCED");
        Unit none = representativeFiling(HONGHUAGANG, "NONE");
        Unit notFiled = QuotaFixtures.unit(organizations, api, HONGHUAGANG);
        Unit rejected = representativeFiling(HONGHUAGANG, "OWN");
        db.update("UPDATE organization SET status = 'REJECTED' WHERE id = ?", rejected.id());
        Unit otherCounty = representativeFiling(HUICHUAN, "OWN");
        Unit otherProvince = representativeFiling(KUNMING, "OWN");
        List<Unit> all = List.of(own, outsourced, none, notFiled, rejected, otherCounty, otherProvince);
        for (Unit u : all) {
            db.update("UPDATE organization SET name = ? WHERE id = ?", tag + "-" + u.username(), u.id());
        }
        List<Map<String, Object>> items = expect(
                        200,
                        api.get(
                                "/api/v1/quota/representative-candidates?year=" + YEAR + "&size=100&q=" + tag,
                                seeker.token()))
                .items();
        assertEquals(
                List.of(own.id()),
                items.stream()
                        .map(i -> ((Number) i.get("organizationId")).longValue())
                        .toList(),
                items.toString());
        Map<String, Object> c = items.get(0);
        assertEquals("COUNTY", c.get("proximity"));
        assertEquals("OWN", c.get("canteen"));
        assertEquals(true, c.get("eligible"));
        // and every unit the lookup offers is accepted by the filing
        Unit member = QuotaFixtures.unit(organizations, api, HONGHUAGANG);
        List<Map<String, Object>> offered = expect(
                        200,
                        api.get("/api/v1/quota/representative-candidates?year=" + YEAR + "&size=100", member.token()))
                .items();
        assertFalse(offered.isEmpty());
        for (Map<String, Object> o : offered) {
            assertEquals(HONGHUAGANG, o.get("regionCode"), o.toString());
        }
        expect(200, file(member, shared(((Number) offered.get(0).get("organizationId")).longValue())));
    }

    long requestException(Unit unit) {
        Api.Response r = expect(
                201,
                api.post(
                        "/api/v1/quota/plans/" + YEAR + "/ratio-exceptions",
                        Map.of("ratioPercent", 8, "reason", "食堂规模小，脱贫地区产品品类不足"),
                        unit.token()));
        return ((Number) r.get("id")).longValue();
    }

    Api.Response decide(long id, String token) {
        return api.post(
                "/api/v1/quota/ratio-exceptions/" + id + "/decision",
                Map.of("decision", "APPROVE", "reason", "同意"),
                token);
    }

    @Test
    void commerceAndOtherDepartmentsCannotDecideARatioException() {
        Unit unit = QuotaFixtures.unit(organizations, api, HONGHUAGANG);
        long id = requestException(unit);
        for (DepartmentKind kind : List.of(
                DepartmentKind.COMMERCE,
                DepartmentKind.AGRICULTURE,
                DepartmentKind.RURAL_REVITALIZATION,
                DepartmentKind.SUPERVISING)) {
            String token = QuotaFixtures.regulator(organizations, api, "520102", "520000", kind);
            Api.Response r = expect(403, decide(id, token));
            assertTrue(String.valueOf(r.get("detail")).contains("财政"), r.body().toString());
        }
        assertEquals(1, db.count("SELECT count(*) FROM quota_ratio_exception WHERE id = ? AND status = 'PENDING'", id));
        assertEquals(
                0,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE resource_type = 'quota_ratio_exception'"
                                + " AND resource_id = ? AND action IN ('QUOTA_RATIO_EXCEPTION_APPROVED', 'QUOTA_RATIO_EXCEPTION_REJECTED')",
                        String.valueOf(id)));
    }

    @Test
    void financeDepartmentInScopeDecides() {
        Unit unit = QuotaFixtures.unit(organizations, api, HONGHUAGANG);
        long id = requestException(unit);
        String zunyiFinance = QuotaFixtures.regulator(organizations, api, "520302", "520300", DepartmentKind.FINANCE);
        Api.Response r = expect(200, decide(id, zunyiFinance));
        assertEquals("APPROVED", r.get("status"));
    }

    @Test
    void financeDepartmentOutOfScopeIsRefused() {
        Unit unit = QuotaFixtures.unit(organizations, api, HONGHUAGANG);
        long id = requestException(unit);
        String yunnanFinance = QuotaFixtures.regulator(organizations, api, KUNMING, "530000", DepartmentKind.FINANCE);
        String guiyangFinance = QuotaFixtures.regulator(organizations, api, "520102", "520100", DepartmentKind.FINANCE);
        expect(403, decide(id, yunnanFinance));
        expect(403, decide(id, guiyangFinance));
        assertEquals(1, db.count("SELECT count(*) FROM quota_ratio_exception WHERE id = ? AND status = 'PENDING'", id));
        // the operator decides anywhere
        expect(200, decide(id, CatalogFixtures.operator(organizations, api)));
    }
}
