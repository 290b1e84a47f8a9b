package cn.huinong.search.internal;

import cn.huinong.search.SearchQuery;
import java.util.List;

/**
 * A validated search: defaults applied, sort parsed, the text split into whitespace-separated {@code terms}, each
 * with its synonyms and pinyin ({@code expanded}, in the same order).
 */
record ValidQuery(
        SearchQuery query, List<String> terms, List<QueryTerm> expanded, SearchSort sort, int page, int size) {

    /** The five facets: request parameter and document field. */
    enum Facet {
        CATEGORY("categoryPath"),
        CERTIFICATION("certifications"),
        PROVINCE("provinceCode"),
        COUNTY("originCode"),
        BRAND("brandId");

        final String field;

        Facet(String field) {
            this.field = field;
        }
    }

    List<String> selected(Facet facet) {
        return switch (facet) {
            case CATEGORY -> query.categories();
            case CERTIFICATION -> query.certifications();
            case PROVINCE -> query.provinces();
            case COUNTY -> query.counties();
            case BRAND -> query.brands();
        };
    }

    int from() {
        return page * size;
    }
}
