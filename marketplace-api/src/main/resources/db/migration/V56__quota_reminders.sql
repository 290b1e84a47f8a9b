-- Reminders (催办) that a regulator sends to budget units that have not filed near or after the deadline, or that
-- are behind the pace of the year. One reminder per unit, year and day (Asia/Shanghai): a second send on the same day,
-- by anyone, is a no-op, so a double click never reminds a unit twice.
CREATE TABLE quota_reminder (
    id                     BIGSERIAL PRIMARY KEY,
    organization_id        BIGINT      NOT NULL REFERENCES organization (id),
    year                   INT         NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    reason                 TEXT        NOT NULL CHECK (reason IN ('NOT_FILED', 'BEHIND_PACE')),
    message                TEXT        NOT NULL,
    -- what the unit's figures were when reminded: the deadline's days left (negative: overdue), the pace gap
    days_left              INT,
    gap_fen                BIGINT,
    sender_organization_id BIGINT REFERENCES organization (id),
    sent_by                TEXT        NOT NULL,
    sent_on                DATE        NOT NULL,
    sent_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at                TIMESTAMPTZ,
    read_by                TEXT,
    UNIQUE (organization_id, year, sent_on)
);
CREATE INDEX quota_reminder_unit_idx ON quota_reminder (organization_id, year, id);
