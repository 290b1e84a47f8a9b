package cn.huinong.search.web;

import cn.huinong.search.CatalogSearch;
import cn.huinong.search.SearchExplanation;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

@Controller("/api/v1/search/explain")
@StandardProblems
@Secured(Role.Names.OPERATOR)
class SearchExplainController {

    @Serdeable
    record Explanation(String index, Map<String, Object> body) {}

    private final CatalogSearch search;
    private final ObjectMapper json;

    SearchExplainController(CatalogSearch search, ObjectMapper json) {
        this.search = search;
        this.json = json;
    }

    /** The Elasticsearch request that /catalog/search would send for the same parameters. */
    @Get
    Explanation explain(@RequestBean SearchParams params) {
        SearchExplanation e = search.explain(params.toQuery());
        try {
            return new Explanation(e.index(), json.readValue(e.body(), Argument.mapOf(String.class, Object.class)));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
