package cn.huinong.ordering;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.OrderingFixtures.checkout;
import static cn.huinong.support.OrderingFixtures.line;
import static cn.huinong.support.OrderingFixtures.place;
import static cn.huinong.support.OrderingFixtures.stock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.huinong.identity.Organizations;
import cn.huinong.region.Designations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogDb;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import cn.huinong.support.OrderingFixtures;
import cn.huinong.support.OrderingFixtures.Buyer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class OversellTest {

    static final int BUYERS = 64;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    @Inject
    CatalogDb db;

    @Test
    void neverOversellsTheLastUnitsWhenSixtyFourBuyersRace() throws Exception {
        Api api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        Supplier supplier = CatalogFixtures.supplier(organizations, api);
        Supplier other = CatalogFixtures.supplier(organizations, api);
        String operator = CatalogFixtures.operator(organizations, api);
        long lastTen = OrderingFixtures.listed(api, supplier, operator, 12800, 10);
        long plenty = OrderingFixtures.listed(api, other, operator, 2000, 1000);
        List<Buyer> buyers = IntStream.range(0, BUYERS)
                .parallel()
                .mapToObj(i -> OrderingFixtures.buyer(organizations, api))
                .toList();

        // every buyer wants one of the last ten and one of a plentiful product, in either line order: the
        // reservations of a checkout go in ascending product id, so crossing orders cannot deadlock
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            Buyer buyer = buyers.get(i);
            Map<String, Object> body = i % 2 == 0
                    ? checkout(line(lastTen, 1), line(plenty, 1))
                    : checkout(line(plenty, 1), line(lastTen, 1));
            results.add(pool.submit(() -> {
                start.await();
                return place(api, buyer.token(), UUID.randomUUID().toString(), body);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> f : results) {
            statuses.add(f.get(120, TimeUnit.SECONDS).status());
        }
        pool.shutdown();

        Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertEquals(Map.of(201, 10L, 409, (long) BUYERS - 10), byStatus);
        assertEquals(0, stock(api, supplier, lastTen));
        assertEquals(990, stock(api, other, plenty), "the losers' reservations of the other product rolled back");
        assertEquals(10, db.count("SELECT coalesce(sum(quantity), 0) FROM order_line WHERE product_id = ?", lastTen));
        assertEquals(10, db.count("SELECT coalesce(sum(quantity), 0) FROM order_line WHERE product_id = ?", plenty));
        assertEquals(0, ((Number) db.document(lastTen).get("stock")).intValue());
        assertEquals(false, db.document(lastTen).get("inStock"));
        assertEquals(
                409,
                expect(409, place(api, buyers.get(0).token(), null, checkout(line(lastTen, 1))))
                        .status());
    }
}
