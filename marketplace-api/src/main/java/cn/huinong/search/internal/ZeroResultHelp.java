package cn.huinong.search.internal;

import cn.huinong.catalog.Categories;
import cn.huinong.catalog.CategoryNode;
import cn.huinong.indexer.text.Pinyin;
import cn.huinong.search.SearchQuery;
import cn.huinong.search.SearchResult;
import cn.huinong.search.SearchResult.CategoryHint;
import cn.huinong.search.SearchResult.Help;
import cn.huinong.search.SearchResult.Relaxed;
import cn.huinong.search.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Help for a search that found nothing (ADR 5): the same search without the narrowest filter that then finds
 * something (county before brand, certification, category, province, brand kind, price, eligibility, stock),
 * "您是不是要找": one word of several that finds something on its own, or a product name the words begin or hold
 * (suggest, e.g. partial pinyin), and the category whose name shares most characters with the words.
 */
final class ZeroResultHelp {

    private record Filter(String parameter, String label, UnaryOperator<SearchQuery> without, boolean present) {}

    private final Categories categories;

    ZeroResultHelp(Categories categories) {
        this.categories = categories;
    }

    Help help(SearchQuery q, Function<SearchQuery, SearchResult> search, Function<String, List<Suggestion>> suggest) {
        Relaxed relaxed = null;
        for (Filter f : filters(q)) {
            if (f.present()) {
                long total = search.apply(f.without().apply(q)).total();
                if (total > 0) {
                    relaxed = new Relaxed(f.parameter(), f.label(), total);
                    break;
                }
            }
        }
        String didYouMean = null;
        CategoryHint category = null;
        if (q.q() != null) {
            didYouMean = oneWord(q, search);
            if (didYouMean == null) {
                List<Suggestion> suggestions = q.q().length() <= 50 ? suggest.apply(q.q()) : List.of();
                didYouMean = suggestions.stream()
                        .map(Suggestion::text)
                        .filter(t -> !t.equals(q.q()))
                        .findFirst()
                        .orElse(null);
            }
            category = nearestCategory(q.q());
        }
        return relaxed == null && didYouMean == null && category == null
                ? null
                : new Help(didYouMean, category, relaxed);
    }

    /** Of several words, the one that finds the most on its own (with the same filters). */
    private static String oneWord(SearchQuery q, Function<SearchQuery, SearchResult> search) {
        String[] words = q.q().split("\\s+");
        if (words.length < 2) {
            return null;
        }
        String best = null;
        long most = 0;
        for (String w : words) {
            long total = search.apply(with(q, w)).total();
            if (total > most) {
                most = total;
                best = w;
            }
        }
        return best;
    }

    /** The category whose name shares the most Han characters with the text (at least one), shorter names first. */
    CategoryHint nearestCategory(String text) {
        List<CategoryNode> all = new ArrayList<>();
        flatten(categories.tree(), all);
        CategoryHint best = null;
        double bestScore = 0;
        for (CategoryNode c : all) {
            int shared = 0;
            for (char ch : c.name().toCharArray()) {
                if (Pinyin.isHan(ch) && text.indexOf(ch) >= 0) {
                    shared++;
                }
            }
            double score = shared == 0 ? 0 : shared + (double) shared / c.name().length();
            if (score > bestScore) {
                bestScore = score;
                best = new CategoryHint(c.code(), c.name());
            }
        }
        return best;
    }

    private static void flatten(List<CategoryNode> nodes, List<CategoryNode> out) {
        for (CategoryNode n : nodes) {
            out.add(n);
            flatten(n.children() == null ? List.of() : n.children(), out);
        }
    }

    private static List<Filter> filters(SearchQuery q) {
        return List.of(
                new Filter("county", "区县", x -> copy(x, 4), !q.counties().isEmpty()),
                new Filter("brand", "品牌", x -> copy(x, 5), !q.brands().isEmpty()),
                new Filter(
                        "certification",
                        "认证",
                        x -> copy(x, 2),
                        !q.certifications().isEmpty()),
                new Filter("category", "品类", x -> copy(x, 1), !q.categories().isEmpty()),
                new Filter("province", "省份", x -> copy(x, 3), !q.provinces().isEmpty()),
                new Filter("brandKind", "品牌类型", x -> copy(x, 6), !q.brandKinds().isEmpty()),
                new Filter("price", "价格区间", x -> copy(x, 8), q.minPriceFen() != null || q.maxPriceFen() != null),
                new Filter("eligible", "计入预留份额", x -> copy(x, 10), q.eligible() != null),
                new Filter("inStock", "只看有货", x -> copy(x, 11), q.inStock() != null));
    }

    private static SearchQuery with(SearchQuery x, String text) {
        return new SearchQuery(
                text,
                x.categories(),
                x.certifications(),
                x.provinces(),
                x.counties(),
                x.brands(),
                x.brandKinds(),
                x.suppliers(),
                x.minPriceFen(),
                x.maxPriceFen(),
                x.eligible(),
                x.inStock(),
                x.sort(),
                0,
                1);
    }

    /** The query without its component number {@code drop} (1 categories ... 11 inStock), first page of one. */
    private static SearchQuery copy(SearchQuery x, int drop) {
        return new SearchQuery(
                x.q(),
                drop == 1 ? null : x.categories(),
                drop == 2 ? null : x.certifications(),
                drop == 3 ? null : x.provinces(),
                drop == 4 ? null : x.counties(),
                drop == 5 ? null : x.brands(),
                drop == 6 ? null : x.brandKinds(),
                x.suppliers(),
                drop == 8 ? null : x.minPriceFen(),
                drop == 8 ? null : x.maxPriceFen(),
                drop == 10 ? null : x.eligible(),
                drop == 11 ? null : x.inStock(),
                x.sort(),
                0,
                1);
    }
}
