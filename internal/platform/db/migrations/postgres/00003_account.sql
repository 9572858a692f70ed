-- +goose Up
-- The time step of the last TOTP code accepted: a code seen once (by a
-- shoulder surfer, a phishing proxy) cannot be replayed while still valid.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

-- +goose Down
SELECT 'no down migration: restore a backup instead';
