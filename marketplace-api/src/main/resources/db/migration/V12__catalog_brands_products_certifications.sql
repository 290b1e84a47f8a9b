-- Brands (区域公用品牌 / 企业品牌 / 产品品牌), products with their review life cycle, certifications.
CREATE TABLE brand (
    id                    BIGSERIAL PRIMARY KEY,
    owner_organization_id BIGINT      NOT NULL REFERENCES organization (id),
    name                  TEXT        NOT NULL,
    kind                  TEXT        NOT NULL CHECK (kind IN ('REGIONAL_PUBLIC', 'ENTERPRISE', 'PRODUCT')),
    region_code           CHAR(6) REFERENCES region (code),
    in_national_catalogue BOOLEAN     NOT NULL DEFAULT false,
    created_by            TEXT        NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (kind <> 'REGIONAL_PUBLIC' OR region_code IS NOT NULL)
);
CREATE UNIQUE INDEX brand_owner_name_idx ON brand (owner_organization_id, lower(name));

CREATE TABLE product (
    id                 BIGSERIAL PRIMARY KEY,
    supplier_id        BIGINT      NOT NULL REFERENCES organization (id),
    name               TEXT        NOT NULL,
    category_code      TEXT        NOT NULL REFERENCES category (code),
    origin_region_code CHAR(6)     NOT NULL REFERENCES region (code),
    unit               TEXT        NOT NULL,
    spec               TEXT        NOT NULL,
    price_fen          BIGINT      NOT NULL CHECK (price_fen > 0),
    stock              INT         NOT NULL CHECK (stock >= 0),
    brand_id           BIGINT REFERENCES brand (id),
    description        TEXT,
    image_urls         JSONB       NOT NULL DEFAULT '[]'::jsonb,
    status             TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PENDING_REVIEW', 'LISTED', 'DELISTED')),
    review_reason      TEXT,
    price_flagged      BOOLEAN     NOT NULL DEFAULT false,
    price_flag_reason  TEXT,
    sales_count        BIGINT      NOT NULL DEFAULT 0,
    import_id          BIGINT,
    submitted_at       TIMESTAMPTZ,
    listed_at          TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX product_supplier_idx ON product (supplier_id, status, id);
CREATE INDEX product_review_idx ON product (submitted_at, id) WHERE status = 'PENDING_REVIEW';
CREATE INDEX product_price_idx ON product (category_code, unit, price_fen) WHERE status = 'LISTED';
CREATE INDEX product_flagged_idx ON product (updated_at) WHERE price_flagged;
CREATE INDEX product_origin_idx ON product (origin_region_code);

CREATE TABLE certification (
    id              BIGSERIAL PRIMARY KEY,
    product_id      BIGINT      NOT NULL REFERENCES product (id),
    kind            TEXT        NOT NULL CHECK (kind IN ('ASSISTANCE_PRODUCT', 'GREEN_FOOD', 'ORGANIC',
                                                         'GEOGRAPHICAL_INDICATION', 'FAMOUS_SPECIAL',
                                                         'COMPLIANCE_CERTIFICATE')),
    number          TEXT        NOT NULL,
    issuer          TEXT        NOT NULL,
    issued_on       DATE        NOT NULL,
    expires_on      DATE,
    evidence_url    TEXT,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED')),
    decision_reason TEXT,
    decided_by      TEXT,
    decided_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (expires_on IS NULL OR expires_on > issued_on)
);
CREATE INDEX certification_product_idx ON certification (product_id);
CREATE INDEX certification_review_idx ON certification (created_at, id) WHERE status = 'PENDING';
CREATE INDEX certification_expiry_idx ON certification (expires_on) WHERE status IN ('PENDING', 'APPROVED');

CREATE TABLE product_import (
    id             BIGSERIAL PRIMARY KEY,
    supplier_id    BIGINT      NOT NULL REFERENCES organization (id),
    file_name      TEXT        NOT NULL,
    format         TEXT        NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    submit         BOOLEAN     NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('PROCESSING', 'COMPLETED', 'REJECTED', 'FAILED')),
    total_rows     INT         NOT NULL,
    processed_rows INT         NOT NULL DEFAULT 0,
    created_count  INT         NOT NULL DEFAULT 0,
    error_count    INT         NOT NULL DEFAULT 0,
    errors         JSONB       NOT NULL DEFAULT '[]'::jsonb,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at    TIMESTAMPTZ
);
CREATE INDEX product_import_supplier_idx ON product_import (supplier_id, created_at DESC);
ALTER TABLE product ADD CONSTRAINT product_import_fk FOREIGN KEY (import_id) REFERENCES product_import (id);
