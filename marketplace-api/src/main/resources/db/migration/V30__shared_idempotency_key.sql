-- Idempotency-Key of writes that create orders or move money (API.md): the first response, replayed for the same
-- key and request; another request under the same key is refused (422). Rows of failed commands roll back.
CREATE TABLE idempotency_key (
    scope           TEXT        NOT NULL,
    key             TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    response_status INT,
    response_body   JSONB,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
