-- The contract between the catalog module (writer) and catalog-indexer (reader); see docs/adr/0004.
-- One row per product: its current search document, rebuilt by the catalog module in the same
-- transaction as every change that affects it, with a version that only grows.
CREATE TABLE product_search_document (
    product_id BIGINT PRIMARY KEY,
    version    BIGINT      NOT NULL CHECK (version > 0),
    searchable BOOLEAN     NOT NULL,
    document   JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX product_search_document_searchable_idx ON product_search_document (product_id) WHERE searchable;

-- Transactional outbox: one row per change of a product's search document, written in the same
-- transaction. catalog-indexer claims rows with FOR UPDATE SKIP LOCKED and deletes them once the
-- document (at its then-current version) is in Elasticsearch.
CREATE TABLE catalog_outbox (
    id         BIGSERIAL PRIMARY KEY,
    product_id BIGINT      NOT NULL,
    version    BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts   INT         NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX catalog_outbox_created_idx ON catalog_outbox (id);
