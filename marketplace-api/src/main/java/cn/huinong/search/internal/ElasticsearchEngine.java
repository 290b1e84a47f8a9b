package cn.huinong.search.internal;

import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.EngineClient;
import cn.huinong.search.SearchItem;
import cn.huinong.search.SearchResult;
import cn.huinong.search.SearchResult.FacetBucket;
import cn.huinong.search.Suggestion;
import cn.huinong.search.internal.ValidQuery.Facet;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldValueFactorModifier;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
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
                .query(TextQueries.main(vq))
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
        Query match = TextQueries.suggest(input);
        return SearchRequest.of(s -> s.index(index.alias())
                .size(20)
                .source(src -> src.filter(f -> f.includes("id", "name", "brandName")))
                .query(q -> q.functionScore(fs -> fs.query(match)
                        .functions(fn -> fn.weight(1.0))
                        .functions(fn -> fn.fieldValueFactor(v -> v.field("salesCount")
                                .modifier(FieldValueFactorModifier.Log1p)
                                .factor(TextQueries.SALES_FACTOR)
                                .missing(0.0)))
                        .scoreMode(FunctionScoreMode.Sum)
                        .boostMode(FunctionBoostMode.Multiply)))
                .sort(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))), field("id", SortOrder.Asc)));
    }

    /** The AND of the facet selections, leaving out {@code except} (null: all of them). */
    private static Query facetFilter(ValidQuery vq, Facet except) {
        List<Query> filter = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            if (facet != except) {
                TextQueries.addTerms(filter, facet.field, vq.selected(facet));
            }
        }
        return Query.of(b -> b.bool(bool -> bool.filter(filter)));
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
