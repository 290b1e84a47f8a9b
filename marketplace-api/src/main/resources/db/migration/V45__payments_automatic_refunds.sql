-- refunds the platform makes by itself: a paid order cancelled (CANCELLATION) or money that arrived for an order
-- that could no longer be paid (ORPHANED); MANUAL ones come from a supplier or operator. A bank-transfer refund is
-- recorded as made offline by the supplier. gateway_status is the gateway's own word (pending, succeeded, failed...).
ALTER TABLE refund ADD COLUMN cause text NOT NULL DEFAULT 'MANUAL'
    CHECK (cause IN ('MANUAL', 'CANCELLATION', 'ORPHANED'));
ALTER TABLE refund ADD COLUMN offline boolean NOT NULL DEFAULT false;
ALTER TABLE refund ADD COLUMN gateway_status text;
CREATE INDEX refund_gateway_refund_idx ON refund (gateway_refund_id) WHERE gateway_refund_id IS NOT NULL;
CREATE INDEX refund_pending_idx ON refund (created_at) WHERE status = 'PENDING';
-- at most one automatic refund of a payment in flight: the sweep and the immediate attempt cannot both create one
CREATE UNIQUE INDEX refund_one_automatic_pending_idx ON refund (payment_id) WHERE status = 'PENDING' AND cause <> 'MANUAL';
CREATE INDEX payment_orphaned_idx ON payment (id) WHERE status = 'ORPHANED';
