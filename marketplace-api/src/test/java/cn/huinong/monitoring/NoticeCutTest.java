package cn.huinong.monitoring;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.OrderingFixtures.checkout;
import static cn.huinong.support.OrderingFixtures.id;
import static cn.huinong.support.OrderingFixtures.line;
import static cn.huinong.support.OrderingFixtures.orders;
import static cn.huinong.support.OrderingFixtures.place;
import static cn.huinong.support.QuotaFixtures.plan;
import static cn.huinong.support.QuotaFixtures.shared;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.huinong.identity.Organizations;
import cn.huinong.ordering.OrderPayments;
import cn.huinong.quota.QuotaLedger;
import cn.huinong.region.Designations;
import cn.huinong.shared.Actor;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.OrderingFixtures;
import cn.huinong.support.OwnSchema;
import cn.huinong.support.QuotaFixtures;
import cn.huinong.support.QuotaFixtures.Unit;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A half-yearly notice of a half that is over reports the money as it stood at the end of the half: payments made
 * in it, less refunds made by then, counted at a shared canteen's representative. A region's notice is the whole
 * database's: the class runs in a schema of its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // so that Micronaut asks getProperties() before the context starts
class NoticeCutTest implements TestPropertyProvider {

    static final String TIANSHAN = "650102";
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

    Api api;
    long tea;

    long paid(Unit unit, int quantity, String paidAt) {
        long order = id(orders(expect(201, place(api, unit.token(), null, checkout(line(tea, quantity)))))
                .get(0));
        orders.markPaid(order, "notice-" + order, Instant.parse(paidAt), Actor.system("test"));
        return order;
    }

    /** The 已完成金额 of a unit in the notice's ranking of the region (CSV), in yuan. */
    String noticeMoney(int half, String token, String unitName) {
        String csv = new String(
                client.toBlocking()
                        .retrieve(
                                HttpRequest.GET("/api/v1/monitoring/notice?year=2025&half=" + half + "&region="
                                                + TIANSHAN + "&format=csv")
                                        .bearerAuth(token),
                                byte[].class),
                StandardCharsets.UTF_8);
        return csv.lines()
                .filter(l -> l.contains("," + unitName + ","))
                .findFirst()
                .map(l -> l.split(",")[4])
                .orElseThrow(() -> new AssertionError(unitName + " not in " + csv));
    }

    @Override
    public Map<String, String> getProperties() {
        return OwnSchema.properties("notice_cut");
    }

    @Test
    void aNoticeOfAHalfThatIsOverCountsTheMoneyBookedByTheEndOfTheHalf() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        CatalogFixtures.Supplier supplier = CatalogFixtures.supplier(organizations, api);
        String operator = CatalogFixtures.operator(organizations, api);
        tea = OrderingFixtures.listed(api, supplier, operator, PRICE, 10_000);
        String regulator = QuotaFixtures.regulator(organizations, api, TIANSHAN, "650000");

        Unit unit = QuotaFixtures.unit(organizations, api, TIANSHAN);
        Unit member = QuotaFixtures.unit(organizations, api, TIANSHAN);
        expect(200, api.put("/api/v1/quota/plans/2025", plan("OWN", 1_000_000, 100_000), unit.token()));
        expect(200, api.put("/api/v1/quota/plans/2025", shared(unit.id()), member.token()));
        long march = paid(unit, 3, "2025-03-01T02:00:00Z");
        paid(member, 1, "2025-06-30T15:59:59Z"); // 23:59:59 on 30 June in Beijing: the first half
        paid(unit, 4, "2025-06-30T16:00:00Z"); // midnight: the second half
        paid(unit, 2, "2025-09-01T02:00:00Z");
        // refunded now (2026): taken from 2025, but after both halves of 2025 ended
        orders.recordRefund(march, PRICE, "notice-refund-" + march, Actor.system("test"));
        ledger.drain(1_000_000);

        String name = (String) ((Map<?, ?>)
                        expect(200, api.get("/api/v1/me", unit.token())).get("organization"))
                .get("name");
        assertEquals("400.00", noticeMoney(1, regulator, name), "first half: 3 + 1 (the member's) units of tea");
        assertEquals(
                "1000.00", noticeMoney(2, regulator, name), "the year: 3 + 1 + 4 + 2 units, the refund came later");
        long now = ((Number) expect(200, api.get("/api/v1/quota/plans/2025/progress", unit.token()))
                        .get("eligibleSpentFen"))
                .longValue();
        assertEquals(9 * PRICE, now, "as booked today: less the refund");
    }
}
