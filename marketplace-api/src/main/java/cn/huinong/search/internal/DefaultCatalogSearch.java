package cn.huinong.search.internal;

import cn.huinong.catalog.Categories;
import cn.huinong.indexer.EngineClient;
import cn.huinong.indexer.text.Synonyms;
import cn.huinong.search.CatalogSearch;
import cn.huinong.search.SearchExplanation;
import cn.huinong.search.SearchQuery;
import cn.huinong.search.SearchResult;
import cn.huinong.search.Suggestion;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates, asks Elasticsearch, and falls back to PostgreSQL whenever the engine fails, whatever the failure
 * (refused or timed out connection, server error, a client whose I/O reactor died, a rejected query, any runtime
 * exception): search never answers 500 because of the engine. Every outcome is told to {@link EngineWatch} (for
 * /health) and every failure to the {@link EngineClient} holder, which replaces a broken client. After a failure
 * that a new client does not cure (the engine down or slow) the engine is left alone for {@link #RETRY_AFTER_MS}
 * ms, so that an outage does not cost every search a timeout.
 */
@Singleton
class DefaultCatalogSearch implements CatalogSearch {

    private static final Logger log = LoggerFactory.getLogger(DefaultCatalogSearch.class);
    static final int MAX_SIZE = 100;
    static final int MAX_WINDOW = 10_000;
    private static final Set<String> BRAND_KINDS = Set.of("REGIONAL_PUBLIC", "ENTERPRISE", "PRODUCT");

    static final long RETRY_AFTER_MS = 3_000;

    private final ElasticsearchEngine elasticsearch;
    private final PostgresEngine postgres;
    private final Categories categories;
    private final EngineClient engine;
    private final EngineWatch watch;
    private final Synonyms synonyms;
    private final ZeroResultHelp help;
    private volatile long engineDownUntil;

    DefaultCatalogSearch(
            ElasticsearchEngine elasticsearch,
            PostgresEngine postgres,
            Categories categories,
            EngineClient engine,
            EngineWatch watch,
            Synonyms synonyms) {
        this.synonyms = synonyms;
        this.help = new ZeroResultHelp(categories);
        this.elasticsearch = elasticsearch;
        this.postgres = postgres;
        this.categories = categories;
        this.engine = engine;
        this.watch = watch;
    }

    @Override
    public SearchResult search(SearchQuery query) {
        ValidQuery vq = validate(query);
        SearchResult r = withCategoryNames(answer(vq));
        if (r.total() > 0 || (query.q() == null && !filtered(query))) {
            return r;
        }
        SearchResult.Help h = help.help(query, q -> answer(validate(q)), this::suggest);
        return h == null ? r : r.withHelp(h);
    }

    private static boolean filtered(SearchQuery q) {
        return !q.categories().isEmpty()
                || !q.certifications().isEmpty()
                || !q.provinces().isEmpty()
                || !q.counties().isEmpty()
                || !q.brands().isEmpty()
                || !q.brandKinds().isEmpty()
                || q.minPriceFen() != null
                || q.maxPriceFen() != null
                || q.eligible() != null
                || q.inStock() != null;
    }

    private SearchResult answer(ValidQuery vq) {
        if (System.currentTimeMillis() < engineDownUntil) {
            return postgres.search(vq);
        }
        try {
            SearchResult r = elasticsearch.search(vq);
            watch.succeeded();
            return r;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            unavailable(e);
            return postgres.search(vq);
        }
    }

    /**
     * Documents carry only their leaf category's name; parent categories in the facet are named from
     * the catalog's category tree, so that every bucket has a Chinese label.
     */
    private SearchResult withCategoryNames(SearchResult r) {
        List<SearchResult.FacetBucket> named = r.facets().category().stream()
                .map(b -> b.label() == null || b.label().equals(b.value())
                        ? new SearchResult.FacetBucket(
                                b.value(), categories.name(b.value()).orElse(b.value()), b.count())
                        : b)
                .toList();
        SearchResult.Facets f = r.facets();
        return new SearchResult(
                r.items(),
                r.page(),
                r.size(),
                r.total(),
                new SearchResult.Facets(named, f.certification(), f.province(), f.county(), f.brand()),
                r.degraded());
    }

    @Override
    public SearchExplanation explain(SearchQuery query) {
        String[] e = elasticsearch.explain(validate(query));
        return new SearchExplanation(e[0], e[1]);
    }

    @Override
    public List<Suggestion> suggest(String prefix) {
        String p = prefix == null ? "" : prefix.strip();
        if (p.isEmpty()) {
            return List.of();
        }
        if (p.length() > 50) {
            throw new InvalidInputException("输入过长", List.of(new Violation("q", "联想词最多50个字符")));
        }
        if (System.currentTimeMillis() < engineDownUntil) {
            return postgres.suggest(p);
        }
        try {
            List<Suggestion> r = elasticsearch.suggest(p);
            watch.succeeded();
            return r;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            unavailable(e);
            return postgres.suggest(p);
        }
    }

    /**
     * Notes the failure (health, the client holder) and decides when to try the engine again: at once after the
     * holder replaced a broken client or after an answer from the engine (a server error, a missing index), after
     * {@link #RETRY_AFTER_MS} ms when it could not be reached. A query the engine refused (4xx other than 404/429) is
     * our bug: logged as an error, and still answered from PostgreSQL.
     */
    private void unavailable(Throwable e) {
        watch.failed(e);
        boolean replaced = engine.recover(e);
        if (e instanceof ElasticsearchException ee) {
            if (ee.status() < 500 && ee.status() != 404 && ee.status() != 429) {
                log.error("the search engine refused our query ({}), answering from PostgreSQL", ee.status(), ee);
                return;
            }
        } else if (!replaced) {
            engineDownUntil = System.currentTimeMillis() + RETRY_AFTER_MS;
        }
        log.warn(
                "search engine failed{}, answering from PostgreSQL: {}",
                replaced ? " (client replaced)" : "",
                e.toString());
    }

    ValidQuery validate(SearchQuery q) {
        return validate(q, synonyms);
    }

    static ValidQuery validate(SearchQuery q, Synonyms synonyms) {
        List<Violation> v = new ArrayList<>();
        int page = q.page() == null ? 0 : q.page();
        int size = q.size() == null ? 20 : q.size();
        if (page < 0) {
            v.add(new Violation("page", "页码不能小于0"));
        }
        if (size < 1 || size > MAX_SIZE) {
            v.add(new Violation("size", "每页条数应在1到" + MAX_SIZE + "之间"));
        }
        if (v.isEmpty() && (long) page * size + size > MAX_WINDOW) {
            v.add(new Violation("page", "最多只能翻到第" + MAX_WINDOW + "条结果，请缩小搜索范围"));
        }
        SearchSort sort = SearchSort.parse(q.sort()).orElse(null);
        if (sort == null) {
            v.add(new Violation("sort", "排序方式应为 relevance、price_asc、price_desc、sales 或 newest"));
        }
        if (q.minPriceFen() != null && q.minPriceFen() < 0) {
            v.add(new Violation("minPriceFen", "最低价格不能为负数"));
        }
        if (q.maxPriceFen() != null && q.maxPriceFen() < 0) {
            v.add(new Violation("maxPriceFen", "最高价格不能为负数"));
        }
        if (q.minPriceFen() != null && q.maxPriceFen() != null && q.minPriceFen() > q.maxPriceFen()) {
            v.add(new Violation("minPriceFen", "最低价格不能高于最高价格"));
        }
        if (q.q() != null && q.q().length() > 100) {
            v.add(new Violation("q", "搜索词最多100个字符"));
        }
        for (String c : q.certifications()) {
            if (!Documents.CERTIFICATION_LABELS.containsKey(c)) {
                v.add(new Violation("certification", "未知的认证类型：" + c));
            }
        }
        for (String k : q.brandKinds()) {
            if (!BRAND_KINDS.contains(k)) {
                v.add(new Violation("brandKind", "品牌类型应为 REGIONAL_PUBLIC、ENTERPRISE 或 PRODUCT"));
            }
        }
        for (String p : q.provinces()) {
            if (!p.matches("\\d{2}0000")) {
                v.add(new Violation("province", "省级区划代码应为6位且以0000结尾：" + p));
            }
        }
        for (String s : q.suppliers()) {
            if (!s.matches("\\d{1,18}")) {
                v.add(new Violation("supplier", "供应商编号应为数字：" + s));
            }
        }
        for (String c : q.counties()) {
            if (!c.matches("\\d{6}")) {
                v.add(new Violation("county", "区县代码应为6位数字：" + c));
            }
        }
        for (String b : q.brands()) {
            if (!b.matches("\\d{1,18}")) {
                v.add(new Violation("brand", "品牌编号应为数字：" + b));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException("搜索条件有误", v);
        }
        List<String> terms = q.q() == null
                ? List.of()
                : Arrays.stream(q.q().split("\\s+")).filter(t -> !t.isBlank()).toList();
        List<QueryTerm> expanded =
                terms.stream().map(t -> QueryTerm.of(t, synonyms)).toList();
        return new ValidQuery(q, terms, expanded, sort, page, size);
    }
}
