package cn.huinong.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxIndexerTest {

    static TestCatalog catalog;
    OutboxIndexer indexer;

    @BeforeAll
    static void start() throws Exception {
        catalog = TestCatalog.start();
        catalog.index.ensure(catalog.es);
    }

    @AfterAll
    static void stop() throws Exception {
        catalog.close();
    }

    @BeforeEach
    void setUp() {
        indexer = catalog.indexer();
    }

    @Test
    void indexesSearchableDocumentsWithTheirVersionAndEmptiesTheOutbox() throws Exception {
        catalog.put(101, 1, true, "雷山银球茶");
        catalog.put(101, 2, true, "雷山银球茶 特级");
        catalog.put(102, 1, false, "未上架的茶");

        assertEquals(3, indexer.drain());

        assertEquals(OptionalLong.of(2), catalog.indexedVersion(catalog.index.alias(), 101));
        assertEquals("雷山银球茶 特级", catalog.indexedName(101));
        assertEquals(OptionalLong.empty(), catalog.indexedVersion(catalog.index.alias(), 102));
        assertEquals(0, catalog.outboxSize());
        IndexerMetrics m = indexer.metrics();
        assertEquals(0, m.backlog());
        assertTrue(m.processed() >= 2 && m.lastBatchAt() != null);
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() throws Exception {
        catalog.put(201, 3, true, "v3 名称");
        indexer.drain();
        catalog.put(201, 2, true, "v2 过时的名称"); // a stale writer: v2 arrives after v3
        indexer.drain();

        assertEquals(OptionalLong.of(3), catalog.indexedVersion(catalog.index.alias(), 201));
        assertEquals("v3 名称", catalog.indexedName(201));
        assertEquals(0, catalog.outboxSize(), "the conflict counts as done");
    }

    @Test
    void aDeleteIsNotUndoneByAnOlderIndexOperation() throws Exception {
        catalog.put(301, 2, true, "将下架的产品");
        indexer.drain();
        catalog.put(301, 4, false, "已下架");
        indexer.drain();
        catalog.put(301, 3, true, "过时的上架版本");
        indexer.drain();

        assertEquals(OptionalLong.empty(), catalog.indexedVersion(catalog.index.alias(), 301));
        assertEquals(0, catalog.outboxSize());
    }

    @Test
    void aMissingDocumentRowDeletesWithTheOutboxVersion() throws Exception {
        catalog.put(401, 1, true, "将被删除的产品");
        indexer.drain();
        try (var c = catalog.dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute("DELETE FROM product_search_document WHERE product_id = 401");
            s.execute("INSERT INTO catalog_outbox (product_id, version) VALUES (401, 2)");
        }
        indexer.drain();
        assertEquals(OptionalLong.empty(), catalog.indexedVersion(catalog.index.alias(), 401));
    }

    @Test
    void concurrentIndexersShareTheOutboxAndEndWithTheLatestVersions() throws Exception {
        for (int v = 1; v <= 5; v++) {
            for (long id = 500; id < 600; id++) {
                catalog.put(id, v, true, "产品" + id + " 第" + v + "版");
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OutboxIndexer each = catalog.indexer(25);
            runs.add(pool.submit(each::drain));
        }
        int total = 0;
        for (Future<Integer> f : runs) {
            total += f.get();
        }
        pool.shutdown();
        assertEquals(500, total, "every outbox row consumed exactly once");
        for (long id = 500; id < 600; id++) {
            assertEquals(OptionalLong.of(5), catalog.indexedVersion(catalog.index.alias(), id));
        }
    }

    @Test
    void keepsTheOutboxWhileElasticsearchIsDownAndCatchesUpWhenItReturns() throws Exception {
        catalog.put(701, 1, true, "停机期间上架的产品");
        catalog.put(702, 1, true, "停机期间上架的另一个产品");

        ElasticsearchClient down = ElasticsearchClients.connect("http://127.0.0.1:1", Duration.ofMillis(500));
        OutboxIndexer offline = new OutboxIndexer(
                catalog.dataSource,
                down,
                catalog.index,
                TestCatalog.JSON,
                50,
                Duration.ofMillis(20),
                Duration.ofMillis(100));
        assertThrows(IOException.class, offline::processBatch);
        assertEquals(2, catalog.outboxSize(), "rows stay when the bulk cannot be sent");

        Thread loop = offline.start("offline-indexer");
        Thread.sleep(600);
        offline.stop();
        loop.join(5_000);
        IndexerMetrics m = offline.metrics();
        assertEquals(2, m.backlog());
        assertTrue(m.errors() >= 2, "errors are counted: " + m);
        assertTrue(m.lastError() != null && m.lagSeconds() >= 0);
        assertEquals(
                2,
                catalog.scalar("SELECT count(*) FROM catalog_outbox WHERE last_error LIKE '%Connect%'"),
                "the failure is noted on the rows");
        assertEquals(
                0,
                catalog.scalar("SELECT max(attempts) FROM catalog_outbox"),
                "an engine that is down never parks rows");
        ElasticsearchClients.close(down);

        indexer.drain();
        assertEquals(0, catalog.outboxSize());
        assertEquals(OptionalLong.of(1), catalog.indexedVersion(catalog.index.alias(), 701));
        assertEquals(OptionalLong.of(1), catalog.indexedVersion(catalog.index.alias(), 702));
    }

    @Test
    void parksADocumentElasticsearchRejectsWithoutHoldingUpTheOthers() throws Exception {
        var bad = TestCatalog.document(801, "价格写错的产品");
        bad.put("priceFen", "十二元八角");
        catalog.put(801, 1, bad);
        catalog.put(802, 1, true, "正常的产品");

        indexer.drain();

        assertEquals(
                OptionalLong.of(1), catalog.indexedVersion(catalog.index.alias(), 802), "the good one is not held up");
        assertEquals(OptionalLong.empty(), catalog.indexedVersion(catalog.index.alias(), 801));
        assertEquals(1, catalog.outboxSize(), "the rejected row stays, parked");
        assertEquals(
                OutboxIndexer.MAX_ATTEMPTS,
                catalog.scalar("SELECT attempts FROM catalog_outbox WHERE product_id = 801"));
        IndexerMetrics m = indexer.metrics();
        assertEquals(0, m.backlog());
        assertEquals(1, m.parked());
        assertTrue(m.lastError().contains("801"), m.lastError());

        catalog.put(801, 2, true, "价格已改正的产品"); // the catalog fixes the document
        indexer.drain();
        assertEquals(OptionalLong.of(2), catalog.indexedVersion(catalog.index.alias(), 801));
        assertEquals(0, catalog.outboxSize(), "the parked row goes once the product is indexed");
    }

    /**
     * An error that is not the VM's own (here a LinkageError from the connection pool, as a broken jar or a
     * callback can raise) must not end the loop: it is counted, backed off, and the loop drains afterwards.
     */
    @Test
    void theLoopSurvivesAnErrorAndDrainsAfterwards() throws Exception {
        catalog.put(901, 1, true, "出错之后上架的产品");
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        javax.sql.DataSource flaky = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    if ("getConnection".equals(method.getName()) && calls.incrementAndGet() <= 2) {
                        throw new LinkageError("simulated: a class failed to load in the middle of a batch");
                    }
                    try {
                        return method.invoke(catalog.dataSource, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        OutboxIndexer survivor = new OutboxIndexer(
                flaky, catalog.es, catalog.index, TestCatalog.JSON, 50, Duration.ofMillis(20), Duration.ofMillis(100));
        Thread loop = survivor.start("survivor-indexer");
        try {
            for (int i = 0; i < 250 && catalog.outboxSize() > 0; i++) {
                Thread.sleep(20);
            }
            assertTrue(loop.isAlive(), "the loop is still running");
            assertEquals(0, catalog.outboxSize(), "and it drained the outbox after the errors");
            assertEquals(OptionalLong.of(1), catalog.indexedVersion(catalog.index.alias(), 901));
            assertTrue(survivor.metrics().errors() >= 1, survivor.metrics().toString());
        } finally {
            survivor.stop();
            loop.join(5_000);
        }
    }
}
