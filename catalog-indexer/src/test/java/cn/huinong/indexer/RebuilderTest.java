package cn.huinong.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RebuilderTest {

    static final int PRODUCTS = 1500;
    static TestCatalog catalog;

    @BeforeAll
    static void start() throws Exception {
        catalog = TestCatalog.start();
        catalog.index.ensure(catalog.es);
    }

    @AfterAll
    static void stop() throws Exception {
        catalog.close();
    }

    @Test
    void rebuildsUnderConcurrentWritesWithoutLosingAnyChange() throws Exception {
        try (Connection c = catalog.dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (long id = 1; id <= PRODUCTS; id++) {
                TestCatalog.put(c, id, 1, true, "初始产品" + id);
            }
            c.commit();
        }
        OutboxIndexer live = catalog.indexer();
        live.drain();
        String before = catalog.index.currentIndex(catalog.es).orElseThrow();

        // a writer bumps versions (and lists/delists) while an indexer loop and the rebuild run
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        Thread writer = new Thread(
                () -> {
                    try (Connection c = catalog.dataSource.getConnection()) {
                        while (writing.get()) {
                            c.setAutoCommit(false);
                            long id = ThreadLocalRandom.current().nextLong(1, PRODUCTS + 1);
                            try (PreparedStatement ps = c.prepareStatement(
                                    "SELECT version FROM product_search_document WHERE product_id = ? FOR UPDATE")) {
                                ps.setLong(1, id);
                                try (ResultSet rs = ps.executeQuery()) {
                                    rs.next();
                                    long next = rs.getLong(1) + 1;
                                    TestCatalog.put(c, id, next, next % 4 != 0, "产品" + id + " 第" + next + "版");
                                }
                            }
                            c.commit();
                            writes.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "writer");
        writer.start();
        Thread loop = live.start("indexer-during-rebuild");

        Rebuilder rebuilder = new Rebuilder(catalog.dataSource, catalog.es, catalog.index, TestCatalog.JSON, 200);
        assertTrue(rebuilder.tryStart());
        assertFalse(rebuilder.tryStart(), "one rebuild at a time");
        RebuildProgress done = rebuilder.rebuild();

        Thread.sleep(200); // some writes after the switch as well
        writing.set(false);
        writer.join();
        live.stop();
        loop.join(5_000);
        catalog.indexer().drain();
        catalog.es.indices().refresh(r -> r.index(catalog.index.alias()));

        assertEquals(RebuildProgress.State.DONE, done.state());
        assertTrue(done.done() >= done.total() * 0.7 && done.total() > 0, done.toString());
        assertTrue(writes.get() > 50, "the writer really ran concurrently: " + writes.get());
        String after = catalog.index.currentIndex(catalog.es).orElseThrow();
        assertNotEquals(before, after);
        assertFalse(catalog.es.indices().exists(e -> e.index(before)).value(), "the old index is gone");
        assertTrue(catalog.index.rebuildingIndex(catalog.es).isEmpty());

        Map<Long, Long> expected = new HashMap<>();
        try (Connection c = catalog.dataSource.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT product_id, version, searchable FROM product_search_document")) {
            while (rs.next()) {
                expected.put(rs.getLong(1), rs.getBoolean(3) ? rs.getLong(2) : -1);
            }
        }
        int mismatches = 0;
        StringBuilder firstMismatches = new StringBuilder();
        for (Map.Entry<Long, Long> e : expected.entrySet()) {
            OptionalLong indexed = catalog.indexedVersion(catalog.index.alias(), e.getKey());
            long got = indexed.isPresent() ? indexed.getAsLong() : -1;
            if (got != e.getValue()) {
                if (mismatches++ < 5) {
                    firstMismatches
                            .append(e.getKey())
                            .append(": table ")
                            .append(e.getValue())
                            .append(" index ")
                            .append(got)
                            .append("; ");
                }
            }
        }
        assertEquals(0, mismatches, firstMismatches.toString());
        long searchable = catalog.scalar("SELECT count(*) FROM product_search_document WHERE searchable");
        assertEquals(
                searchable,
                catalog.es.count(c -> c.index(catalog.index.alias())).count());
    }
}
