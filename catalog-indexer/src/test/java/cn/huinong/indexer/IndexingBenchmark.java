package cn.huinong.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Indexing throughput against the real services (not a test; run by hand, see docs/benchmarks.md):
 * seeds N rows into a schema of its own, drains the outbox (batches of 500), rebuilds, cleans up.
 */
public final class IndexingBenchmark {

    private IndexingBenchmark() {}

    public static void main(String[] a) throws Exception {
        int n = a.length > 0 ? Integer.parseInt(a[0]) : 20_000;
        String dbUrl =
                System.getenv().getOrDefault("HUINONG_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5434/huinong_test");
        String esUrl = System.getenv().getOrDefault("HUINONG_TEST_ES_URL", "http://127.0.0.1:9202");
        PGSimpleDataSource root = new PGSimpleDataSource();
        root.setUrl(dbUrl);
        root.setUser("huinong");
        root.setPassword("huinong");
        try (Connection c = root.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS indexer_bench CASCADE");
            s.execute("CREATE SCHEMA indexer_bench");
            s.execute("SET search_path TO indexer_bench");
            s.execute(
                    "CREATE TABLE product_search_document (product_id BIGINT PRIMARY KEY, version BIGINT NOT NULL, searchable BOOLEAN NOT NULL, document JSONB NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            s.execute(
                    "CREATE TABLE catalog_outbox (id BIGSERIAL PRIMARY KEY, product_id BIGINT NOT NULL, version BIGINT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now(), attempts INT NOT NULL DEFAULT 0, last_error TEXT)");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(root.getUrl());
        ds.setUser("huinong");
        ds.setPassword("huinong");
        ds.setCurrentSchema("indexer_bench");
        String[] words = {"雷山银球茶", "都匀毛尖", "五常大米", "黎平山茶油", "普洱小粒咖啡", "苗家酸汤", "榕江小香鸡", "从江香猪", "威宁土豆", "修文猕猴桃"};
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (long id = 1; id <= n; id++) {
                var doc = doc(id, words[(int) (id % words.length)] + " " + id + "号");
                try (var ps = c.prepareStatement(
                        "INSERT INTO product_search_document VALUES (?, 1, true, ?::jsonb, now())")) {
                    ps.setLong(1, id);
                    ps.setString(2, doc);
                    ps.executeUpdate();
                }
                try (var ps = c.prepareStatement("INSERT INTO catalog_outbox (product_id, version) VALUES (?, 1)")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
        System.out.printf("seed %d rows: %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        ElasticsearchClient es = ElasticsearchClients.connect(esUrl, Duration.ofSeconds(5));
        CatalogIndex index = new CatalogIndex("bench-");
        index.ensure(es);
        OutboxIndexer ix = new OutboxIndexer(
                ds, es, index, ElasticsearchClients.objectMapper(), 500, Duration.ofMillis(100), Duration.ofSeconds(5));
        t0 = System.nanoTime();
        ix.drain();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("outbox drain (batch 500): %.1f s, %.0f docs/s%n", s, n / s);
        Rebuilder rb = new Rebuilder(ds, es, index);
        RebuildProgress p = rb.rebuildNow();
        System.out.printf("rebuild (page 500): %d docs, %.0f docs/s%n", p.done(), p.docsPerSecond());
        for (String name :
                es.indices().get(g -> g.index("bench-catalog*")).result().keySet()) {
            es.indices().delete(d -> d.index(name));
        }
        try (Connection c = root.getConnection();
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA indexer_bench CASCADE");
        }
        ElasticsearchClients.close(es);
    }

    static String doc(long id, String name) {
        return ("{\"id\":%d,\"name\":\"%s\",\"description\":\"黔东南高山生态产品，消费帮扶\",\"categoryCode\":\"0201\",\"categoryPath\":[\"02\",\"0201\"],"
                        + "\"categoryName\":\"茶叶\",\"supplierId\":%d,\"supplierName\":\"合作社%d\",\"originCode\":\"522634\",\"originName\":\"雷山县\","
                        + "\"provinceCode\":\"520000\",\"provinceName\":\"贵州省\",\"brandId\":%d,\"brandName\":\"品牌%d\",\"brandKind\":\"ENTERPRISE\","
                        + "\"certifications\":[\"GREEN_FOOD\"],\"eligible\":true,\"priceFen\":%d,\"unit\":\"盒\",\"spec\":\"250g\",\"stock\":10,\"inStock\":true,"
                        + "\"salesCount\":%d,\"listedAt\":\"2026-11-01T00:00:00Z\",\"updatedAt\":\"2026-11-01T00:00:00Z\",\"status\":\"LISTED\"}")
                .formatted(id, name, id % 50, id % 50, id % 30, id % 30, 1000 + id % 9000, id % 500);
    }
}
