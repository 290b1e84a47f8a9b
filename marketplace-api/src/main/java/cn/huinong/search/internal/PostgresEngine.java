package cn.huinong.search.internal;

import cn.huinong.indexer.text.SearchText;
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
import java.util.Locale;
import java.util.Map;

/**
 * The degraded search: the same query answered from {@code product_search_document} (searchable rows)
 * when Elasticsearch is unavailable. A term matches when all its tokens (bigrams; see SearchText), or a synonym's,
 * or its pinyin, are in the document's {@code tokens}, a jsonb containment that the GIN index answers (V115);
 * filters and facets through jsonb, the same sorts.
 */
@Singleton
class PostgresEngine {

    private static final ObjectMapper JSON = new ObjectMapper();

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
                    buckets(c, where(vq, Facet.COUNTY), "d.document->>'originCode'", "d.document->>'originName'", null),
                    buckets(c, where(vq, Facet.BRAND), "d.document->>'brandId'", "d.document->>'brandName'", null));
            return new SearchResult(items, vq.page(), vq.size(), total, facets, true);
        } catch (SQLException e) {
            throw new IllegalStateException("degraded search failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same suggestions from the fallback: products whose name, category or brand holds the input's tokens, or
     * whose pinyin or initials are the input (whole runs only: the fallback has no prefix index on pinyin); names
     * starting with the input first, then by sales.
     */
    @Transactional(readOnly = true)
    List<Suggestion> suggest(String input) {
        List<String> tokens = SearchText.termTokens(input);
        String lower = input.toLowerCase(Locale.ROOT);
        return jdbc.prepareStatement("""
                SELECT product_id, document->>'name', document->>'brandName' FROM product_search_document
                WHERE searchable AND (document->'primaryTokens' @> ?::jsonb OR document->'primaryTokens' @> ?::jsonb)
                ORDER BY CASE WHEN document->>'name' ILIKE ? ESCAPE '\\' THEN 0 ELSE 1 END,
                    (document->>'salesCount')::bigint DESC NULLS LAST, product_id
                LIMIT 20""", ps -> {
            ps.setString(1, jsonArray(tokens.isEmpty() ? List.of(lower) : tokens));
            ps.setString(2, jsonArray(List.of(lower)));
            ps.setString(3, like(input) + "%");
            List<SuggestionList.Match> matches = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    matches.add(new SuggestionList.Match(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return SuggestionList.of(input, matches);
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

    /**
     * Whole-name match, then the name holding the text, then every term found in name, category or brand
     * ({@code primaryTokens}), then the rest; within a tier in stock and eligible first (the text is bound, never
     * inlined).
     */
    private static String relevance(ValidQuery vq, List<Object> args) {
        String q = vq.query().q();
        String shop = "coalesce((d.document->>'inStock')::boolean, false) DESC, "
                + "coalesce((d.document->>'eligible')::boolean, false) DESC, ";
        if (q == null) {
            return shop;
        }
        args.add(q);
        args.add("%" + like(q) + "%");
        List<String> primary = new ArrayList<>();
        for (QueryTerm term : vq.expanded()) {
            List<String> ors = new ArrayList<>();
            for (List<String> tokens : term.formTokens()) {
                ors.add("d.document->'primaryTokens' @> ?::jsonb");
                args.add(jsonArray(tokens));
            }
            if (term.pinyin() != null) {
                ors.add("d.document->'primaryTokens' @> ?::jsonb");
                args.add(jsonArray(List.of(term.pinyin())));
            }
            primary.add(ors.isEmpty() ? "false" : "(" + String.join(" OR ", ors) + ")");
        }
        return "CASE WHEN lower(d.document->>'name') = lower(?::text) THEN 0 "
                + "WHEN d.document->>'name' ILIKE ?::text ESCAPE '\\' THEN 1 "
                + "WHEN " + (primary.isEmpty() ? "false" : String.join(" AND ", primary)) + " THEN 2 ELSE 3 END, "
                + shop;
    }

    private static String jsonArray(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The WHERE clause for the hits ({@code except} null) or for one facet's counts (its own selection left out). */
    private static Where where(ValidQuery vq, Facet except) {
        var q = vq.query();
        Where w = new Where();
        w.add("d.searchable");
        for (QueryTerm term : vq.expanded()) {
            List<String> ors = new ArrayList<>();
            for (List<String> tokens : term.formTokens()) {
                ors.add("d.document->'tokens' @> ?::jsonb");
                w.args.add(jsonArray(tokens));
            }
            if (term.pinyin() != null) {
                ors.add("d.document->'tokens' @> ?::jsonb");
                w.args.add(jsonArray(List.of(term.pinyin())));
            }
            w.add(ors.isEmpty() ? "false" : "(" + String.join(" OR ", ors) + ")");
        }
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
