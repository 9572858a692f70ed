-- +goose Up
-- Organisation API tokens: only the SHA-256 of the secret is kept, so a
-- leaked database does not leak working tokens.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisations (id),
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_by   INTEGER NOT NULL REFERENCES users (id),
    created_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP
);
CREATE INDEX api_tokens_org ON api_tokens (org_id);

-- +goose Down
DROP TABLE api_tokens;
