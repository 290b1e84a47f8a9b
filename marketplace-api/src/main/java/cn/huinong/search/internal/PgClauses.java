package cn.huinong.search.internal;

import cn.huinong.search.internal.ValidQuery.Facet;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fallback's SQL clauses (ADR 5): the WHERE of a search or of one facet's counts (term tokens contained in the
 * document's {@code tokens}, filters and facets through jsonb), the ORDER BY (relevance tiers, the sorts), every
 * value bound, none inlined.
 */
final class PgClauses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PgClauses() {}

    /** The ORDER BY; its values go to {@code args}, in order. */
    static String order(ValidQuery vq, List<Object> args) {
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

    static String jsonArray(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The WHERE clause for the hits ({@code except} null) or for one facet's counts (its own selection left out). */
    static Where where(ValidQuery vq, Facet except) {
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

    static final class Where {
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
