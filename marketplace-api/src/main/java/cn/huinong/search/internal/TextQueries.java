package cn.huinong.search.internal;

import cn.huinong.indexer.text.Pinyin;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldValueFactorModifier;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Elasticsearch queries for the text (ADR 5): the search's terms with their synonyms and pinyin, the shop's
 * boosts, the filters, and the suggestions' match. {@link ElasticsearchEngine} adds facets, sorts and paging.
 */
final class TextQueries {

    /**
     * The shop's boosts: a text score is multiplied by 1 + 0.3 (in stock) + 0.2 (eligible) + log10(1 + 0.001 x units
     * sold): at most about 2.5 for a best seller, never enough to lift a supplier-name-only match (weight 0.2) above a
     * name match (weight 4). See ADR 5.
     */
    static final double IN_STOCK_BOOST = 0.3;

    static final double ELIGIBLE_BOOST = 0.2;
    static final double SALES_FACTOR = 0.001;

    /** Name and category first; brand, origin and certifications next; the supplier's name weighs little. */
    private static final String[] TEXT_FIELDS = {
        "name^4",
        "categoryNames^3",
        "brandName^2",
        "originTerms^2",
        "certificationNames^2",
        "keywords",
        "description^0.5",
        "supplierName^0.2"
    };

    private TextQueries() {}

    /**
     * The text and the filters, scored like a shop (ADR 5): every term must match (its own words, a synonym, or its
     * pinyin); whole-name and phrase matches on top; then in stock, eligible and selling products a little higher.
     */
    static Query main(ValidQuery vq) {
        var q = vq.query();
        List<Query> must = new ArrayList<>();
        List<Query> should = new ArrayList<>();
        for (QueryTerm term : vq.expanded()) {
            must.add(termQuery(term));
        }
        if (q.q() != null) {
            // whole-name matches first, then names and categories holding the words as a phrase
            should.add(Query.of(s -> s.term(t ->
                    t.field("name.exact").value(q.q().toLowerCase(Locale.ROOT)).boost(50f))));
            should.add(Query.of(
                    s -> s.matchPhrase(p -> p.field("name").query(q.q()).boost(5f))));
            should.add(Query.of(s ->
                    s.matchPhrase(p -> p.field("categoryNames").query(q.q()).boost(3f))));
        }
        List<Query> filter = new ArrayList<>();
        addTerms(filter, "supplierId", q.suppliers());
        addTerms(filter, "brandKind", q.brandKinds());
        if (q.minPriceFen() != null || q.maxPriceFen() != null) {
            filter.add(Query.of(f -> f.range(r -> r.number(n -> {
                n.field("priceFen");
                if (q.minPriceFen() != null) {
                    n.gte(q.minPriceFen().doubleValue());
                }
                if (q.maxPriceFen() != null) {
                    n.lte(q.maxPriceFen().doubleValue());
                }
                return n;
            }))));
        }
        if (q.eligible() != null) {
            filter.add(Query.of(f -> f.term(t -> t.field("eligible").value(q.eligible()))));
        }
        if (q.inStock() != null) {
            filter.add(Query.of(f -> f.term(t -> t.field("inStock").value(q.inStock()))));
        }
        Query text = Query.of(b -> b.bool(bool -> bool.must(must).should(should).filter(filter)));
        return Query.of(f -> f.functionScore(fs -> fs.query(text)
                .functions(fn -> fn.weight(1.0))
                .functions(fn -> fn.filter(x -> x.term(t -> t.field("inStock").value(true)))
                        .weight(IN_STOCK_BOOST))
                .functions(fn -> fn.filter(x -> x.term(t -> t.field("eligible").value(true)))
                        .weight(ELIGIBLE_BOOST))
                .functions(fn -> fn.fieldValueFactor(v -> v.field("salesCount")
                        .modifier(FieldValueFactorModifier.Log1p)
                        .factor(SALES_FACTOR)
                        .missing(0.0)))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Multiply)));
    }

    /**
     * One term: its words (or a synonym's) in the text fields, all bigrams in one field, name and category above
     * brand and origin above the supplier's name; or its pinyin (a Latin term also as initials, and with one wrong
     * letter); a Han term of three or more characters also with all but one of its characters in the name
     * (a wrong character that is not a homophone).
     */
    private static Query termQuery(QueryTerm term) {
        List<Query> any = new ArrayList<>();
        for (int i = 0; i < term.forms().size(); i++) {
            String form = term.forms().get(i);
            float boost = i == 0 ? 1f : 0.8f;
            any.add(Query.of(m -> m.multiMatch(mm -> mm.query(form)
                    .fields(List.of(TEXT_FIELDS))
                    .type(TextQueryType.BestFields)
                    .operator(Operator.And)
                    .boost(boost))));
        }
        if (term.pinyin() != null) {
            String py = term.pinyin();
            any.add(Query.of(t -> t.term(tt -> tt.field("pinyin").value(py).boost(term.latin() ? 3f : 0.6f))));
            if (term.latin()) {
                any.add(Query.of(
                        t -> t.term(tt -> tt.field("initials").value(py).boost(2f))));
            }
            if (term.latin() && py.length() >= 4) {
                // one wrong or missing letter in typed pinyin (yinqiuca); Han terms have their homophones above
                any.add(Query.of(t -> t.fuzzy(fz -> fz.field("pinyin")
                        .value(py)
                        .fuzziness("1")
                        .prefixLength(1)
                        .maxExpansions(20)
                        .boost(0.3f))));
            }
        }
        if (!term.latin() && term.text().codePointCount(0, term.text().length()) >= 3) {
            any.add(Query.of(m -> m.match(mm -> mm.field("name")
                    .query(term.text())
                    .analyzer("standard")
                    .minimumShouldMatch("-1")
                    .boost(0.2f))));
        }
        return Query.of(b -> b.bool(bool -> bool.should(any).minimumShouldMatch("1")));
    }

    /** What the search box's input matches (see {@link ElasticsearchEngine#suggest}). */
    static Query suggest(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        boolean latin = Pinyin.isLatinWord(lower);
        List<Query> any = new ArrayList<>();
        any.add(Query.of(q -> q.prefix(p -> p.field("name.exact").value(lower).boost(5f))));
        for (String field : List.of("name^3", "brandName^2", "categoryNames")) {
            String[] f = field.split("\\^");
            float boost = f.length > 1 ? Float.parseFloat(f[1]) : 1f;
            any.add(Query.of(q -> q.match(
                    m -> m.field(f[0]).query(input).operator(Operator.And).boost(boost))));
        }
        if (latin) {
            any.add(Query.of(q -> q.prefix(p -> p.field("pinyin").value(lower).boost(2f))));
            any.add(Query.of(q -> q.prefix(p -> p.field("initials").value(lower).boost(2f))));
        } else if (Pinyin.syllables(input).size() >= 2) {
            any.add(Query.of(
                    q -> q.term(t -> t.field("pinyin").value(Pinyin.full(input)).boost(0.5f))));
        }
        Query match = Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
        return match;
    }

    static void addTerms(List<Query> filter, String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> v = values.stream().map(FieldValue::of).toList();
            filter.add(Query.of(f -> f.terms(t -> t.field(field).terms(tt -> tt.value(v)))));
        }
    }
}
