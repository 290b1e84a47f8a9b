package cn.huinong.search.internal;

import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.EngineClient;
import cn.huinong.indexer.text.Pinyin;
import cn.huinong.search.SearchItem;
import cn.huinong.search.SearchResult;
import cn.huinong.search.SearchResult.FacetBucket;
import cn.huinong.search.Suggestion;
import cn.huinong.search.internal.ValidQuery.Facet;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldValueFactorModifier;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search through Elasticsearch. Facet selections go into {@code post_filter} (they narrow the hits
 * but not the aggregations); each facet's aggregation is filtered by the other facets' selections only,
 * so its counts ignore its own selection (the county facet is the {@code county} parameter). Other filters
 * (supplier, brand kind, price, eligible, in stock) and the text are in the query and narrow everything.
 */
@Singleton
class ElasticsearchEngine {

    private static final int FACET_SIZE = 50;
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

    private final EngineClient engine;
    private final CatalogIndex index;

    ElasticsearchEngine(EngineClient engine, CatalogIndex index) {
        this.engine = engine;
        this.index = index;
    }

    /** The client with the search timeout, asked for on every search (a broken one is replaced meanwhile). */
    private ElasticsearchClient es() {
        return engine.forSearch();
    }

    /** The request this search sends to Elasticsearch (also what {@link #explain} shows operators). */
    SearchRequest request(ValidQuery vq) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            aggs.put(facet.name(), facetAggregation(vq, facet));
        }
        return SearchRequest.of(s -> s.index(index.alias())
                .query(mainQuery(vq))
                .postFilter(facetFilter(vq, null))
                .aggregations(aggs)
                .sort(sorts(vq))
                .from(vq.from())
                .size(vq.size())
                .trackTotalHits(t -> t.enabled(true))
                .highlight(h -> h.encoder(HighlighterEncoder.Html)
                        .preTags("<em>")
                        .postTags("</em>")
                        .fields("name", f -> f.numberOfFragments(0))));
    }

    /** The index (alias) and JSON body of the request, exactly as {@link #search} sends it. */
    String[] explain(ValidQuery vq) {
        return new String[] {index.alias(), JsonpUtils.toJsonString(request(vq), es()._jsonpMapper())};
    }

    SearchResult search(ValidQuery vq) throws IOException {
        SearchResponse<ObjectNode> r = es().search(request(vq), ObjectNode.class);
        List<SearchItem> items = new ArrayList<>();
        for (Hit<ObjectNode> hit : r.hits().hits()) {
            List<String> hl = hit.highlight().get("name");
            items.add(Documents.item(hit.source(), hl == null || hl.isEmpty() ? null : hl.get(0)));
        }
        Map<String, Aggregate> a = r.aggregations();
        SearchResult.Facets facets = new SearchResult.Facets(
                categoryBuckets(a.get(Facet.CATEGORY.name())),
                labelled(a.get(Facet.CERTIFICATION.name()), Documents.CERTIFICATION_LABELS),
                labelled(a.get(Facet.PROVINCE.name()), null),
                labelled(a.get(Facet.COUNTY.name()), null),
                labelled(a.get(Facet.BRAND.name()), null));
        long total = r.hits().total() == null ? items.size() : r.hits().total().value();
        return new SearchResult(items, vq.page(), vq.size(), total, facets, false);
    }

    /**
     * Suggestions that match inside names, brands and categories (bigrams), and pinyin or initials as typed, even
     * in part (yqc, yinqiu -> 银球茶): the best 20 products, names starting with the input first, then by score and
     * sales; their names, then the brands the input names ({@link SuggestionList}).
     */
    List<Suggestion> suggest(String input) throws IOException {
        SearchResponse<ObjectNode> r = es().search(suggestRequest(input), ObjectNode.class);
        List<SuggestionList.Match> matches = new ArrayList<>();
        for (Hit<ObjectNode> hit : r.hits().hits()) {
            ObjectNode d = hit.source();
            matches.add(new SuggestionList.Match(
                    d.path("id").asLong(), Documents.text(d, "name"), Documents.text(d, "brandName")));
        }
        return SuggestionList.of(input, matches);
    }

    SearchRequest suggestRequest(String input) {
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
        return SearchRequest.of(s -> s.index(index.alias())
                .size(20)
                .source(src -> src.filter(f -> f.includes("id", "name", "brandName")))
                .query(q -> q.functionScore(fs -> fs.query(match)
                        .functions(fn -> fn.weight(1.0))
                        .functions(fn -> fn.fieldValueFactor(v -> v.field("salesCount")
                                .modifier(FieldValueFactorModifier.Log1p)
                                .factor(SALES_FACTOR)
                                .missing(0.0)))
                        .scoreMode(FunctionScoreMode.Sum)
                        .boostMode(FunctionBoostMode.Multiply)))
                .sort(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))), field("id", SortOrder.Asc)));
    }

    /**
     * The text and the filters, scored like a shop (ADR 5): every term must match (its own words, a synonym, or its
     * pinyin); whole-name and phrase matches on top; then in stock, eligible and selling products a little higher.
     */
    private Query mainQuery(ValidQuery vq) {
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

    /** The AND of the facet selections, leaving out {@code except} (null: all of them). */
    private static Query facetFilter(ValidQuery vq, Facet except) {
        List<Query> filter = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            if (facet != except) {
                addTerms(filter, facet.field, vq.selected(facet));
            }
        }
        return Query.of(b -> b.bool(bool -> bool.filter(filter)));
    }

    private static void addTerms(List<Query> filter, String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> v = values.stream().map(FieldValue::of).toList();
            filter.add(Query.of(f -> f.terms(t -> t.field(field).terms(tt -> tt.value(v)))));
        }
    }

    private static Aggregation facetAggregation(ValidQuery vq, Facet facet) {
        Map<String, Aggregation> sub = new LinkedHashMap<>();
        String labelField = switch (facet) {
            case PROVINCE -> "provinceName";
            case COUNTY -> "originName";
            case BRAND -> "brandName.raw";
            default -> null;
        };
        sub.put("values", terms(facet.field, labelField));
        if (facet == Facet.CATEGORY) {
            sub.put("labels", terms("categoryCode", "categoryName.raw"));
        }
        return Aggregation.of(a -> a.filter(facetFilter(vq, facet)).aggregations(sub));
    }

    private static Aggregation terms(String field, String labelField) {
        return Aggregation.of(a -> {
            var t = a.terms(tt -> tt.field(field)
                    .size(labelField == null ? FACET_SIZE : FACET_SIZE * 4)
                    .order(List.of(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc))));
            if (labelField != null) {
                t.aggregations("label", l -> l.terms(lt -> lt.field(labelField).size(1)));
            }
            return t;
        });
    }

    private static List<FacetBucket> labelled(Aggregate facet, Map<String, String> labels) {
        List<FacetBucket> out = new ArrayList<>();
        for (StringTermsBucket b :
                facet.filter().aggregations().get("values").sterms().buckets().array()) {
            String value = b.key().stringValue();
            String label = labels != null ? labels.getOrDefault(value, value) : labelOf(b);
            out.add(new FacetBucket(value, label, b.docCount()));
            if (out.size() == FACET_SIZE) {
                break;
            }
        }
        return out;
    }

    private static List<FacetBucket> categoryBuckets(Aggregate facet) {
        Map<String, String> labels = new HashMap<>();
        for (StringTermsBucket b :
                facet.filter().aggregations().get("labels").sterms().buckets().array()) {
            String label = labelOf(b);
            if (label != null) {
                labels.put(b.key().stringValue(), label);
            }
        }
        return labelled(facet, labels);
    }

    private static String labelOf(StringTermsBucket b) {
        Aggregate label = b.aggregations().get("label");
        if (label == null || label.sterms().buckets().array().isEmpty()) {
            return b.key().stringValue();
        }
        return label.sterms().buckets().array().get(0).key().stringValue();
    }

    private static List<SortOptions> sorts(ValidQuery vq) {
        List<SortOptions> s = new ArrayList<>();
        switch (vq.sort()) {
            case RELEVANCE -> {
                s.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
                s.add(field("salesCount", SortOrder.Desc));
            }
            case PRICE_ASC -> s.add(field("priceFen", SortOrder.Asc));
            case PRICE_DESC -> s.add(field("priceFen", SortOrder.Desc));
            case SALES -> s.add(field("salesCount", SortOrder.Desc));
            case NEWEST ->
                s.add(SortOptions.of(o ->
                        o.field(f -> f.field("listedAt").order(SortOrder.Desc).missing("_last"))));
        }
        s.add(field("id", SortOrder.Asc));
        return s;
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(o -> o.field(f -> f.field(name).order(order)));
    }
}
