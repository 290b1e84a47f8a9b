-- Consistency checks run in the background (a million units take a minute): one row per run, at most one running per
-- year, and the first mismatches it found (mismatch_count says how many there were in all).
CREATE TABLE quota_consistency_run (
    id             BIGSERIAL PRIMARY KEY,
    year           INT         NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    status         TEXT        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    started_by     TEXT        NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at    TIMESTAMPTZ,
    units_checked  BIGINT,
    pending_events BIGINT,
    mismatch_count INT,
    error          TEXT
);
CREATE UNIQUE INDEX quota_consistency_run_running_idx ON quota_consistency_run (year) WHERE status = 'RUNNING';

CREATE TABLE quota_consistency_mismatch (
    run_id          BIGINT NOT NULL REFERENCES quota_consistency_run (id),
    organization_id BIGINT NOT NULL,
    from_orders_fen BIGINT NOT NULL,
    ledger_fen      BIGINT NOT NULL,
    figures_fen     BIGINT NOT NULL,
    PRIMARY KEY (run_id, organization_id)
);
