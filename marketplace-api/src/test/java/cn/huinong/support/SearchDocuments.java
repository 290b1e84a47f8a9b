package cn.huinong.support;

import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.ElasticsearchClients;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.indexer.text.SearchText;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Stands in for the catalog module in search tests: writes {@code product_search_document} rows and
 * their {@code catalog_outbox} rows in one transaction, and drains the outbox synchronously.
 * {@link #reset} empties both tables and gives the test alias a fresh index.
 */
public final class SearchDocuments {

    private static final ObjectMapper JSON = ElasticsearchClients.objectMapper();

    private final DataSource dataSource;
    private final CatalogIndex index;
    private final OutboxIndexer indexer;

    public SearchDocuments(DataSource dataSource, CatalogIndex index, OutboxIndexer indexer) {
        this.dataSource = dataSource;
        this.index = index;
        this.indexer = indexer;
    }

    /** A client to the real test Elasticsearch (the app under test may be pointed elsewhere). */
    public static ElasticsearchClient testElasticsearch() {
        String url = System.getenv().getOrDefault("HUINONG_TEST_ES_URL", "http://127.0.0.1:9202");
        return ElasticsearchClients.connect(url, Duration.ofSeconds(5));
    }

    /** Empties the tables; with {@code es}, also drops the test alias's indices and creates a fresh one. */
    public void reset(ElasticsearchClient es) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM catalog_outbox");
            s.execute("DELETE FROM product_search_document");
        }
        if (es != null) {
            for (String name : es.indices()
                    .get(g -> g.index(index.alias() + "*").allowNoIndices(true))
                    .result()
                    .keySet()) {
                es.indices().delete(d -> d.index(name));
            }
            index.ensure(es);
        }
    }

    public void put(Doc doc) throws Exception {
        put(doc, 1, true);
    }

    public void put(Doc doc, long version, boolean searchable) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO product_search_document (product_id, version, searchable, document) VALUES (?, ?, ?, ?::jsonb)
                    ON CONFLICT (product_id) DO UPDATE SET version = excluded.version, searchable = excluded.searchable,
                        document = excluded.document, updated_at = now()""")) {
                ps.setLong(1, doc.id());
                ps.setLong(2, version);
                ps.setBoolean(3, searchable);
                ps.setString(4, SearchText.enrichJson(JSON.writeValueAsString(doc.fields)));
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO catalog_outbox (product_id, version) VALUES (?, ?)")) {
                ps.setLong(1, doc.id());
                ps.setLong(2, version);
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    /** Drains the outbox into Elasticsearch and refreshes, so that searches see every change. */
    public void sync(ElasticsearchClient es) throws Exception {
        indexer.drain();
        es.indices().refresh(r -> r.index(index.alias()));
    }

    /**
     * A search document with the catalog module's field names; defaults for everything not set. {@link #put} adds
     * the derived searchable text as the catalog does ({@link SearchText#enrich}).
     */
    public static Doc doc(long id, String name) {
        return new Doc(id, name);
    }

    public static final class Doc {
        final Map<String, Object> fields = new LinkedHashMap<>();

        Doc(long id, String name) {
            fields.put("id", id);
            fields.put("name", name);
            fields.put("description", "");
            fields.put("supplierId", 7);
            fields.put("supplierName", "雷山县苗岭银球茶农民专业合作社");
            fields.put("certifications", List.of());
            fields.put("eligible", true);
            fields.put("unit", "件");
            fields.put("spec", "1件");
            fields.put("stock", 10);
            fields.put("inStock", true);
            fields.put("salesCount", 0);
            fields.put("status", "LISTED");
            fields.put("updatedAt", "2026-11-20T00:00:00Z");
        }

        long id() {
            return ((Number) fields.get("id")).longValue();
        }

        public Doc description(String d) {
            return set("description", d);
        }

        /** Category path from the root; the last code is the product's category, named {@code name}. */
        public Doc category(String name, String... path) {
            set("categoryPath", List.of(path));
            set("categoryCode", path[path.length - 1]);
            return set("categoryName", name);
        }

        /** The names of the category path from the root (the catalog writes them; default: the leaf's name). */
        public Doc categoryNames(String... names) {
            return set("categoryNames", List.of(names));
        }

        public Doc prefecture(String name) {
            return set("prefectureName", name);
        }

        public Doc origin(String countyCode, String countyName, String provinceCode, String provinceName) {
            set("originCode", countyCode);
            set("originName", countyName);
            set("provinceCode", provinceCode);
            set("provinceName", provinceName);
            return set("prefectureCode", countyCode.substring(0, 4) + "00");
        }

        public Doc brand(long id, String name, String kind) {
            set("brandId", id);
            set("brandName", name);
            return set("brandKind", kind);
        }

        public Doc certifications(String... kinds) {
            return set("certifications", List.of(kinds));
        }

        public Doc eligible(boolean e) {
            return set("eligible", e);
        }

        public Doc price(long fen, String unit, String spec) {
            set("priceFen", fen);
            set("unit", unit);
            return set("spec", spec);
        }

        public Doc stock(int stock) {
            set("stock", stock);
            return set("inStock", stock > 0);
        }

        public Doc sales(long count) {
            return set("salesCount", count);
        }

        public Doc listedAt(String instant) {
            return set("listedAt", instant);
        }

        public Doc set(String field, Object value) {
            fields.put(field, value);
            return this;
        }
    }
}
