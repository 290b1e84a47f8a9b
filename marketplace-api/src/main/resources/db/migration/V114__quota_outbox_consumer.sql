-- quota's position in ordering's event stream (ADR 15): the ledger consumer remembers the last event it booked,
-- as (tx_id, id), in its own table, in the transaction that books the batch, instead of marking the producer's rows.
CREATE TABLE outbox_consumer (
    name       TEXT   PRIMARY KEY,
    last_tx_id xid8   NOT NULL,
    last_id    BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Start right before the oldest event not yet published by the old relay: the events of the old relay's gaps
-- (rows skipped while locked) are taken again, which the ledger absorbs (unique event_id).
INSERT INTO outbox_consumer (name, last_tx_id, last_id)
SELECT 'quota-ledger', coalesce(min(tx_id), pg_current_xact_id()),
       coalesce(min(id) FILTER (WHERE published_at IS NULL) - 1, max(id), 0)
FROM order_event_outbox;
