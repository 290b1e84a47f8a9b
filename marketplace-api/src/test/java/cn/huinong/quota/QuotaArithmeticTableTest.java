package cn.huinong.quota;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.OrderingFixtures.checkout;
import static cn.huinong.support.OrderingFixtures.id;
import static cn.huinong.support.OrderingFixtures.line;
import static cn.huinong.support.OrderingFixtures.orders;
import static cn.huinong.support.OrderingFixtures.place;
import static cn.huinong.support.QuotaFixtures.plan;
import static cn.huinong.support.QuotaFixtures.shared;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.huinong.identity.Organizations;
import cn.huinong.ordering.OrderPayments;
import cn.huinong.region.Designations;
import cn.huinong.shared.Actor;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import cn.huinong.support.OrderingFixtures;
import cn.huinong.support.QuotaFixtures;
import cn.huinong.support.QuotaFixtures.Unit;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reserved-share arithmetic as one table: each row files a plan (canteen situation, total, reserve or "the
 * minimum", optionally an approved ratio exception and an amendment), makes purchases (channel, eligible and
 * ineligible quantities, paid at a given instant or never, cancelled, refunded now) and states what the unit's
 * plan and progress must say afterwards, per year. Everything runs through the real system: plans over HTTP,
 * checkouts over HTTP, payments and refunds through ordering, the ledger consumer, progress over HTTP.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotaArithmeticTableTest {

    static final String GUIYANG = "520102";
    static final String BEIJING = "110105";
    /** Eligible tea from a designated county, and tea grown elsewhere: sold, never counted. */
    static final long TEA = 10_000;

    static final long OTHER_TEA = 3_000;
    static final int NOW = QuotaRules.yearOf(Instant.now());

    /** How a row files: {@code reservedFen == null} files exactly the minimum the floor allows. */
    record Filing(
            String canteen, long annualFen, Long reservedFen, BigDecimal exceptionPercent, Long amendedAnnualFen) {}

    /** One order of one unit; {@code paidAt == null} leaves it unpaid, {@code cancel} cancels it unpaid. */
    record Purchase(String channel, int eligible, int ineligible, String paidAt, boolean cancel, long refundFen) {}

    /**
     * What must hold: the plan's floor and minimum, the reserve progress reports, and the counted (eligible spent)
     * money per year as the unit sees it; {@code ownFen} what the unit itself bought when it differs (a shared
     * canteen's member); {@code planVersions} how many versions the plan has.
     */
    record Outcome(
            BigDecimal floorPercent,
            long minimumFen,
            long reservedFen,
            Map<Integer, Long> countedByYear,
            Long ownFen,
            int planVersions) {}

    record Row(String name, String county, int year, Filing filing, List<Purchase> purchases, Outcome expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                row(
                        "floor 10% of 10,000.05 yuan is rounded up to the fen",
                        GUIYANG, 2030, own(1_000_005), none(), outcome("10", 100_001, 100_001, Map.of(2030, 0L))),
                row(
                        "an exact floor needs no rounding",
                        GUIYANG,
                        2030,
                        own(1_000_000),
                        none(),
                        outcome("10", 100_000, 100_000, Map.of(2030, 0L))),
                row(
                        "Beijing's 2026 floor is 15%, rounded up",
                        BEIJING, 2026, own(1_000_001), none(), outcome("15", 150_001, 150_001, Map.of(2026, 0L))),
                row(
                        "Beijing falls back to the national 10% in other years",
                        BEIJING, 2030, own(1_000_001), none(), outcome("10", 100_001, 100_001, Map.of(2030, 0L))),
                row(
                        "an approved 8.5% exception becomes the floor",
                        GUIYANG,
                        2030,
                        new Filing("OWN", 1_000_001, null, new BigDecimal("8.5"), null),
                        none(),
                        outcome("8.5", 85_001, 85_001, Map.of(2030, 0L))),
                row(
                        "a reserve above the floor is kept as filed",
                        GUIYANG,
                        2030,
                        new Filing("OWN", 1_000_000, 250_000L, null, null),
                        none(),
                        outcome("10", 100_000, 250_000, Map.of(2030, 0L))),
                row(
                        "an outsourced canteen reserves like an own one and its purchases count",
                        GUIYANG,
                        2030,
                        new Filing("OUTSOURCED", 500_000, null, null, null),
                        List.of(paid("CANTEEN", 2, "2030-03-01T02:00:00Z")),
                        outcome("10", 50_000, 50_000, Map.of(2030, 2 * TEA))),
                row(
                        "no canteen reserves nothing; its purchases are still booked",
                        GUIYANG,
                        2030,
                        new Filing("NONE", 0, null, null, null),
                        List.of(paid("CANTEEN", 1, "2030-03-01T02:00:00Z")),
                        outcome("10", 0, 0, Map.of(2030, TEA))),
                row(
                        "a shared canteen's member counts at the representative, once",
                        GUIYANG,
                        2030,
                        new Filing("SHARED", 0, null, null, null),
                        List.of(paid("CANTEEN", 2, "2030-04-01T02:00:00Z")),
                        // the representative (filed OWN 2,000,000 / 200,000, bought nothing) shows the same 2 x TEA
                        new Outcome(new BigDecimal("10"), 0, 200_000, Map.of(2030, 2 * TEA), 2 * TEA, 1)),
                row(
                        "only paid orders count: unpaid and cancelled do not",
                        GUIYANG,
                        2030,
                        own(1_000_000),
                        List.of(
                                paid("CANTEEN", 3, "2030-05-01T02:00:00Z"),
                                unpaid("CANTEEN", 5),
                                new Purchase("CANTEEN", 7, 0, null, true, 0)),
                        outcome("10", 100_000, 100_000, Map.of(2030, 3 * TEA))),
                row(
                        "only the eligible part of a mixed order counts",
                        GUIYANG,
                        2030,
                        own(1_000_000),
                        List.of(new Purchase("CANTEEN", 1, 4, "2030-05-01T02:00:00Z", false, 0)),
                        outcome("10", 100_000, 100_000, Map.of(2030, TEA))),
                row(
                        "union and staff purchases count toward the unit",
                        GUIYANG,
                        2030,
                        own(1_000_000),
                        List.of(
                                paid("UNION", 1, "2030-06-01T02:00:00Z"),
                                paid("STAFF", 2, "2030-06-02T02:00:00Z"),
                                paid("CANTEEN", 3, "2030-06-03T02:00:00Z")),
                        outcome("10", 100_000, 100_000, Map.of(2030, 6 * TEA))),
                row(
                        "a refund made now is taken back in the year of the original payment",
                        GUIYANG,
                        2025,
                        own(1_000_000),
                        List.of(new Purchase("CANTEEN", 4, 0, "2025-12-20T02:00:00Z", false, TEA)),
                        outcome("10", 100_000, 100_000, Map.of(2025, 3 * TEA, NOW, 0L))),
                row(
                        "a refund of a mixed order takes back only its eligible share",
                        GUIYANG,
                        2030,
                        own(1_000_000),
                        // 10,000 eligible of 13,000: a refund of 1,300 is a tenth, so 1,000 eligible
                        List.of(new Purchase("CANTEEN", 1, 1, "2030-06-01T02:00:00Z", false, 1_300)),
                        outcome("10", 100_000, 100_000, Map.of(2030, TEA - 1_000))),
                row(
                        "payments at the turn of the year belong to the year in Beijing",
                        GUIYANG,
                        2030,
                        own(1_000_000),
                        List.of(
                                paid("CANTEEN", 1, "2029-12-31T15:59:59Z"), // 23:59:59 on 31 December in Beijing
                                paid("CANTEEN", 2, "2029-12-31T16:00:00Z"), // 00:00:00 on 1 January 2030
                                paid("CANTEEN", 4, "2030-12-31T16:00:00Z")), // 00:00:00 on 1 January 2031
                        outcome("10", 100_000, 100_000, Map.of(2029, TEA, 2030, 2 * TEA, 2031, 4 * TEA))),
                row(
                        "an amendment raises the minimum, keeps history and keeps the money",
                        GUIYANG,
                        2030,
                        new Filing("OWN", 1_000_000, null, null, 2_000_005L),
                        List.of(paid("CANTEEN", 2, "2030-02-01T02:00:00Z")),
                        new Outcome(new BigDecimal("10"), 200_001, 200_001, Map.of(2030, 2 * TEA), null, 2)));
    }

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

    Api api;
    long tea;
    long otherTea;

    @BeforeAll
    void listTeas() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        Supplier supplier = CatalogFixtures.supplier(organizations, api);
        String operator = CatalogFixtures.operator(organizations, api);
        tea = OrderingFixtures.listed(api, supplier, operator, TEA, 100_000);
        otherTea = OrderingFixtures.listed(api, supplier, operator, OTHER_TEA, 100_000, "110105");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void quotaArithmetic(Row row) {
        Unit unit = QuotaFixtures.unit(organizations, api, row.county());
        Unit representative = null;
        Filing filing = row.filing();
        if (filing.exceptionPercent() != null) {
            approveException(unit, row.year(), filing.exceptionPercent());
        }
        Map<String, Object> filed;
        if (filing.canteen().equals("SHARED")) {
            representative = QuotaFixtures.unit(organizations, api, row.county());
            expect(200, api.put(planPath(row.year()), plan("OWN", 2_000_000, 200_000), representative.token()));
            filed = expect(200, api.put(planPath(row.year()), shared(representative.id()), unit.token()))
                    .body();
        } else if (filing.canteen().equals("NONE")) {
            filed = expect(200, api.put(planPath(row.year()), Map.of("canteen", "NONE"), unit.token()))
                    .body();
        } else {
            filed = file(unit, row.year(), filing.canteen(), filing.annualFen(), filing.reservedFen());
        }
        for (Purchase p : row.purchases()) {
            buy(unit, p);
        }
        if (filing.amendedAnnualFen() != null) {
            filed = file(unit, row.year(), filing.canteen(), filing.amendedAnnualFen(), null);
        }
        ledger.drain(1_000_000);

        Outcome want = row.expected();
        Map<String, Object> planned = filed;
        Map<String, Object> progress = progress(unit, row.year());
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(
                0,
                want.floorPercent().compareTo(decimal(planned.get("floorPercent"))),
                "floor percent " + planned.get("floorPercent")));
        checks.add(() -> assertEquals(want.minimumFen(), fen(planned, "minimumReservedFen"), "minimum"));
        checks.add(() -> assertEquals(want.planVersions(), ((Number) planned.get("version")).intValue(), "versions"));
        checks.add(() -> assertEquals(want.reservedFen(), fen(progress, "reservedFen"), "reserved in progress"));
        for (Map.Entry<Integer, Long> e : want.countedByYear().entrySet()) {
            checks.add(() -> assertEquals(
                    e.getValue(), fen(progress(unit, e.getKey()), "eligibleSpentFen"), "counted in " + e.getKey()));
        }
        if (want.ownFen() != null) {
            checks.add(() -> assertEquals(want.ownFen(), fen(progress, "ownSpentFen"), "own purchases"));
        }
        if (representative != null) {
            Unit rep = representative;
            checks.add(() -> assertEquals(rep.id(), fen(progress, "countedAtOrganizationId"), "counted at"));
            checks.add(() -> assertEquals(
                    want.countedByYear().get(row.year()),
                    fen(progress(rep, row.year()), "eligibleSpentFen"),
                    "counted once, at the representative"));
        }
        if (filing.canteen().equals("NONE")) {
            checks.add(() -> assertEquals(true, progress.get("onPace"), "no canteen is never lagging"));
        }
        assertAll(checks);
    }

    void buy(Unit unit, Purchase p) {
        List<Map<String, Object>> lines = new ArrayList<>();
        if (p.eligible() > 0) {
            lines.add(line(tea, p.eligible()));
        }
        if (p.ineligible() > 0) {
            lines.add(line(otherTea, p.ineligible()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = checkout(lines.toArray(new Map[0]));
        body.put("channel", p.channel());
        long order =
                id(orders(expect(201, place(api, unit.token(), null, body))).get(0));
        if (p.cancel()) {
            expect(200, api.post("/api/v1/orders/" + order + "/cancellation", Map.of(), unit.token()));
        }
        if (p.paidAt() != null) {
            orders.markPaid(order, "table-" + order, Instant.parse(p.paidAt()), Actor.system("test"));
        }
        if (p.refundFen() > 0) {
            orders.recordRefund(order, p.refundFen(), "table-refund-" + order, Actor.system("test"));
        }
    }

    void approveException(Unit unit, int year, BigDecimal percent) {
        String province = unit.regionCode().substring(0, 2) + "0000";
        String regulator = QuotaFixtures.regulator(organizations, api, unit.regionCode(), province);
        Api.Response requested = expect(
                201,
                api.post(
                        planPath(year) + "/ratio-exceptions",
                        Map.of("ratioPercent", percent, "reason", "食堂规模小，脱贫地区产品品类不足"),
                        unit.token()));
        expect(
                200,
                api.post(
                        "/api/v1/quota/ratio-exceptions/" + requested.get("id") + "/decision",
                        Map.of("decision", "APPROVE", "reason", "同意"),
                        regulator));
    }

    Map<String, Object> file(Unit unit, int year, String canteen, long annualFen, Long reservedFen) {
        long reserved = reservedFen != null ? reservedFen : minimum(unit, year, annualFen);
        return expect(200, api.put(planPath(year), plan(canteen, annualFen, reserved), unit.token()))
                .body();
    }

    /** The minimum as the server states it when a filing is one fen short of nothing: read from the 422. */
    long minimum(Unit unit, int year, long annualFen) {
        Api.Response refused = api.put(planPath(year), plan("OWN", annualFen, 0), unit.token());
        if (refused.status() == 200) {
            return 0;
        }
        return fen(expect(422, refused).body(), "minimumReservedFen");
    }

    Map<String, Object> progress(Unit unit, int year) {
        return expect(200, api.get(planPath(year) + "/progress", unit.token())).body();
    }

    static String planPath(int year) {
        return "/api/v1/quota/plans/" + year;
    }

    static long fen(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new AssertionError(key + " missing in " + m);
        }
        return ((Number) v).longValue();
    }

    static BigDecimal decimal(Object v) {
        return new BigDecimal(String.valueOf(v));
    }

    static Row row(String name, String county, int year, Filing filing, List<Purchase> purchases, Outcome expected) {
        return new Row(name, county, year, filing, purchases, expected);
    }

    static Filing own(long annualFen) {
        return new Filing("OWN", annualFen, null, null, null);
    }

    static List<Purchase> none() {
        return List.of();
    }

    static Purchase paid(String channel, int eligible, String paidAt) {
        return new Purchase(channel, eligible, 0, paidAt, false, 0);
    }

    static Purchase unpaid(String channel, int eligible) {
        return new Purchase(channel, eligible, 0, null, false, 0);
    }

    static Outcome outcome(String floorPercent, long minimumFen, long reservedFen, Map<Integer, Long> counted) {
        return new Outcome(new BigDecimal(floorPercent), minimumFen, reservedFen, new HashMap<>(counted), null, 1);
    }
}
