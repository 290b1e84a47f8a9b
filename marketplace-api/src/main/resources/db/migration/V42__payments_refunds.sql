-- refunds: partial or full, never more in total than the successful payment
ALTER TABLE purchase_order ADD COLUMN refunded_fen BIGINT NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0);

CREATE TABLE refund (
    id                 bigserial PRIMARY KEY,
    order_id           bigint      NOT NULL REFERENCES purchase_order (id),
    payment_id         bigint      NOT NULL REFERENCES payment (id),
    amount_fen         bigint      NOT NULL CHECK (amount_fen > 0),
    reason             text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    gateway_refund_id  text,
    failure_message    text,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refund_payment_idx ON refund (payment_id);
