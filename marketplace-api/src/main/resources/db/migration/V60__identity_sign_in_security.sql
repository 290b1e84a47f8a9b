-- Sign-in as 等保 level 3 asks (ADR 9): throttling per account and client, account-wide locks, sessions
-- (logout, revocation, idle timeout), password changes and resets, TOTP second factor.

-- Failures per account (as typed, lower case, whether or not it exists) and client address; the growing delay.
CREATE TABLE login_throttle (
    username_key    TEXT        NOT NULL,
    client_address  TEXT        NOT NULL,
    failures        INT         NOT NULL DEFAULT 0,
    last_failure_at TIMESTAMPTZ,
    blocked_until   TIMESTAMPTZ,
    PRIMARY KEY (username_key, client_address)
);
CREATE INDEX login_throttle_recent_idx ON login_throttle (username_key, last_failure_at);
CREATE INDEX login_throttle_age_idx ON login_throttle (last_failure_at);

-- An account-wide lock after many failures from many distinct clients; lifted by time or by an operator.
CREATE TABLE login_account_lock (
    username_key TEXT PRIMARY KEY,
    locked_at    TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ NOT NULL,
    clients      INT         NOT NULL,
    failures     INT         NOT NULL,
    lifted_at    TIMESTAMPTZ,
    lifted_by    TEXT
);

ALTER TABLE app_user
    ADD COLUMN password_changed_at           TIMESTAMPTZ,
    ADD COLUMN must_change_password          BOOLEAN NOT NULL DEFAULT false,
    -- an operator's one-time password: usable for one sign-in until then (NULL: not a temporary password)
    ADD COLUMN temporary_password_expires_at TIMESTAMPTZ;

-- One row per issued token (its jti): logout and revocation on every instance, the idle timeout.
CREATE TABLE user_session (
    jti            TEXT PRIMARY KEY,
    user_id        BIGINT      NOT NULL REFERENCES app_user (id),
    -- FULL, or a session that may only change the password / enrol a second factor
    purpose        TEXT        NOT NULL CHECK (purpose IN ('FULL', 'PASSWORD_CHANGE', 'MFA_ENROLMENT')),
    second_factor  BOOLEAN     NOT NULL DEFAULT false,
    client_address TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at     TIMESTAMPTZ NOT NULL,
    revoked_at     TIMESTAMPTZ,
    revoked_reason TEXT
);
CREATE INDEX user_session_live_idx ON user_session (user_id) WHERE revoked_at IS NULL;
CREATE INDEX user_session_expires_idx ON user_session (expires_at);

-- TOTP (RFC 6238): the secret sealed with AES-GCM; the last time step used (replays are refused).
CREATE TABLE user_totp (
    user_id        BIGINT PRIMARY KEY REFERENCES app_user (id),
    secret_sealed  TEXT        NOT NULL,
    confirmed_at   TIMESTAMPTZ,
    last_used_step BIGINT      NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE user_recovery_code (
    user_id   BIGINT NOT NULL REFERENCES app_user (id),
    code_hash TEXT   NOT NULL,
    used_at   TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_hash)
);

-- The password was right and a second factor is due: the client follows up with the challenge and a code.
CREATE TABLE login_challenge (
    token_hash     TEXT PRIMARY KEY,
    user_id        BIGINT      NOT NULL REFERENCES app_user (id),
    client_address TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at     TIMESTAMPTZ NOT NULL,
    attempts       INT         NOT NULL DEFAULT 0,
    used_at        TIMESTAMPTZ
);
CREATE INDEX login_challenge_expires_idx ON login_challenge (expires_at);
