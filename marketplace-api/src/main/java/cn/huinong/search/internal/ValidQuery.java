package cn.huinong.search.internal;

import cn.huinong.search.SearchQuery;
import java.util.List;

/** A validated search: defaults applied, sort parsed, the text split into whitespace-separated terms. */
record ValidQuery(SearchQuery query, List<String> terms, SearchSort sort, int page, int size) {

    /** The four facets: request parameter and document field. */
    enum Facet {
        CATEGORY("categoryPath"),
        CERTIFICATION("certifications"),
        PROVINCE("provinceCode"),
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
            case BRAND -> query.brands();
        };
    }

    int from() {
        return page * size;
    }
}
