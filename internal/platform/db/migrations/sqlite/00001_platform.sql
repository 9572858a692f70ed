-- +goose Up
CREATE TABLE municipalities (
    istat_code      TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    province_code   TEXT NOT NULL,
    province        TEXT NOT NULL,
    region_code     TEXT NOT NULL,
    region          TEXT NOT NULL,
    cadastral_code  TEXT NOT NULL,
    population      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX municipalities_province ON municipalities (province_code, name);

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    ipa_code    TEXT NOT NULL DEFAULT '',
    istat_code  TEXT REFERENCES municipalities (istat_code),
    email       TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1,
    synthetic   INTEGER NOT NULL DEFAULT 0,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX organisations_kind ON organisations (kind, name);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    fiscal_code         TEXT NOT NULL DEFAULT '',
    password_hash       TEXT NOT NULL DEFAULT '',
    active              INTEGER NOT NULL DEFAULT 1,
    lang                TEXT NOT NULL DEFAULT 'it',
    email_notifications INTEGER NOT NULL DEFAULT 1,
    totp_secret         TEXT NOT NULL DEFAULT '',
    totp_enabled        INTEGER NOT NULL DEFAULT 0,
    synthetic           INTEGER NOT NULL DEFAULT 0,
    created_at          TIMESTAMP NOT NULL,
    last_login_at       TIMESTAMP
);
CREATE INDEX users_fiscal_code ON users (fiscal_code) WHERE fiscal_code <> '';

CREATE TABLE memberships (
    id       INTEGER PRIMARY KEY,
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id   INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role     TEXT NOT NULL,
    UNIQUE (user_id, org_id, role)
);
CREATE INDEX memberships_org ON memberships (org_id, role);

CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    mfa_ok       INTEGER NOT NULL DEFAULT 0,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    ip           TEXT NOT NULL DEFAULT '',
    user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE recovery_codes (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    used_at    TIMESTAMP
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- One-time tokens mailed to users: password reset and invitations.
CREATE TABLE user_tokens (
    hash        TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP
);
CREATE INDEX user_tokens_user ON user_tokens (user_id, kind);

-- Fixed-window counters, in the database so that every instance sees them.
CREATE TABLE rate_limits (
    key           TEXT PRIMARY KEY,
    window_start  TIMESTAMP NOT NULL,
    hits          INTEGER NOT NULL
);

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TIMESTAMP NOT NULL,
    actor_id     INTEGER,
    actor_email  TEXT NOT NULL DEFAULT '',
    org_id       INTEGER,
    action       TEXT NOT NULL,
    entity       TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    changes      TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);

-- The head of the hash chain: one row, updated by every audit write, so that
-- concurrent writers take turns and the chain never forks.
CREATE TABLE audit_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_id  INTEGER NOT NULL,
    hash     TEXT NOT NULL
);
INSERT INTO audit_head (id, last_id, hash) VALUES (1, 0, '');

CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    to_addr     TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    sent_at     TIMESTAMP,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_created ON outbox (created_at);

CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    link        TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    read_at     TIMESTAMP
);
CREATE INDEX notifications_user ON notifications (user_id, read_at, id);

CREATE TABLE files (
    id            INTEGER PRIMARY KEY,
    entity        TEXT NOT NULL,
    entity_id     TEXT NOT NULL,
    name          TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    storage       TEXT NOT NULL,
    data          BLOB,
    uploaded_by   INTEGER REFERENCES users (id),
    uploaded_at   TIMESTAMP NOT NULL
);
CREATE INDEX files_entity ON files (entity, entity_id);

-- Italian full-text index shared by the modules. Text is stemmed and folded
-- in Go before it gets here, so the tokenizer only has to split words.
CREATE VIRTUAL TABLE search_index USING fts5 (
    kind UNINDEXED,
    ref UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE search_docs (
    rowid_ref  INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    ref        TEXT NOT NULL,
    UNIQUE (kind, ref)
);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

CREATE TABLE accessibility_feedback (
    id          INTEGER PRIMARY KEY,
    page        TEXT NOT NULL DEFAULT '',
    message     TEXT NOT NULL,
    email       TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL
);

-- +goose Down
SELECT 'no down migration: restore a backup instead';
