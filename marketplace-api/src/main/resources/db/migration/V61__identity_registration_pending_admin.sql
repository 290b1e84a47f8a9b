-- ADR 9: a self-registration whose admin username is taken answers like any other (no username oracle). Its admin
-- account waits here until an operator approves the organisation under a username of the operator's choosing.
CREATE TABLE organization_pending_admin (
    organization_id    BIGINT PRIMARY KEY REFERENCES organization (id),
    requested_username TEXT        NOT NULL,
    password_hash      TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
