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

    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    PostgresEngine(JdbcOperations jdbc, @Named("catalog") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    SearchResult search(ValidQuery vq) {
        Connection c = jdbc.getConnection();
        PgClauses.Where all = PgClauses.where(vq, null);
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
            String page = " ORDER BY " + PgClauses.order(vq, pageArgs) + " LIMIT ? OFFSET ?";
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
                            PgClauses.where(vq, Facet.CERTIFICATION),
                            "jsonb_array_elements_text(d.document->'certifications')",
                            null,
                            Documents.CERTIFICATION_LABELS),
                    buckets(
                            c,
                            PgClauses.where(vq, Facet.PROVINCE),
                            "d.document->>'provinceCode'",
                            "d.document->>'provinceName'",
                            null),
                    buckets(
                            c,
                            PgClauses.where(vq, Facet.COUNTY),
                            "d.document->>'originCode'",
                            "d.document->>'originName'",
                            null),
                    buckets(
                            c,
                            PgClauses.where(vq, Facet.BRAND),
                            "d.document->>'brandId'",
                            "d.document->>'brandName'",
                            null));
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
            ps.setString(1, PgClauses.jsonArray(tokens.isEmpty() ? List.of(lower) : tokens));
            ps.setString(2, PgClauses.jsonArray(List.of(lower)));
            ps.setString(3, PgClauses.like(input) + "%");
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
        PgClauses.Where w = PgClauses.where(vq, Facet.CATEGORY);
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
            Connection c, PgClauses.Where w, String valueSql, String labelSql, Map<String, String> labels)
            throws SQLException {
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
}
