package cn.huinong.search.internal;

import cn.huinong.search.SearchItem;
import cn.huinong.search.SearchResult;
import cn.huinong.search.SearchResult.FacetBucket;
import cn.huinong.search.Suggestion;
import cn.huinong.search.internal.ValidQuery.Facet;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The degraded search: the same query answered from {@code product_search_document} (searchable rows)
 * when Elasticsearch is unavailable. Text matches with ILIKE (every whitespace-separated term in one of
 * name, brand, category, supplier, description), filters and facets through jsonb, the same sorts.
 */
@Singleton
class PostgresEngine {

    private static final String TEXT_FIELDS = "name brandName categoryName supplierName description";

    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    PostgresEngine(JdbcOperations jdbc, @Named("catalog") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    SearchResult search(ValidQuery vq) {
        Connection c = jdbc.getConnection();
        Where all = where(vq, null);
        try {
            long total;
            try (PreparedStatement ps = all.prepare(c, "SELECT count(*) FROM product_search_document d WHERE ")) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<SearchItem> items = new ArrayList<>();
            List<Object> pageArgs = new ArrayList<>();
            String page = " ORDER BY " + order(vq, pageArgs) + " LIMIT ? OFFSET ?";
            pageArgs.add(vq.size());
            pageArgs.add(vq.from());
            try (PreparedStatement ps =
                    all.prepare(c, "SELECT d.document::text FROM product_search_document d WHERE ", page, pageArgs)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        var doc = json.readTree(rs.getString(1));
                        String hl = vq.terms().isEmpty()
                                ? null
                                : Documents.highlight(Documents.text(doc, "name"), vq.terms());
                        items.add(Documents.item(doc, hl));
                    }
                }
            }
            SearchResult.Facets facets = new SearchResult.Facets(
                    categories(c, vq),
                    buckets(
                            c,
                            where(vq, Facet.CERTIFICATION),
                            "jsonb_array_elements_text(d.document->'certifications')",
                            null,
                            Documents.CERTIFICATION_LABELS),
                    buckets(
                            c,
                            where(vq, Facet.PROVINCE),
                            "d.document->>'provinceCode'",
                            "d.document->>'provinceName'",
                            null),
                    buckets(c, where(vq, Facet.BRAND), "d.document->>'brandId'", "d.document->>'brandName'", null));
            return new SearchResult(items, vq.page(), vq.size(), total, facets, true);
        } catch (SQLException e) {
            throw new IllegalStateException("degraded search failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Product names starting with the prefix (with their ids), then brand names not already offered. */
    @Transactional(readOnly = true)
    List<Suggestion> suggest(String prefix) {
        return jdbc.prepareStatement("""
                (SELECT product_id, document->>'name', 0 AS kind, (document->>'salesCount')::bigint AS sales
                   FROM product_search_document WHERE searchable AND document->>'name' ILIKE ? ESCAPE '\\'
                   ORDER BY sales DESC NULLS LAST, product_id LIMIT 10)
                UNION ALL
                (SELECT NULL, document->>'brandName', 1, max((document->>'salesCount')::bigint)
                   FROM product_search_document WHERE searchable AND document->>'brandName' ILIKE ? ESCAPE '\\'
                   GROUP BY document->>'brandName' ORDER BY 4 DESC NULLS LAST, 2 LIMIT 5)
                ORDER BY kind, sales DESC NULLS LAST""", ps -> {
            ps.setString(1, like(prefix) + "%");
            ps.setString(2, like(prefix) + "%");
            List<Suggestion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString(2);
                    if (out.size() < 10 && out.stream().noneMatch(x -> x.text().equals(text))) {
                        out.add(new Suggestion(text, rs.getObject(1) == null ? null : rs.getLong(1)));
                    }
                }
            }
            return out;
        });
    }

    private List<FacetBucket> categories(Connection c, ValidQuery vq) throws SQLException {
        Where w = where(vq, Facet.CATEGORY);
        Map<String, String> labels = new HashMap<>();
        try (PreparedStatement ps = w.prepare(
                c,
                "SELECT d.document->>'categoryCode', min(d.document->>'categoryName') "
                        + "FROM product_search_document d WHERE ",
                " GROUP BY 1")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null && rs.getString(2) != null) {
                        labels.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return buckets(c, w, "jsonb_array_elements_text(d.document->'categoryPath')", null, labels);
    }

    /** Counts per value of {@code valueSql} (a set-returning function for arrays) under {@code w}. */
    private List<FacetBucket> buckets(
            Connection c, Where w, String valueSql, String labelSql, Map<String, String> labels) throws SQLException {
        String sql = "SELECT v.value, " + (labelSql == null ? "NULL" : "min(v.label)") + ", count(*) FROM (SELECT "
                + valueSql + " AS value" + (labelSql == null ? "" : ", " + labelSql + " AS label")
                + " FROM product_search_document d WHERE ";
        List<FacetBucket> out = new ArrayList<>();
        try (PreparedStatement ps = w.prepare(
                c,
                sql,
                ") v WHERE v.value IS NOT NULL GROUP BY v.value " + "ORDER BY count(*) DESC, v.value LIMIT 50")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String value = rs.getString(1);
                    String label = labels != null
                            ? labels.getOrDefault(value, value)
                            : rs.getString(2) == null ? value : rs.getString(2);
                    out.add(new FacetBucket(value, label, rs.getLong(3)));
                }
            }
        }
        return out;
    }

    /** The ORDER BY; its values go to {@code args}, in order. */
    private static String order(ValidQuery vq, List<Object> args) {
        String id = "d.product_id";
        return switch (vq.sort()) {
            case RELEVANCE -> relevance(vq, args) + "(d.document->>'salesCount')::bigint DESC NULLS LAST, " + id;
            case PRICE_ASC -> "(d.document->>'priceFen')::bigint ASC, " + id;
            case PRICE_DESC -> "(d.document->>'priceFen')::bigint DESC, " + id;
            case SALES -> "(d.document->>'salesCount')::bigint DESC NULLS LAST, " + id;
            case NEWEST -> "(d.document->>'listedAt')::timestamptz DESC NULLS LAST, " + id;
        };
    }

    /** Whole-name match, then name holds the text, then anything else (the text is bound, never inlined). */
    private static String relevance(ValidQuery vq, List<Object> args) {
        String q = vq.query().q();
        if (q == null) {
            return "";
        }
        args.add(q);
        args.add("%" + like(q) + "%");
        return "CASE WHEN lower(d.document->>'name') = lower(?::text) THEN 0 "
                + "WHEN d.document->>'name' ILIKE ?::text ESCAPE '\\' THEN 1 ELSE 2 END, ";
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The WHERE clause for the hits ({@code except} null) or for one facet's counts (its own selection left out). */
    private static Where where(ValidQuery vq, Facet except) {
        var q = vq.query();
        Where w = new Where();
        w.add("d.searchable");
        for (String term : vq.terms()) {
            List<String> ors = new ArrayList<>();
            for (String f : TEXT_FIELDS.split(" ")) {
                ors.add("d.document->>'" + f + "' ILIKE ? ESCAPE '\\'");
                w.args.add("%" + like(term) + "%");
            }
            w.add("(" + String.join(" OR ", ors) + ")");
        }
        w.any("d.document->>'originCode'", q.counties());
        w.any("d.document->>'supplierId'", q.suppliers());
        w.any("d.document->>'brandKind'", q.brandKinds());
        if (q.minPriceFen() != null) {
            w.add("(d.document->>'priceFen')::bigint >= ?", q.minPriceFen());
        }
        if (q.maxPriceFen() != null) {
            w.add("(d.document->>'priceFen')::bigint <= ?", q.maxPriceFen());
        }
        if (q.eligible() != null) {
            w.add("coalesce((d.document->>'eligible')::boolean, false) = ?", q.eligible());
        }
        if (q.inStock() != null) {
            w.add("coalesce((d.document->>'inStock')::boolean, false) = ?", q.inStock());
        }
        for (Facet facet : Facet.values()) {
            List<String> selected = vq.selected(facet);
            if (facet == except || selected.isEmpty()) {
                continue;
            }
            switch (facet) {
                case CATEGORY, CERTIFICATION -> {
                    w.add("jsonb_exists_any(d.document->'" + facet.field + "', ?::text[])");
                    w.args.add(selected.toArray(String[]::new));
                }
                default -> w.any("d.document->>'" + facet.field + "'", selected);
            }
        }
        return w;
    }

    private static final class Where {
        final List<String> clauses = new ArrayList<>();
        final List<Object> args = new ArrayList<>();

        void add(String clause, Object... values) {
            clauses.add(clause);
            args.addAll(List.of(values));
        }

        void any(String expr, List<String> values) {
            if (!values.isEmpty()) {
                add(expr + " = ANY (?::text[])");
                args.add(values.toArray(String[]::new));
            }
        }

        PreparedStatement prepare(Connection c, String head) throws SQLException {
            return prepare(c, head, "", List.of());
        }

        PreparedStatement prepare(Connection c, String head, String tail) throws SQLException {
            return prepare(c, head, tail, List.of());
        }

        /** The statement with the WHERE's values bound, then the tail's ({@code tailArgs}). */
        PreparedStatement prepare(Connection c, String head, String tail, List<Object> tailArgs) throws SQLException {
            PreparedStatement ps = c.prepareStatement(head + String.join(" AND ", clauses) + tail);
            List<Object> all = new ArrayList<>(args);
            all.addAll(tailArgs);
            for (int i = 0; i < all.size(); i++) {
                Object a = all.get(i);
                if (a instanceof String[] arr) {
                    ps.setArray(i + 1, c.createArrayOf("text", arr));
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            return ps;
        }
    }
}
