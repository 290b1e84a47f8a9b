package cn.huinong.search;

import java.util.List;

/**
 * Catalog search for everyone (anonymous included): Elasticsearch when it answers, otherwise
 * PostgreSQL's {@code product_search_document} with {@code degraded: true}.
 */
public interface CatalogSearch {

    /** Validates (Chinese problem+json on bad input) and searches. */
    SearchResult search(SearchQuery query);

    /** The Elasticsearch request a search would send (for operators and benchmarks); validates like search. */
    SearchExplanation explain(SearchQuery query);

    /** Up to 10 completions for what has been typed so far. */
    List<Suggestion> suggest(String prefix);
}
