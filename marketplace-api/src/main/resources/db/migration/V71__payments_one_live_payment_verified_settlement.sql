-- payments: one live payment per order, verified settlement, bank transfers as government units pay them.

-- CANCELLED: an attempt that can no longer take money (its intent cancelled at the gateway, a transfer the buyer
-- withdrew or whose order can no longer be paid). FAILED stays "declined, the same intent may be retried".
ALTER TABLE payment DROP CONSTRAINT payment_status_check;
ALTER TABLE payment ADD CONSTRAINT payment_status_check
    CHECK (status IN ('PENDING', 'AWAITING_TRANSFER', 'SUCCEEDED', 'FAILED', 'ORPHANED', 'CANCELLED'));

-- until when the attempt is awaited: a card for its window (30 minutes), a bank transfer for its own (7 days)
ALTER TABLE payment ADD COLUMN expires_at timestamptz;
UPDATE payment SET expires_at = created_at + CASE method WHEN 'CARD' THEN interval '30 minutes' ELSE interval '7 days' END;
ALTER TABLE payment ALTER COLUMN expires_at SET NOT NULL;

-- earlier attempts that are still open are closed, so that at most one per order is live
UPDATE payment p SET status = 'CANCELLED', failure_message = coalesce(p.failure_message, '已由后一次支付取代'), updated_at = now()
WHERE p.status IN ('PENDING', 'AWAITING_TRANSFER', 'FAILED')
  AND EXISTS (SELECT 1 FROM payment q WHERE q.order_id = p.order_id AND q.id > p.id
                AND q.status IN ('PENDING', 'AWAITING_TRANSFER', 'FAILED'));
-- at most one live attempt (one that can still take money) per order, whatever the code does
CREATE UNIQUE INDEX payment_one_live_idx ON payment (order_id) WHERE status IN ('PENDING', 'AWAITING_TRANSFER', 'FAILED');

-- the payer's transfer slip (回单) and date, as the buyer uploaded it and as the supplier confirmed it
ALTER TABLE payment ADD COLUMN slip_file_id bigint REFERENCES stored_file (id);
ALTER TABLE payment ADD COLUMN transfer_date date;
ALTER TABLE payment ADD COLUMN transfer_date_confirmed date;
ALTER TABLE payment ADD COLUMN reminded_at timestamptz;
CREATE INDEX payment_awaiting_transfer_idx ON payment (expires_at) WHERE status = 'AWAITING_TRANSFER';

-- what the gateway said that did not match what we asked for: recorded with the raw event, settles nothing
CREATE TABLE payment_mismatch (
    id                bigserial PRIMARY KEY,
    payment_id        bigint REFERENCES payment (id),
    refund_id         bigint REFERENCES refund (id),
    event_id          text,
    event_type        text,
    gateway_object_id text,
    reasons           text[]      NOT NULL,
    expected          jsonb       NOT NULL,
    actual            jsonb       NOT NULL,
    raw               text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    resolved_at       timestamptz,
    resolved_by       text,
    resolution        text
);
CREATE INDEX payment_mismatch_open_idx ON payment_mismatch (id DESC) WHERE resolved_at IS NULL;
CREATE INDEX payment_mismatch_payment_idx ON payment_mismatch (payment_id);

-- a refund the supplier makes offline (bank transfer) is PENDING until the supplier confirms it was sent
ALTER TABLE refund ADD COLUMN sent_on date;
ALTER TABLE refund ADD COLUMN bank_reference text;
ALTER TABLE refund ADD COLUMN confirmed_by text;
ALTER TABLE refund ADD COLUMN confirmed_at timestamptz;
