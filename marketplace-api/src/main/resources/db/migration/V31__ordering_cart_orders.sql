-- A cart per buyer user: product and quantity only; prices are read at checkout.
CREATE TABLE cart_line (
    username   TEXT        NOT NULL,
    product_id BIGINT      NOT NULL REFERENCES product (id),
    quantity   INT         NOT NULL CHECK (quantity > 0),
    added_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (username, product_id)
);

-- One order per supplier of a checkout; attributed to the buyer unit and its channel.
CREATE TABLE purchase_order (
    id                   BIGSERIAL PRIMARY KEY,
    checkout_id          UUID        NOT NULL,
    buyer_organization_id BIGINT     NOT NULL REFERENCES organization (id),
    buyer_username       TEXT        NOT NULL,
    supplier_id          BIGINT      NOT NULL REFERENCES organization (id),
    channel              TEXT        NOT NULL CHECK (channel IN ('CANTEEN', 'UNION', 'STAFF')),
    status               TEXT        NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED',
                                                                'ACCEPTED', 'CANCELLED', 'REFUNDED')),
    total_fen            BIGINT      NOT NULL CHECK (total_fen > 0),
    eligible_fen         BIGINT      NOT NULL CHECK (eligible_fen >= 0 AND eligible_fen <= total_fen),
    delivery_address     TEXT        NOT NULL,
    expires_at           TIMESTAMPTZ NOT NULL,
    paid_at              TIMESTAMPTZ,
    payment_ref          TEXT,
    carrier              TEXT,
    tracking_number      TEXT,
    shipped_at           TIMESTAMPTZ,
    delivered_at         TIMESTAMPTZ,
    accepted_at          TIMESTAMPTZ,
    rating               SMALLINT CHECK (rating BETWEEN 1 AND 5),
    acceptance_comment   TEXT,
    cancelled_at         TIMESTAMPTZ,
    cancel_reason        TEXT,
    invoice_title        TEXT,
    invoice_tax_number   TEXT,
    invoice_requested_at TIMESTAMPTZ,
    invoice_number       TEXT,
    invoice_issued_on    DATE,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX purchase_order_checkout_idx ON purchase_order (checkout_id);
CREATE INDEX purchase_order_buyer_idx ON purchase_order (buyer_organization_id, status, id DESC);
CREATE INDEX purchase_order_supplier_idx ON purchase_order (supplier_id, status, id DESC);
CREATE INDEX purchase_order_expiry_idx ON purchase_order (expires_at) WHERE status = 'PENDING_PAYMENT';

-- A line freezes what was bought at order time: price, product facts, certifications, the eligibility decision.
CREATE TABLE order_line (
    id             BIGSERIAL PRIMARY KEY,
    order_id       BIGINT  NOT NULL REFERENCES purchase_order (id),
    line_no        INT     NOT NULL,
    product_id     BIGINT  NOT NULL REFERENCES product (id),
    quantity       INT     NOT NULL CHECK (quantity > 0),
    unit_price_fen BIGINT  NOT NULL CHECK (unit_price_fen > 0),
    amount_fen     BIGINT  NOT NULL CHECK (amount_fen > 0),
    eligible       BOOLEAN NOT NULL,
    snapshot       JSONB   NOT NULL,
    UNIQUE (order_id, line_no)
);
CREATE INDEX order_line_product_idx ON order_line (product_id);

-- Every transition of an order, in order.
CREATE TABLE order_history (
    id          BIGSERIAL PRIMARY KEY,
    order_id    BIGINT      NOT NULL REFERENCES purchase_order (id),
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    detail      JSONB       NOT NULL DEFAULT '{}'::jsonb,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX order_history_order_idx ON order_history (order_id, id);

-- Events for the reserved-share ledger (and later payments/refunds), written in the transaction of the change and
-- published at least once by a relay (published_at). payload is the whole event, see cn.huinong.ordering.OrderEvent.
CREATE TABLE order_event_outbox (
    id                    BIGSERIAL PRIMARY KEY,
    event_id              UUID        NOT NULL UNIQUE,
    event_type            TEXT        NOT NULL CHECK (event_type IN ('ORDER_PLACED', 'ORDER_PAID', 'ORDER_CANCELLED',
                                                                     'ORDER_EXPIRED', 'ORDER_ACCEPTED',
                                                                     'ORDER_REFUNDED')),
    order_id              BIGINT      NOT NULL REFERENCES purchase_order (id),
    buyer_organization_id BIGINT      NOT NULL,
    supplier_id           BIGINT      NOT NULL,
    amount_fen            BIGINT      NOT NULL,
    eligible_fen          BIGINT      NOT NULL,
    occurred_at           TIMESTAMPTZ NOT NULL,
    payload               JSONB       NOT NULL,
    published_at          TIMESTAMPTZ
);
CREATE INDEX order_event_outbox_unpublished_idx ON order_event_outbox (id) WHERE published_at IS NULL;
CREATE INDEX order_event_outbox_order_idx ON order_event_outbox (order_id, id);
