-- SearchTextUpgrade asks every 30 s which documents are of an older search text version (ADR 5); this index answers
-- that from the few rows concerned instead of reading every document.
CREATE INDEX product_search_document_text_version_idx
    ON product_search_document ((coalesce((document ->> 'textVersion')::int, 0)));
