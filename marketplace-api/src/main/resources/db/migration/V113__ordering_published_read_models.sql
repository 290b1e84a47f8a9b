-- ordering's published read models (ADR 15). Other modules read these, never purchase_order or order_line.
--
-- order_payment_facts: one row per paid order (paid_at set): the money the reserved share and its consistency check
-- count. refunded_fen is what has been refunded of total_fen so far.
CREATE VIEW order_payment_facts AS
SELECT id AS order_id, buyer_organization_id, supplier_id, channel, status, total_fen, eligible_fen, refunded_fen,
       paid_at
FROM purchase_order
WHERE paid_at IS NOT NULL;

-- order_sales_facts: one row per line of a paid order, with the line's frozen snapshot (origin, category, brand,
-- supplier, name at the time of the order; see cn.huinong.ordering.LineSnapshot) and its order's money.
CREATE VIEW order_sales_facts AS
SELECT o.id AS order_id, l.id AS line_id, l.product_id, l.quantity, l.amount_fen, l.eligible, l.snapshot,
       o.total_fen, o.refunded_fen, o.paid_at
FROM purchase_order o JOIN order_line l ON l.order_id = o.id
WHERE o.paid_at IS NOT NULL;

-- order_event_outbox is ordering's published event stream. Consumers keep their own position (quota's
-- outbox_consumer) and never write here. tx_id is the writing transaction: a consumer reads in (tx_id, id) order
-- only the rows of transactions older than every transaction still running (pg_snapshot_xmin), so that a row
-- whose transaction commits late is never passed over (ids alone are handed out before commit, out of commit order).
-- Rows written before this migration all carry this migration's transaction.
ALTER TABLE order_event_outbox ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX order_event_outbox_position_idx ON order_event_outbox (tx_id, id);
COMMENT ON COLUMN order_event_outbox.published_at IS 'no longer written: consumers keep their position in their own tables (ADR 15)';
