-- catalog's sales counts (issue 12): product.sales_count, and so the search document's salesCount, is the number of
-- units sold in paid orders, less refunds. It follows ordering's published event stream order_event_outbox from
-- catalog's own position (ADR 15) and is recomputed, per product, from ordering's published order_sales_facts:
--
--   sales_count = sum over the lines of paid orders of floor(quantity * (total_fen - refunded_fen) / total_fen)
--
-- a refund takes units back in proportion to the money refunded of the line's order (rounded down per line), so a
-- wholly refunded order counts 0 (cn.huinong.catalog.internal.SalesCounts holds the same expression).

-- catalog's positions in event streams it consumes: the last event taken, in (tx_id, id) order, moved in the
-- transaction that applies the batch. catalog's own table: quota's outbox_consumer is quota's.
CREATE TABLE catalog_event_consumer (
    name       TEXT   PRIMARY KEY,
    last_tx_id xid8   NOT NULL,
    last_id    BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The position first, then the counts: every event of a transaction older than this statement's horizon
-- (pg_snapshot_xmin) has committed (or aborted) and is seen by the recount below; the events of transactions at or
-- after the horizon lie after the position and are taken again by the consumer, which only recounts (idempotent).
INSERT INTO catalog_event_consumer (name, last_tx_id, last_id)
VALUES ('catalog-sales-counts',
        ((pg_snapshot_xmin(pg_current_snapshot())::text)::bigint - 1)::text::xid8,
        9223372036854775807);

-- Existing paid orders counted once.
CREATE TEMPORARY TABLE sales_count_recount ON COMMIT DROP AS
SELECT f.product_id,
       sum(CASE WHEN f.total_fen > 0
                THEN f.quantity::bigint * greatest(f.total_fen - f.refunded_fen, 0) / f.total_fen
                ELSE f.quantity END)::bigint AS units
FROM order_sales_facts f
GROUP BY f.product_id;

UPDATE product p SET sales_count = r.units
FROM sales_count_recount r
WHERE p.id = r.product_id AND p.sales_count <> r.units;

-- The documents of those products follow, as every change does (ADR 4): a new version with the new salesCount and
-- an outbox row for the indexer. Only salesCount differs from the document as catalog last wrote it.
WITH changed AS (
    UPDATE product_search_document d
    SET version = d.version + 1,
        document = jsonb_set(d.document, '{salesCount}', to_jsonb(r.units)),
        updated_at = now()
    FROM sales_count_recount r
    WHERE d.product_id = r.product_id AND (d.document ->> 'salesCount')::bigint IS DISTINCT FROM r.units
    RETURNING d.product_id, d.version
)
INSERT INTO catalog_outbox (product_id, version)
SELECT product_id, version FROM changed;
