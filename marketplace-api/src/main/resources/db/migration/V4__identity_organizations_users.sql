CREATE TABLE organization (
    id                     BIGSERIAL PRIMARY KEY,
    kind                   TEXT        NOT NULL CHECK (kind IN ('SUPPLIER', 'BUYER', 'REGULATOR', 'OPERATOR')),
    supplier_type          TEXT CHECK (supplier_type IN ('COOPERATIVE', 'ENTERPRISE', 'FAMILY_FARM')),
    department_kind        TEXT CHECK (department_kind IN ('COMMERCE', 'FINANCE', 'AGRICULTURE', 'RURAL_REVITALIZATION', 'SUPERVISING')),
    name                   TEXT        NOT NULL,
    credit_code            CHAR(18)    NOT NULL UNIQUE,
    region_code            CHAR(6)     NOT NULL REFERENCES region (code),
    scope_region_code      CHAR(6) REFERENCES region (code),
    parent_organization_id BIGINT REFERENCES organization (id),
    contact_name           TEXT        NOT NULL,
    contact_phone          TEXT        NOT NULL,
    status                 TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decision_reason        TEXT,
    decided_by             TEXT,
    decided_at             TIMESTAMPTZ,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (kind <> 'REGULATOR' OR (scope_region_code IS NOT NULL AND department_kind IS NOT NULL)),
    CHECK (parent_organization_id IS NULL OR kind = 'BUYER')
);
CREATE INDEX organization_status_idx ON organization (status, created_at);
CREATE INDEX organization_parent_idx ON organization (parent_organization_id);
CREATE INDEX organization_region_idx ON organization (region_code);

CREATE TABLE app_user (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT      NOT NULL REFERENCES organization (id),
    username        TEXT        NOT NULL,
    password_hash   TEXT        NOT NULL,
    role            TEXT        NOT NULL CHECK (role IN ('SUPPLIER', 'BUYER', 'REGULATOR', 'OPERATOR')),
    enabled         BOOLEAN     NOT NULL DEFAULT true,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_username_idx ON app_user (lower(username));
CREATE INDEX app_user_org_idx ON app_user (organization_id);

-- failed and successful logins, for rate limiting per account and per address
CREATE TABLE login_attempt (
    id         BIGSERIAL PRIMARY KEY,
    username   TEXT        NOT NULL,
    ip_address TEXT        NOT NULL,
    succeeded  BOOLEAN     NOT NULL,
    at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_user_idx ON login_attempt (lower(username), at DESC);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip_address, at DESC);
