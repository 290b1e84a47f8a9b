package cn.huinong.search.web;

import cn.huinong.search.SearchQuery;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import java.util.List;

/** The search request's query parameters, shared by the search and its operator explanation. */
@Introspected
record SearchParams(
        @Nullable @QueryValue String q,
        @Nullable @QueryValue List<String> category,
        @Nullable @QueryValue List<String> certification,
        @Nullable @QueryValue List<String> province,
        @Nullable @QueryValue List<String> county,
        @Nullable @QueryValue List<String> brand,
        @Nullable @QueryValue List<String> brandKind,
        @Nullable @QueryValue List<String> supplier,
        @Nullable @QueryValue Long minPriceFen,
        @Nullable @QueryValue Long maxPriceFen,
        @Nullable @QueryValue String eligible,
        @Nullable @QueryValue String inStock,
        @Nullable @QueryValue String sort,
        @Nullable @QueryValue Integer page,
        @Nullable @QueryValue Integer size) {

    SearchQuery toQuery() {
        return new SearchQuery(
                q,
                category,
                certification,
                province,
                county,
                brand,
                brandKind,
                supplier,
                minPriceFen,
                maxPriceFen,
                bool(eligible, "eligible"),
                bool(inStock, "inStock"),
                sort,
                page,
                size);
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
}
