package cn.huinong.search;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A catalog search as the caller asked for it (already parsed, not yet validated: {@link cn.huinong.search.CatalogSearch}
 * validates). Lists are OR within themselves; different lists are AND. {@code categories},
 * {@code certifications}, {@code provinces} and {@code brands} are the facets; {@code suppliers} (ids) narrows
 * to some suppliers' products, e.g. for a supplier's store page.
 */
public record SearchQuery(
        @Nullable String q,
        List<String> categories,
        List<String> certifications,
        List<String> provinces,
        List<String> counties,
        List<String> brands,
        List<String> brandKinds,
        List<String> suppliers,
        @Nullable Long minPriceFen,
        @Nullable Long maxPriceFen,
        @Nullable Boolean eligible,
        @Nullable Boolean inStock,
        @Nullable String sort,
        @Nullable Integer page,
        @Nullable Integer size) {

    public SearchQuery {
        categories = clean(categories);
        certifications = clean(certifications);
        provinces = clean(provinces);
        counties = clean(counties);
        brands = clean(brands);
        brandKinds = clean(brandKinds);
        suppliers = clean(suppliers);
        q = q == null || q.isBlank() ? null : q.strip();
    }

    /** Everything by relevance, first page. */
    public static SearchQuery text(String q) {
        return new SearchQuery(q, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }
}
