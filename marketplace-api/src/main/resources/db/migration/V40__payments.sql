-- payments: one row per attempt to pay an order (card via the Stripe-compatible gateway, or bank transfer)
CREATE TABLE payment (
    id                  bigserial PRIMARY KEY,
    order_id            bigint      NOT NULL REFERENCES purchase_order (id),
    method              text        NOT NULL CHECK (method IN ('CARD', 'BANK_TRANSFER')),
    status              text        NOT NULL CHECK (status IN ('PENDING', 'AWAITING_TRANSFER', 'SUCCEEDED', 'FAILED',
                                                               'ORPHANED')),
    amount_fen          bigint      NOT NULL CHECK (amount_fen > 0),
    currency            text        NOT NULL DEFAULT 'cny',
    intent_id           text UNIQUE,
    client_secret       text,
    transfer_reference  text UNIQUE,
    failure_message     text,
    paid_at             timestamptz,
    created_by          text        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_order_idx ON payment (order_id);
-- one successful payment per order
CREATE UNIQUE INDEX payment_one_success_idx ON payment (order_id) WHERE status = 'SUCCEEDED';

-- gateway webhook events already processed (each at most once)
CREATE TABLE payment_event (
    event_id     text PRIMARY KEY,
    event_type   text        NOT NULL,
    payment_id   bigint REFERENCES payment (id),
    received_at  timestamptz NOT NULL DEFAULT now()
);
