package cn.huinong.catalog.internal;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.OrderingFixtures.checkout;
import static cn.huinong.support.OrderingFixtures.id;
import static cn.huinong.support.OrderingFixtures.line;
import static cn.huinong.support.OrderingFixtures.orders;
import static cn.huinong.support.OrderingFixtures.place;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.ordering.OrderPayments;
import cn.huinong.region.Designations;
import cn.huinong.shared.Actor;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import cn.huinong.support.OrderingFixtures;
import cn.huinong.support.OrderingFixtures.Buyer;
import cn.huinong.support.OwnSchema;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;

/**
 * Sales counts fed from ordering's events, end to end over the real PostgreSQL and Elasticsearch: real checkouts,
 * payments through OrderPayments.markPaid, refunds through OrderPayments.recordRefund, the consumer driven directly,
 * then the product page and the search (sort=sales) over HTTP after the outbox was drained into the index. A schema
 * and an index alias of its own: the consumer reads the whole event stream, and the search sorts the whole index.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // so that Micronaut asks getProperties() before the context starts
class SalesCountTest implements TestPropertyProvider {

    static final long PRICE = 1_000;

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
    SalesCounts counts;

    @Inject
    SalesCountRuns runs;

    @Inject
    SalesCountSettings settings;

    @Inject
    SalesCountHealthIndicator health;

    @Inject
    DataSource dataSource;

    @Inject
    CatalogIndex index;

    @Inject
    OutboxIndexer indexer;

    ElasticsearchClient es;
    cn.huinong.support.SearchDocuments docs;
    Api api;
    Supplier supplier;
    String operator;
    Buyer buyer;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(OwnSchema.properties("sales_counts"));
        p.put("huinong.indexer.alias-prefix", "test-sales-");
        return p;
    }

    @BeforeAll
    void index() throws Exception {
        es = cn.huinong.support.SearchDocuments.testElasticsearch();
        docs = new cn.huinong.support.SearchDocuments(
                DelegatingDataSource.unwrapDataSource(dataSource), index, indexer);
        docs.reset(es);
    }

    @AfterAll
    void close() throws Exception {
        for (String name : es.indices()
                .get(g -> g.index(index.alias() + "*").allowNoIndices(true))
                .result()
                .keySet()) {
            es.indices().delete(d -> d.index(name));
        }
        es._transport().close();
    }

    @BeforeEach
    void setUp() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        supplier = CatalogFixtures.supplier(organizations, api);
        operator = CatalogFixtures.operator(organizations, api);
        buyer = OrderingFixtures.buyer(organizations, api);
    }

    long product() {
        return OrderingFixtures.listed(api, supplier, operator, PRICE, 10_000);
    }

    @SafeVarargs
    final long order(Map<String, Object>... lines) {
        return id(orders(expect(201, place(api, buyer.token(), null, checkout(lines))))
                .get(0));
    }

    @SafeVarargs
    final long paid(Map<String, Object>... lines) {
        long id = order(lines);
        orders.markPaid(id, "test-" + id, Instant.parse("2030-03-01T02:00:00Z"), Actor.system("test"));
        return id;
    }

    void refund(long order, long amountFen) {
        orders.recordRefund(order, amountFen, "refund-" + order + "-" + amountFen, Actor.system("test"));
    }

    /** What a run of the job does, then the indexer: the counts and the index follow the orders. */
    void follow() throws Exception {
        counts.drain(1_000_000);
        docs.sync(es);
    }

    long page(long product) {
        return ((Number) expect(200, api.get("/api/v1/products/" + product, null))
                        .get("salesCount"))
                .longValue();
    }

    Api.Response search() {
        Api.Response r = expect(200, api.get("/api/v1/catalog/search?sort=sales&supplier=" + supplier.id(), null));
        assertEquals(false, r.get("degraded"), "answered by Elasticsearch");
        return r;
    }

    List<Long> bySales() {
        return search().items().stream()
                .map(i -> ((Number) i.get("id")).longValue())
                .toList();
    }

    long searched(long product) {
        return search().items().stream()
                .filter(i -> ((Number) i.get("id")).longValue() == product)
                .map(i -> ((Number) i.get("salesCount")).longValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError(product + " not found"));
    }

    long documentVersion(long product) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT version FROM product_search_document WHERE product_id = ?")) {
            ps.setLong(1, product);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    void setPositionBefore(long order) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        UPDATE catalog_event_consumer c SET last_tx_id = e.tx_id, last_id = e.id - 1
                        FROM (SELECT tx_id, id FROM order_event_outbox WHERE order_id = ? ORDER BY tx_id, id LIMIT 1) e
                        WHERE c.name = 'catalog-sales-counts'
                        """)) {
            ps.setLong(1, order);
            assertEquals(1, ps.executeUpdate());
        }
    }

    @Test
    void aPaidOrderCountsItsUnitsOnTheProductPageAndInTheSalesSort() throws Exception {
        long tea = product();
        long rice = product();
        order(line(tea, 50)); // never paid: counts nothing
        follow();
        assertEquals(0, page(tea));
        assertEquals(0, searched(tea));

        paid(line(rice, 3));
        follow();
        assertEquals(3, page(rice));
        assertEquals(0, page(tea));
        assertEquals(3, searched(rice));
        assertEquals(List.of(rice, tea), bySales());

        paid(line(tea, 5));
        follow();
        assertEquals(5, page(tea));
        assertEquals(5, searched(tea));
        assertEquals(List.of(tea, rice), bySales(), "the sort follows the sales");
    }

    @Test
    void refundsTakeUnitsBackInProportionToTheMoneyAndAWhollyRefundedOrderCountsNothing() throws Exception {
        long tea = product();
        long rice = product();
        long big = paid(line(tea, 10)); // 10 x 1,000 fen
        paid(line(rice, 8));
        follow();
        assertEquals(10, page(tea));
        assertEquals(List.of(tea, rice), bySales());

        refund(big, 3 * PRICE); // 3 of 10 units' money back
        follow();
        assertEquals(7, page(tea));
        assertEquals(7, searched(tea));
        assertEquals(List.of(rice, tea), bySales(), "refunded below the other");

        refund(big, PRICE / 2); // 6.5 units' money kept: rounded down
        follow();
        assertEquals(6, page(tea));

        refund(big, 6 * PRICE + PRICE / 2); // the rest: the order is wholly refunded
        follow();
        assertEquals(0, page(tea));
        assertEquals(0, searched(tea));
        assertEquals(8, page(rice));
    }

    @Test
    void twoProductsInOneOrderEachCountTheirOwnUnits() throws Exception {
        long tea = product();
        long rice = product();
        long both = paid(line(tea, 2), line(rice, 4)); // one supplier: one order of 6,000 fen
        follow();
        assertEquals(2, page(tea));
        assertEquals(4, page(rice));
        assertEquals(List.of(rice, tea), bySales());

        refund(both, 3 * PRICE); // half the order's money: half of each line
        follow();
        assertEquals(1, page(tea));
        assertEquals(2, page(rice));
        assertEquals(1, searched(tea));
        assertEquals(2, searched(rice));
    }

    @Test
    void aReplayedBatchCountsNothingTwiceAndRewritesNoDocument() throws Exception {
        long tea = product();
        long order = paid(line(tea, 3));
        refund(order, PRICE);
        follow();
        assertEquals(2, page(tea));
        long version = documentVersion(tea);

        setPositionBefore(order); // the order's events are delivered again
        assertTrue(counts.drain(1_000_000) >= 3, "the order's events were read again");
        docs.sync(es);
        assertEquals(2, page(tea));
        assertEquals(2, searched(tea));
        assertEquals(version, documentVersion(tea), "an unchanged count leaves the document as it was");
    }

    @Test
    void ordersOfOtherProductsLeaveACountAndItsDocumentAlone() throws Exception {
        long tea = product();
        long rice = product();
        paid(line(tea, 1));
        follow();
        long version = documentVersion(tea);
        paid(line(rice, 2));
        follow();
        assertEquals(1, page(tea));
        assertEquals(version, documentVersion(tea));
    }

    @Test
    void consumersOnSeveralInstancesTakeTurnsAndCountEachOrderOnce() throws Exception {
        long tea = product();
        long expected = 0;
        for (int i = 0; i < 8; i++) {
            paid(line(tea, 1 + i % 3));
            expected += 1 + i % 3;
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> consumers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                consumers.add(() -> {
                    int n = 0;
                    int k;
                    while ((k = counts.consumeBatch(2).events()) > 0) {
                        n += k;
                    }
                    return n;
                });
            }
            int taken = 0;
            for (Future<Integer> f : pool.invokeAll(consumers)) {
                taken += f.get();
            }
            assertTrue(taken >= 16, "each order's ORDER_PLACED and ORDER_PAID, each taken once: " + taken);
        } finally {
            pool.shutdown();
        }
        docs.sync(es);
        assertEquals(expected, page(tea));
        assertEquals(expected, searched(tea));
    }

    HealthResult healthResult() {
        return Mono.from(health.getResult()).block();
    }

    @Test
    void aFailingRunIsLoggedAndReportedNeverThrownAndTheNextGoodRunClearsIt() {
        SalesCounts failing = new SalesCounts(null, null) {
            @Override
            public Batch consumeBatch(int batchSize) {
                throw new IllegalStateException("deadlock detected");
            }
        };
        SalesCountRuns mine = new SalesCountRuns(java.time.Clock.systemUTC());
        SalesCountJob job = new SalesCountJob(failing, settings, mine);
        assertDoesNotThrow(job::run, "the scheduler keeps its job");
        assertDoesNotThrow(job::run);
        assertEquals(2, mine.failing().orElseThrow().runs());

        assertEquals("UP", healthResult().getStatus().getName());
        runs.failed(new IllegalStateException("deadlock detected"));
        try {
            HealthResult r = healthResult();
            assertEquals("DEGRADED", r.getStatus().getName(), String.valueOf(r.getDetails()));
            assertTrue(r.getStatus().getOperational().orElse(false), "degraded, never down");
            String reason = String.valueOf(((Map<?, ?>) r.getDetails()).get("reason"));
            assertTrue(reason.contains("销量"), reason);
        } finally {
            runs.succeeded();
        }
        assertEquals("UP", healthResult().getStatus().getName());

        new SalesCountJob(counts, settings, mine).run(); // the real consumer: a good run clears the failures
        assertTrue(mine.failing().isEmpty());
        assertTrue(mine.lastSuccess().isPresent());
        assertTrue(settings.pollInterval().compareTo(Duration.ZERO) > 0);
    }
}
