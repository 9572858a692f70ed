-- +goose Up
-- The delivery sweeper looks for messages not yet sent every minute; a
-- partial index keeps that lookup proportional to the undelivered mail, not
-- to the whole history of the outbox.
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- +goose Down
DROP INDEX outbox_unsent;
