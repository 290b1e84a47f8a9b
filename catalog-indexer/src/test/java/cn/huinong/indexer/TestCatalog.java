package cn.huinong.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real services the tests need, and a stand-in for the catalog module's writes: a document row
 * plus an outbox row in one transaction. PostgreSQL and Elasticsearch come from ops/test
 * (HUINONG_TEST_DB_URL, HUINONG_TEST_ES_URL); when either is missing the tests fail, they never skip.
 * Tables live in a schema of their own ({@code indexer_test}) with the DDL of V10.
 */
final class TestCatalog implements AutoCloseable {

    static final String SCHEMA = "indexer_test";
    static final ObjectMapper JSON = ElasticsearchClients.objectMapper();

    final DataSource dataSource;
    final ElasticsearchClient es;
    final CatalogIndex index;

    private TestCatalog(DataSource dataSource, ElasticsearchClient es, CatalogIndex index) {
        this.dataSource = dataSource;
        this.es = es;
        this.index = index;
    }

    /** Connects to both services (failing loudly), creates the schema, empties the tables, picks a fresh alias prefix. */
    static TestCatalog start() throws Exception {
        String dbUrl = env("HUINONG_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5434/huinong_test");
        PGSimpleDataSource root = new PGSimpleDataSource();
        root.setUrl(dbUrl);
        root.setUser(env("HUINONG_TEST_DB_USER", "huinong"));
        root.setPassword(env("HUINONG_TEST_DB_PASSWORD", "huinong"));
        try (Connection c = root.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            s.execute("SET search_path TO " + SCHEMA);
            s.execute("""
                    CREATE TABLE IF NOT EXISTS product_search_document (
                        product_id BIGINT PRIMARY KEY,
                        version    BIGINT      NOT NULL CHECK (version > 0),
                        searchable BOOLEAN     NOT NULL,
                        document   JSONB       NOT NULL,
                        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
                    )""");
            s.execute(
                    "CREATE INDEX IF NOT EXISTS product_search_document_searchable_idx ON product_search_document (product_id) WHERE searchable");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS catalog_outbox (
                        id         BIGSERIAL PRIMARY KEY,
                        product_id BIGINT      NOT NULL,
                        version    BIGINT      NOT NULL,
                        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                        attempts   INT         NOT NULL DEFAULT 0,
                        last_error TEXT
                    )""");
            s.execute("CREATE INDEX IF NOT EXISTS catalog_outbox_created_idx ON catalog_outbox (id)");
            s.execute("TRUNCATE product_search_document, catalog_outbox");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(dbUrl);
        ds.setUser(root.getUser());
        ds.setPassword(root.getPassword());
        ds.setCurrentSchema(SCHEMA);
        ElasticsearchClient es = ElasticsearchClients.connect(esUrl(), Duration.ofSeconds(5));
        es.cluster()
                .health(h -> h.waitForStatus(co.elastic.clients.elasticsearch._types.HealthStatus.Yellow)
                        .timeout(t -> t.time("10s")));
        CatalogIndex index =
                new CatalogIndex("it-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        return new TestCatalog(ds, es, index);
    }

    static String esUrl() {
        return env("HUINONG_TEST_ES_URL", "http://127.0.0.1:9202");
    }

    OutboxIndexer indexer() {
        return indexer(200);
    }

    OutboxIndexer indexer(int batchSize) {
        return new OutboxIndexer(dataSource, es, index, JSON, batchSize, Duration.ofMillis(20), Duration.ofMillis(200));
    }

    /** A document as the catalog module writes it. */
    static ObjectNode document(long id, String name) {
        Map<String, Object> d = new HashMap<>();
        d.put("id", id);
        d.put("name", name);
        d.put("description", "黔东南高山生态产品");
        d.put("categoryCode", "0101");
        d.put("categoryPath", List.of("01", "0101"));
        d.put("categoryName", "茶叶");
        d.put("supplierId", 7);
        d.put("supplierName", "雷山县苗岭银球茶农民专业合作社");
        d.put("originCode", "522634");
        d.put("originName", "雷山县");
        d.put("provinceCode", "520000");
        d.put("provinceName", "贵州省");
        d.put("prefectureCode", "522600");
        d.put("certifications", List.of("GREEN_FOOD"));
        d.put("eligible", true);
        d.put("priceFen", 12800);
        d.put("unit", "盒");
        d.put("spec", "250g");
        d.put("stock", 10);
        d.put("inStock", true);
        d.put("salesCount", 3);
        d.put("listedAt", "2026-11-01T08:00:00Z");
        d.put("updatedAt", "2026-11-01T08:00:00Z");
        d.put("status", "LISTED");
        return JSON.valueToTree(d);
    }

    /** Writes the product's document row at {@code version} (even lower than before: a stale writer) and an outbox row. */
    void put(long productId, long version, boolean searchable, String name) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            put(c, productId, version, searchable, name);
            c.commit();
        }
    }

    static void put(Connection c, long productId, long version, boolean searchable, String name) throws SQLException {
        put(c, productId, version, searchable, document(productId, name));
    }

    /** Writes exactly this document (e.g. one Elasticsearch will reject). */
    void put(long productId, long version, ObjectNode document) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            put(c, productId, version, true, document);
            c.commit();
        }
    }

    static void put(Connection c, long productId, long version, boolean searchable, ObjectNode document)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO product_search_document (product_id, version, searchable, document) VALUES (?, ?, ?, ?::jsonb)
                ON CONFLICT (product_id) DO UPDATE SET version = excluded.version, searchable = excluded.searchable,
                    document = excluded.document, updated_at = now()""")) {
            ps.setLong(1, productId);
            ps.setLong(2, version);
            ps.setBoolean(3, searchable);
            ps.setString(4, document.toString());
            ps.executeUpdate();
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO catalog_outbox (product_id, version) VALUES (?, ?)")) {
            ps.setLong(1, productId);
            ps.setLong(2, version);
            ps.executeUpdate();
        }
    }

    long outboxSize() throws SQLException {
        return scalar("SELECT count(*) FROM catalog_outbox");
    }

    long scalar(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The version Elasticsearch holds for a product behind {@code target}, empty when it has none. */
    OptionalLong indexedVersion(String target, long productId) throws IOException {
        GetResponse<ObjectNode> r = es.get(g -> g.index(target).id(Long.toString(productId)), ObjectNode.class);
        return r.found() ? OptionalLong.of(r.version()) : OptionalLong.empty();
    }

    String indexedName(long productId) throws IOException {
        GetResponse<ObjectNode> r = es.get(g -> g.index(index.alias()).id(Long.toString(productId)), ObjectNode.class);
        return r.found() ? r.source().get("name").asText() : null;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    public void close() throws IOException {
        // wildcard deletes are refused (destructive_requires_name): resolve the names first
        for (String name : es.indices()
                .get(g -> g.index(index.alias() + "-*").allowNoIndices(true))
                .result()
                .keySet()) {
            es.indices().delete(d -> d.index(name));
        }
        ElasticsearchClients.close(es);
    }
}
