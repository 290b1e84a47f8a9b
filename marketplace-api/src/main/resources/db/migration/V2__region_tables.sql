-- GB/T 2260 regions and their designations (data, never code).
CREATE TABLE region_dataset (
    source       TEXT        NOT NULL,
    version      TEXT        NOT NULL,
    region_count INT         NOT NULL,
    loaded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (source, version)
);

CREATE TABLE region (
    code        CHAR(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
    name        TEXT    NOT NULL,
    level       TEXT    NOT NULL CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY')),
    parent_code CHAR(6) REFERENCES region (code),
    retired     BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX region_parent_idx ON region (parent_code);

CREATE TABLE designation_import (
    id               BIGSERIAL PRIMARY KEY,
    kind             TEXT        NOT NULL CHECK (kind IN ('POVERTY_ALLEVIATED', 'KEY_ASSISTANCE')),
    mode             TEXT        NOT NULL CHECK (mode IN ('REPLACE', 'MERGE')),
    status           TEXT        NOT NULL CHECK (status IN ('APPLIED', 'REJECTED')),
    file_name        TEXT        NOT NULL,
    total_lines      INT         NOT NULL,
    error_count      INT         NOT NULL,
    designated_count INT         NOT NULL,
    added_count      INT         NOT NULL,
    removed_count    INT         NOT NULL,
    errors           JSONB       NOT NULL DEFAULT '[]'::jsonb,
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE region_designation (
    region_code   CHAR(6)     NOT NULL REFERENCES region (code),
    kind          TEXT        NOT NULL CHECK (kind IN ('POVERTY_ALLEVIATED', 'KEY_ASSISTANCE')),
    import_id     BIGINT REFERENCES designation_import (id),
    designated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, kind)
);
CREATE INDEX region_designation_kind_idx ON region_designation (kind);
