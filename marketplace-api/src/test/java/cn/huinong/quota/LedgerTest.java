package cn.huinong.quota;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.OrderingFixtures.checkout;
import static cn.huinong.support.OrderingFixtures.id;
import static cn.huinong.support.OrderingFixtures.line;
import static cn.huinong.support.OrderingFixtures.orders;
import static cn.huinong.support.OrderingFixtures.place;
import static cn.huinong.support.QuotaFixtures.plan;
import static cn.huinong.support.QuotaFixtures.shared;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.ordering.OrderPayments;
import cn.huinong.region.Designations;
import cn.huinong.shared.Actor;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ledger fed from ordering's events, end to end: real checkouts, payments through OrderPayments.markPaid with chosen
 * payment times, refunds through OrderPayments.recordRefund, the consumer driven directly, progress over HTTP. The
 * trend and the consistency check judge every ledger row of a year, and one test tampers with a row: the class runs
 * in a schema of its own, and the tampered year (2033) is one no other test here pays in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // so that Micronaut asks getProperties() before the context starts
class LedgerTest implements TestPropertyProvider {

    static final String GUIYANG = "520102";
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
    Quotas quotas;

    @Inject
    QuotaDb db;

    Api api;
    Supplier supplier;
    long eligibleTea;
    long ineligibleTea;

    @Override
    public Map<String, String> getProperties() {
        return OwnSchema.properties("ledger");
    }

    @BeforeEach
    void setUp() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        supplier = CatalogFixtures.supplier(organizations, api);
        String operator = CatalogFixtures.operator(organizations, api);
        eligibleTea = OrderingFixtures.listed(api, supplier, operator, PRICE, 10_000);
        // grown outside any designated county: sold on the platform, but does not count
        ineligibleTea = OrderingFixtures.listed(api, supplier, operator, 3_000, 10_000, "110105");
    }

    long order(Unit unit, String channel, Map<String, Object>... lines) {
        Map<String, Object> body = checkout(lines);
        body.put("channel", channel);
        return id(orders(expect(201, place(api, unit.token(), null, body))).get(0));
    }

    long paidOrder(Unit unit, int quantity, String paidAt) {
        long id = order(unit, "CANTEEN", line(eligibleTea, quantity));
        pay(id, paidAt);
        return id;
    }

    void pay(long order, String paidAt) {
        orders.markPaid(order, "test-" + order, Instant.parse(paidAt), Actor.system("test"));
    }

    void refund(long order, long amountFen) {
        orders.recordRefund(order, amountFen, "refund-" + order + "-" + amountFen, Actor.system("test"));
    }

    Map<String, Object> progress(Unit unit, int year) {
        ledger.drain(1_000_000);
        return expect(200, api.get("/api/v1/quota/plans/" + year + "/progress", unit.token()))
                .body();
    }

    long spent(Unit unit, int year) {
        return ((Number) progress(unit, year).get("eligibleSpentFen")).longValue();
    }

    @Test
    void onlyPaidEligibleMoneyCounts() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        paidOrder(unit, 2, "2030-03-01T02:00:00Z");
        order(unit, "CANTEEN", line(eligibleTea, 5)); // never paid
        long mixed = order(unit, "CANTEEN", line(eligibleTea, 1), line(ineligibleTea, 4)); // one supplier: one order
        pay(mixed, "2030-04-01T02:00:00Z");
        long cancelled = order(unit, "CANTEEN", line(eligibleTea, 7));
        expect(200, api.post("/api/v1/orders/" + cancelled + "/cancellation", Map.of(), unit.token()));
        assertEquals(3 * PRICE, spent(unit, 2030));
        assertEquals(0, spent(unit, 2029));
    }

    @Test
    void unionAndStaffPurchasesCountTowardTheUnit() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        pay(order(unit, "UNION", line(eligibleTea, 1)), "2030-05-01T02:00:00Z");
        pay(order(unit, "STAFF", line(eligibleTea, 2)), "2030-05-02T02:00:00Z");
        pay(order(unit, "CANTEEN", line(eligibleTea, 3)), "2030-05-03T02:00:00Z");
        assertEquals(6 * PRICE, spent(unit, 2030));
        assertEquals(
                3, db.count("SELECT count(DISTINCT channel) FROM quota_ledger WHERE organization_id = ?", unit.id()));
    }

    @Test
    void paymentJustAfterMidnightInBeijingOnNewYearsEveBelongsToTheNextYear() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        paidOrder(unit, 1, "2029-12-31T15:59:59Z"); // 23:59:59 in Beijing
        paidOrder(unit, 2, "2029-12-31T16:30:00Z"); // 00:30 on 1 January 2030 in Beijing
        assertEquals(PRICE, spent(unit, 2029));
        assertEquals(2 * PRICE, spent(unit, 2030));
    }

    @Test
    void refundsTakeMoneyBackInTheYearOfThePaymentNeverTheRefundsYear() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        long order = paidOrder(unit, 4, "2025-12-20T02:00:00Z"); // paid in 2025, refunded now
        refund(order, PRICE);
        assertEquals(3 * PRICE, spent(unit, 2025));
        assertEquals(0, spent(unit, QuotaRules.yearOf(Instant.now())));
        refund(order, 3 * PRICE); // the rest: the order is REFUNDED
        assertEquals(0, spent(unit, 2025));
        assertEquals(
                2,
                db.count(
                        "SELECT count(*) FROM quota_ledger WHERE order_id = ? AND event_type = "
                                + "'ORDER_REFUNDED' AND year = 2025",
                        order));
    }

    @SuppressWarnings("unchecked")
    long[] trend(int year, String region, String token) {
        ledger.drain(1_000_000);
        Map<String, Object> t = expect(
                        200,
                        api.get(
                                "/api/v1/monitoring/trend?year=" + year + (region == null ? "" : "&region=" + region),
                                token))
                .body();
        return ((List<Map<String, Object>>) t.get("months"))
                .stream()
                        .mapToLong(m -> ((Number) m.get("eligibleSpentFen")).longValue())
                        .toArray();
    }

    /** What the trend used to compute: the region's ledger rows of the year, by month of payment in Beijing. */
    long[] ledgerMonths(int year, String prefix) {
        long[] months = new long[12];
        for (int m = 1; m <= 12; m++) {
            months[m - 1] = db.count("""
                    SELECT coalesce(sum(l.eligible_fen), 0) FROM quota_ledger l JOIN organization o
                        ON o.id = l.organization_id AND o.kind = 'BUYER' AND o.status = 'APPROVED'
                    WHERE l.year = ? AND o.region_code LIKE ?
                      AND extract(month FROM l.paid_at AT TIME ZONE 'Asia/Shanghai') = ?
                    """, year, prefix + "%", m);
        }
        return months;
    }

    @Test
    void aRegionsTrendIsItsLedgerByMonthOfPaymentWithRefundsInTheMonthOfThePayment() {
        String operator = CatalogFixtures.operator(organizations, api);
        long[] before2031 = trend(2031, GUIYANG, operator);
        long[] before2032 = trend(2032, "520000", operator);
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        long march = paidOrder(unit, 3, "2031-03-15T02:00:00Z");
        paidOrder(unit, 2, "2031-03-31T16:30:00Z"); // 00:30 on 1 April in Beijing
        paidOrder(unit, 1, "2031-12-31T16:30:00Z"); // 00:30 on 1 January 2032 in Beijing
        refund(march, PRICE); // refunded now, taken back in March 2031

        long[] after = trend(2031, GUIYANG, operator);
        assertEquals(2 * PRICE, after[2] - before2031[2]);
        assertEquals(2 * PRICE, after[3] - before2031[3]);
        assertEquals(PRICE, trend(2032, "520000", operator)[0] - before2032[0]);
        // county, province and country agree with the ledger rows of their units, month by month
        for (int year : List.of(2031, 2032)) {
            assertEquals(Arrays.toString(ledgerMonths(year, GUIYANG)), Arrays.toString(trend(year, GUIYANG, operator)));
            assertEquals(Arrays.toString(ledgerMonths(year, "52")), Arrays.toString(trend(year, "520000", operator)));
            assertEquals(Arrays.toString(ledgerMonths(year, "")), Arrays.toString(trend(year, null, operator)));
        }
    }

    @Test
    void refundOfAMixedOrderTakesBackOnlyItsEligibleShare() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        long mixed = order(unit, "CANTEEN", line(eligibleTea, 1), line(ineligibleTea, 1)); // 10,000 of 13,000
        pay(mixed, "2030-06-01T02:00:00Z");
        refund(mixed, 1_300); // a tenth of the total: a tenth of the eligible part
        assertEquals(PRICE - 1_000, spent(unit, 2030));
    }

    @Test
    void progressComparesSpendingWithTheReserveAndThePaceOfTheYear() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        expect(200, api.put("/api/v1/quota/plans/2025", plan("OWN", 1_000_000, 100_000), unit.token()));
        paidOrder(unit, 4, "2025-03-01T02:00:00Z");
        Map<String, Object> p = progress(unit, 2025);
        assertEquals(40_000, ((Number) p.get("eligibleSpentFen")).longValue());
        assertEquals(60_000, ((Number) p.get("remainingFen")).longValue());
        assertEquals(
                new BigDecimal("0.4"), new BigDecimal(p.get("completionRate").toString()).stripTrailingZeros());
        assertEquals(
                new BigDecimal("0.04"), new BigDecimal(p.get("shareOfTotal").toString()).stripTrailingZeros());
        assertEquals(false, p.get("onPace")); // 2025 is over: the whole reserve was due
        assertEquals(100_000, ((Number) p.get("expectedByNowFen")).longValue());
        paidOrder(unit, 6, "2025-11-01T02:00:00Z");
        Map<String, Object> done = progress(unit, 2025);
        assertEquals(true, done.get("onPace"));
        assertEquals(0, ((Number) done.get("remainingFen")).longValue());
    }

    @Test
    void sharedCanteenPurchasesCountOnceAtTheRepresentativeEvenWhenFiledAfterThePurchases() {
        Unit representative = QuotaFixtures.unit(organizations, api, GUIYANG);
        Unit member = QuotaFixtures.unit(organizations, api, GUIYANG);
        expect(200, api.put("/api/v1/quota/plans/2030", plan("OWN", 1_000_000, 100_000), representative.token()));
        paidOrder(representative, 1, "2030-02-01T02:00:00Z");
        paidOrder(member, 2, "2030-02-02T02:00:00Z"); // bought before the member filed
        assertEquals(2 * PRICE, spent(member, 2030));
        expect(200, api.put("/api/v1/quota/plans/2030", shared(representative.id()), member.token()));
        assertEquals(3 * PRICE, spent(representative, 2030));
        Map<String, Object> memberView = progress(member, 2030);
        assertEquals(3 * PRICE, ((Number) memberView.get("eligibleSpentFen")).longValue()); // the shared canteen's
        assertEquals(2 * PRICE, ((Number) memberView.get("ownSpentFen")).longValue());
        paidOrder(member, 4, "2030-03-01T02:00:00Z"); // bought after filing
        assertEquals(7 * PRICE, spent(representative, 2030));
        // the member gets its own canteen again: its purchases leave the representative
        expect(200, api.put("/api/v1/quota/plans/2030", plan("OWN", 500_000, 50_000), member.token()));
        assertEquals(PRICE, spent(representative, 2030));
        assertEquals(6 * PRICE, spent(member, 2030));
    }

    @Test
    void theSameEventTwiceIsBookedOnce() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        long order = paidOrder(unit, 3, "2030-07-01T02:00:00Z");
        assertEquals(3 * PRICE, spent(unit, 2030));
        // the events are delivered again (the consumer's position set back before them): nothing more is booked
        db.update("""
                UPDATE outbox_consumer c SET last_tx_id = e.tx_id, last_id = e.id - 1
                FROM (SELECT tx_id, id FROM order_event_outbox WHERE order_id = ? ORDER BY tx_id, id LIMIT 1) e
                WHERE c.name = 'quota-ledger'
                """, order);
        assertEquals(1, db.count("""
                SELECT count(*) FROM outbox_consumer c JOIN order_event_outbox e ON e.order_id = ?
                WHERE c.name = 'quota-ledger' AND (e.tx_id, e.id) > (c.last_tx_id, c.last_id) AND e.event_type = 'ORDER_PAID'
                """, order), "the order's payment is after the position again");
        assertEquals(3 * PRICE, spent(unit, 2030));
        assertEquals(1, db.count("SELECT count(*) FROM quota_ledger WHERE order_id = ?", order));
        assertEquals(0, db.count("""
                SELECT count(*) FROM outbox_consumer c JOIN order_event_outbox e ON e.order_id = ?
                WHERE c.name = 'quota-ledger' AND (e.tx_id, e.id) > (c.last_tx_id, c.last_id)
                """, order));
    }

    @Test
    void aConsumerThatDiesMidBatchLeavesNothingBehindAndTheNextOneBooksEverythingOnce() {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        ledger.drain(1_000_000);
        long first = paidOrder(unit, 1, "2030-08-01T02:00:00Z");
        long second = paidOrder(unit, 2, "2030-08-02T02:00:00Z");
        // a batch claimed and booked, then the process dies before commit
        db.rolledBack(() -> assertTrue(ledger.consumeBatch(1_000) >= 4));
        assertEquals(0, db.count("SELECT count(*) FROM quota_ledger WHERE order_id IN (?, ?)", first, second));
        assertEquals(3 * PRICE, spent(unit, 2030));
        assertEquals(2, db.count("SELECT count(*) FROM quota_ledger WHERE order_id IN (?, ?)", first, second));
    }

    @Test
    void concurrentConsumersBookEachEventOnce() throws Exception {
        Unit unit = QuotaFixtures.unit(organizations, api, GUIYANG);
        List<Long> paid = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            paid.add(paidOrder(unit, 1, "2030-09-01T02:00:00Z"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> consumers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                consumers.add(() -> {
                    int n = 0;
                    int k;
                    while ((k = ledger.consumeBatch(2)) > 0) {
                        n += k;
                    }
                    return n;
                });
            }
            for (Future<Integer> f : pool.invokeAll(consumers)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(12 * PRICE, spent(unit, 2030));
        assertEquals(
                12, db.count("SELECT count(*) FROM quota_ledger WHERE organization_id = ? AND year = 2030", unit.id()));
    }

    @Test
    void consistencyCheckFindsATamperedLedgerAndNothingOtherwise() {
        Unit honest = QuotaFixtures.unit(organizations, api, GUIYANG);
        Unit tampered = QuotaFixtures.unit(organizations, api, GUIYANG);
        long refunded = paidOrder(honest, 3, "2033-01-10T02:00:00Z");
        refund(refunded, PRICE);
        paidOrder(tampered, 2, "2033-01-11T02:00:00Z");
        ledger.drain(1_000_000);
        ConsistencyReport clean = quotas.consistencyCheck(2033);
        assertTrue(
                clean.mismatches().stream()
                        .noneMatch(m -> m.organizationId() == honest.id() || m.organizationId() == tampered.id()),
                clean.toString());

        db.update("""
                INSERT INTO quota_ledger (event_id, event_type, order_id, organization_id, channel, year, eligible_fen,
                                          paid_at, occurred_at)
                VALUES (gen_random_uuid(), 'ORDER_PAID', 0, ?, 'CANTEEN', 2033, 777, now(), now())
                """, tampered.id());
        ConsistencyReport found = quotas.consistencyCheck(2033);
        ConsistencyReport.Mismatch m = found.mismatches().stream()
                .filter(x -> x.organizationId() == tampered.id())
                .findFirst()
                .orElseThrow(() -> new AssertionError(found.toString()));
        assertEquals(2 * PRICE, m.fromOrdersFen());
        assertEquals(2 * PRICE + 777, m.ledgerFen());
        assertEquals(2 * PRICE, m.figuresFen());
        assertTrue(found.mismatches().stream().noneMatch(x -> x.organizationId() == honest.id()));

        String operator = CatalogFixtures.operator(organizations, api);
        Api.Response r =
                expect(200, api.post("/api/v1/operator/quota/consistency-check?year=2033", Map.of(), operator));
        assertTrue(r.get("mismatches").toString().contains(String.valueOf(tampered.id())));
        expect(403, api.post("/api/v1/operator/quota/consistency-check?year=2033", Map.of(), honest.token()));
    }
}
