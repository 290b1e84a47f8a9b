package cn.huinong.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of GET /catalog/search; {@code degraded} when answered from PostgreSQL without the search engine;
 * {@code help} only when nothing was found.
 */
@Serdeable
public record SearchResult(
        @JsonInclude(JsonInclude.Include.ALWAYS) List<SearchItem> items,
        int page,
        int size,
        long total,
        Facets facets,
        boolean degraded,
        @Nullable Help help) {

    public SearchResult(List<SearchItem> items, int page, int size, long total, Facets facets, boolean degraded) {
        this(items, page, size, total, facets, degraded, null);
    }

    public SearchResult withHelp(Help h) {
        return new SearchResult(items, page, size, total, facets, degraded, h);
    }

    /**
     * What to try when nothing was found: another text ({@code didYouMean}: a product the words name in part, or
     * the one word of several that finds something), the category nearest the words, and the same search without
     * the narrowest filter that finds something. Any of them may be null.
     */
    @Serdeable
    public record Help(
            @Nullable String didYouMean,
            @Nullable CategoryHint nearestCategory,
            @Nullable Relaxed withoutFilter) {}

    @Serdeable
    public record CategoryHint(String code, String name) {}

    /**
     * The same search without one filter: the request parameter to drop, its name in words (价格区间) and how
     * many products the search then finds.
     */
    @Serdeable
    public record Relaxed(String parameter, String label, long total) {}

    /**
     * Facet buckets; each facet's counts ignore that facet's own selection. {@code county} holds the origin
     * counties of what the other selections leave (within a selected province, that province's counties).
     */
    @Serdeable
    public record Facets(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<FacetBucket> category,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<FacetBucket> certification,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<FacetBucket> province,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<FacetBucket> county,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<FacetBucket> brand) {}

    @Serdeable
    public record FacetBucket(String value, String label, long count) {}
}
