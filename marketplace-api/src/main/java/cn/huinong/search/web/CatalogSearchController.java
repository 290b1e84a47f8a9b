package cn.huinong.search.web;

import cn.huinong.search.CatalogSearch;
import cn.huinong.search.SearchResult;
import cn.huinong.search.Suggestion;
import cn.huinong.shared.problem.InputProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

@Controller("/api/v1/catalog")
@InputProblems
@Secured(SecurityRule.IS_ANONYMOUS)
class CatalogSearchController {

    private final CatalogSearch search;

    CatalogSearchController(CatalogSearch search) {
        this.search = search;
    }

    /** Full-text and faceted search; repeated parameters are OR within a facet, AND across. */
    @Get("/search")
    SearchResult search(@RequestBean SearchParams params) {
        return search.search(params.toQuery());
    }

    /** Completions for the search box. */
    @Get("/suggest")
    List<Suggestion> suggest(@Nullable @QueryValue String q) {
        return search.suggest(q);
    }
}
