-- The PostgreSQL fallback matches a term when all its tokens are in the document's searchable tokens (ADR 5):
-- document->'tokens' (every text field) and document->'primaryTokens' (name, category, brand: the fallback's
-- ranking and the suggestions) are jsonb arrays that cn.huinong.indexer.text.SearchText computes when the catalog
-- writes the document; these GIN indexes answer the containment (@>) for searchable rows. Documents written before
-- (no textVersion) are rewritten by the catalog's SearchTextUpgrade job.
CREATE INDEX product_search_document_tokens_idx ON product_search_document
    USING gin ((document -> 'tokens') jsonb_path_ops) WHERE searchable;
CREATE INDEX product_search_document_primary_tokens_idx ON product_search_document
    USING gin ((document -> 'primaryTokens') jsonb_path_ops) WHERE searchable;
