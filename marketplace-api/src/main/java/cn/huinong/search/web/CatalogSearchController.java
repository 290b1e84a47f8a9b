package cn.huinong.search.web;

import cn.huinong.search.CatalogSearch;
import cn.huinong.search.SearchQuery;
import cn.huinong.search.SearchResult;
import cn.huinong.search.Suggestion;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

@Controller("/api/v1/catalog")
@Secured(SecurityRule.IS_ANONYMOUS)
class CatalogSearchController {

    private final CatalogSearch search;

    CatalogSearchController(CatalogSearch search) {
        this.search = search;
    }

    /** Full-text and faceted search; repeated parameters are OR within a facet, AND across. */
    @Get("/search")
    SearchResult search(@Nullable @QueryValue String q, @Nullable @QueryValue List<String> category,
                        @Nullable @QueryValue List<String> certification, @Nullable @QueryValue List<String> province,
                        @Nullable @QueryValue List<String> county, @Nullable @QueryValue List<String> brand,
                        @Nullable @QueryValue List<String> brandKind, @Nullable @QueryValue Long minPriceFen,
                        @Nullable @QueryValue Long maxPriceFen, @Nullable @QueryValue String eligible,
                        @Nullable @QueryValue String inStock, @Nullable @QueryValue String sort,
                        @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return search.search(new SearchQuery(q, category, certification, province, county, brand, brandKind,
                minPriceFen, maxPriceFen, bool(eligible, "eligible"), bool(inStock, "inStock"), sort, page, size));
    }

    private static Boolean bool(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException("搜索条件有误", List.of(new Violation(field, "应为 true 或 false")));
        };
    }

    /** Completions for the search box. */
    @Get("/suggest")
    List<Suggestion> suggest(@Nullable @QueryValue String q) {
        return search.suggest(q);
    }
}
