package cn.huinong.quota;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.OrderingFixtures.checkout;
import static cn.huinong.support.OrderingFixtures.id;
import static cn.huinong.support.OrderingFixtures.line;
import static cn.huinong.support.OrderingFixtures.orders;
import static cn.huinong.support.OrderingFixtures.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.ordering.OrderPayments;
import cn.huinong.region.Designations;
import cn.huinong.shared.Actor;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.OrderingFixtures;
import cn.huinong.support.OwnSchema;
import cn.huinong.support.QuotaDb;
import cn.huinong.support.QuotaFixtures;
import cn.huinong.support.QuotaFixtures.Unit;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Consistency checks in the background: started, followed, finished with what the synchronous command finds. The
 * check judges every ledger row of the year, and the test tampers with one: it runs in a schema of its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // so that Micronaut asks getProperties() before the context starts
class ConsistencyRunTest implements TestPropertyProvider {

    static final int YEAR = 2034;
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

    @Inject
    QuotaDb db;

    @Override
    public Map<String, String> getProperties() {
        return OwnSchema.properties("consistency_run");
    }

    Map<String, Object> finished(Api api, Api.Response started, String operator) throws InterruptedException {
        String path = "/api/v1/operator/quota/consistency-checks/" + started.get("id");
        for (int i = 0; i < 300; i++) {
            Map<String, Object> run = expect(200, api.get(path, operator)).body();
            if (!"RUNNING".equals(run.get("status"))) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the check did not finish in 30 s");
    }

    @Test
    void aBackgroundCheckFindsWhatTheCommandFindsAndIsAudited() throws Exception {
        Api api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        CatalogFixtures.Supplier supplier = CatalogFixtures.supplier(organizations, api);
        String operator = CatalogFixtures.operator(organizations, api);
        long tea = OrderingFixtures.listed(api, supplier, operator, PRICE, 1_000);
        Unit unit = QuotaFixtures.unit(organizations, api, "520102");
        long order = id(orders(expect(201, place(api, unit.token(), null, checkout(line(tea, 2)))))
                .get(0));
        orders.markPaid(order, "run-" + order, Instant.parse("2034-03-01T02:00:00Z"), Actor.system("test"));
        ledger.drain(1_000_000);

        String start = "/api/v1/operator/quota/consistency-checks?year=" + YEAR;
        Api.Response clean = expect(202, api.post(start, Map.of(), operator));
        assertEquals(YEAR, ((Number) clean.get("year")).intValue());
        Map<String, Object> cleanRun = finished(api, clean, operator);
        assertEquals("DONE", cleanRun.get("status"), cleanRun.toString());
        assertEquals("已完成", cleanRun.get("statusLabel"));
        assertTrue(((Number) cleanRun.get("unitsChecked")).longValue() >= 1);
        assertTrue(((List<?>) cleanRun.get("mismatches"))
                .stream().noneMatch(m -> ((Number) ((Map<?, ?>) m).get("organizationId")).longValue() == unit.id()));

        db.update("""
                INSERT INTO quota_ledger (event_id, event_type, order_id, organization_id, channel, year, eligible_fen,
                                          paid_at, occurred_at)
                VALUES (gen_random_uuid(), 'ORDER_PAID', 0, ?, 'CANTEEN', ?, 555, now(), now())
                """, unit.id(), YEAR);
        Map<String, Object> found = finished(api, expect(202, api.post(start, Map.of(), operator)), operator);
        Map<?, ?> mismatch = ((List<?>) found.get("mismatches"))
                .stream()
                        .map(Map.class::cast)
                        .filter(m -> ((Number) m.get("organizationId")).longValue() == unit.id())
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(found.toString()));
        assertEquals(2 * PRICE, ((Number) mismatch.get("fromOrdersFen")).longValue());
        assertEquals(2 * PRICE + 555, ((Number) mismatch.get("ledgerFen")).longValue());
        // the synchronous command agrees
        Api.Response sync =
                expect(200, api.post("/api/v1/operator/quota/consistency-check?year=" + YEAR, Map.of(), operator));
        assertEquals(((List<?>) sync.get("mismatches")).size(), ((Number) found.get("mismatchCount")).intValue());

        List<Map<String, Object>> listed = expect(
                        200, api.get("/api/v1/operator/quota/consistency-checks?size=5", operator))
                .items();
        assertEquals(found.get("id"), listed.get(0).get("id"), "newest first");
        assertEquals(List.of(), listed.get(0).get("mismatches"), "lists leave the mismatches out");
        assertEquals(
                2,
                db.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'QUOTA_CONSISTENCY_CHECK_FINISHED'"
                                + " AND resource_id IN (?, ?)",
                        String.valueOf(clean.get("id")),
                        String.valueOf(found.get("id"))));

        // one running check per year; only operators; unknown runs
        db.update("INSERT INTO quota_consistency_run (year, status, started_by) VALUES (2035, 'RUNNING', 'test')");
        Api.Response busy =
                expect(409, api.post("/api/v1/operator/quota/consistency-checks?year=2035", Map.of(), operator));
        assertTrue(
                ((String) busy.get("detail")).contains("2035年度的核对正在进行"),
                busy.body().toString());
        expect(403, api.post(start, Map.of(), unit.token()));
        expect(403, api.get("/api/v1/operator/quota/consistency-checks", unit.token()));
        expect(404, api.get("/api/v1/operator/quota/consistency-checks/999999999", operator));
        expect(400, api.post("/api/v1/operator/quota/consistency-checks?year=1999", Map.of(), operator));
    }
}
