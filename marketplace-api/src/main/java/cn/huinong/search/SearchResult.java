package cn.huinong.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of GET /catalog/search; {@code degraded} when answered from PostgreSQL without the search engine. */
@Serdeable
public record SearchResult(
        @JsonInclude(JsonInclude.Include.ALWAYS) List<SearchItem> items,
        int page,
        int size,
        long total,
        Facets facets,
        boolean degraded) {

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
