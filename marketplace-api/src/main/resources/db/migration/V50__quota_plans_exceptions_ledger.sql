-- The reserved share (预留份额): yearly plans with their versions, ratio exceptions, the ledger of counted money and
-- the per-unit-year figures that monitoring aggregates. See docs/adr/0008-reserved-share-ledger.md.

-- A lower ratio than the province floor, requested by a unit and decided by a regulator in scope (or an operator).
CREATE TABLE quota_ratio_exception (
    id                 BIGSERIAL PRIMARY KEY,
    organization_id    BIGINT      NOT NULL REFERENCES organization (id),
    year               INT         NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    ratio_basis_points INT         NOT NULL CHECK (ratio_basis_points BETWEEN 0 AND 10000),
    reason             TEXT        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by       TEXT        NOT NULL,
    requested_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_by         TEXT,
    decided_at         TIMESTAMPTZ,
    decision_reason    TEXT
);
-- at most one open or approved exception per unit and year
CREATE UNIQUE INDEX quota_ratio_exception_open_idx ON quota_ratio_exception (organization_id, year)
    WHERE status IN ('PENDING', 'APPROVED');
CREATE INDEX quota_ratio_exception_status_idx ON quota_ratio_exception (status, id);

-- The current plan of a unit for a year; every filing and amendment also appends a quota_plan_version.
CREATE TABLE quota_plan (
    organization_id                BIGINT      NOT NULL REFERENCES organization (id),
    year                           INT         NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    version                        INT         NOT NULL CHECK (version >= 1),
    canteen                        TEXT        NOT NULL CHECK (canteen IN ('OWN', 'SHARED', 'OUTSOURCED', 'NONE')),
    annual_canteen_procurement_fen BIGINT      NOT NULL CHECK (annual_canteen_procurement_fen >= 0),
    reserved_fen                   BIGINT      NOT NULL CHECK (reserved_fen >= 0),
    floor_basis_points             INT         NOT NULL,
    minimum_reserved_fen           BIGINT      NOT NULL,
    ratio_exception_id             BIGINT REFERENCES quota_ratio_exception (id),
    representative_organization_id BIGINT REFERENCES organization (id),
    union_purchase                 BOOLEAN     NOT NULL DEFAULT false,
    contact_name                   TEXT,
    contact_phone                  TEXT,
    note                           TEXT,
    deadline                       DATE        NOT NULL,
    late                           BOOLEAN     NOT NULL,
    first_filed_at                 TIMESTAMPTZ NOT NULL,
    updated_at                     TIMESTAMPTZ NOT NULL,
    updated_by                     TEXT        NOT NULL,
    PRIMARY KEY (organization_id, year),
    CHECK ((canteen = 'SHARED') = (representative_organization_id IS NOT NULL)),
    CHECK (representative_organization_id IS NULL OR representative_organization_id <> organization_id)
);
CREATE INDEX quota_plan_representative_idx ON quota_plan (representative_organization_id, year)
    WHERE representative_organization_id IS NOT NULL;

CREATE TABLE quota_plan_version (
    organization_id                BIGINT      NOT NULL,
    year                           INT         NOT NULL,
    version                        INT         NOT NULL,
    canteen                        TEXT        NOT NULL,
    annual_canteen_procurement_fen BIGINT      NOT NULL,
    reserved_fen                   BIGINT      NOT NULL,
    floor_basis_points             INT         NOT NULL,
    minimum_reserved_fen           BIGINT      NOT NULL,
    ratio_exception_id             BIGINT,
    representative_organization_id BIGINT,
    union_purchase                 BOOLEAN     NOT NULL,
    contact_name                   TEXT,
    contact_phone                  TEXT,
    note                           TEXT,
    late                           BOOLEAN     NOT NULL,
    filed_at                       TIMESTAMPTZ NOT NULL,
    filed_by                       TEXT        NOT NULL,
    PRIMARY KEY (organization_id, year, version),
    FOREIGN KEY (organization_id, year) REFERENCES quota_plan (organization_id, year)
);

-- Money that counts toward a unit's reserved share, one row per order event (ORDER_PAID +, ORDER_REFUNDED -),
-- booked to the buying unit in the Asia/Shanghai year of the ORIGINAL payment. Append-only; attribution to a shared
-- canteen's representative is not written here (it is derived in quota_unit_figures).
CREATE TABLE quota_ledger (
    id              BIGSERIAL PRIMARY KEY,
    event_id        UUID        NOT NULL UNIQUE,
    event_type      TEXT        NOT NULL CHECK (event_type IN ('ORDER_PAID', 'ORDER_REFUNDED')),
    order_id        BIGINT      NOT NULL,
    organization_id BIGINT      NOT NULL,
    channel         TEXT        NOT NULL,
    year            INT         NOT NULL,
    eligible_fen    BIGINT      NOT NULL,
    paid_at         TIMESTAMPTZ NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX quota_ledger_unit_year_idx ON quota_ledger (organization_id, year);
CREATE INDEX quota_ledger_order_idx ON quota_ledger (order_id);

CREATE FUNCTION quota_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'quota_ledger is append-only';
END $$;
CREATE TRIGGER quota_ledger_no_update BEFORE UPDATE OR DELETE ON quota_ledger
    FOR EACH ROW EXECUTE FUNCTION quota_ledger_is_append_only();
CREATE TRIGGER quota_ledger_no_truncate BEFORE TRUNCATE ON quota_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION quota_ledger_is_append_only();

-- Per unit and year: the plan's figures and the money, maintained in the transaction of every plan filing and every
-- ledger batch, so that monitoring is one GROUP BY. own_spent_fen = the unit's ledger sum; counted_fen = what counts
-- toward this unit's plan (its own purchases unless it is a SHARED member, plus its SHARED members' purchases).
CREATE TABLE quota_unit_figures (
    organization_id                BIGINT      NOT NULL,
    year                           INT         NOT NULL,
    filed                          BOOLEAN     NOT NULL DEFAULT false,
    canteen                        TEXT,
    late                           BOOLEAN     NOT NULL DEFAULT false,
    annual_fen                     BIGINT      NOT NULL DEFAULT 0,
    reserved_fen                   BIGINT      NOT NULL DEFAULT 0,
    representative_organization_id BIGINT,
    own_spent_fen                  BIGINT      NOT NULL DEFAULT 0,
    counted_fen                    BIGINT      NOT NULL DEFAULT 0,
    updated_at                     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (year, organization_id)
);
CREATE INDEX quota_unit_figures_representative_idx ON quota_unit_figures (representative_organization_id, year)
    WHERE representative_organization_id IS NOT NULL;

-- monitoring walks approved buyer units by region code range (prefix of province / prefecture / county)
CREATE INDEX organization_buyer_region_idx ON organization (region_code, id)
    WHERE kind = 'BUYER' AND status = 'APPROVED';
