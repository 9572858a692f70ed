-- +goose Up
-- The home dashboard counts unsent mail and today's audit entries on every
-- admin visit: these indexes keep both counts from scanning whole tables.
CREATE INDEX IF NOT EXISTS outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);

-- +goose Down
DROP INDEX IF EXISTS audit_log_at;
DROP INDEX IF EXISTS outbox_unsent;
