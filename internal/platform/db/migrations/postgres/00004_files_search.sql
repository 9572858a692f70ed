-- +goose Up
-- The disk store removes a blob only when no file row still names it.
CREATE INDEX files_disk_sha256 ON files (sha256) WHERE storage = 'disk';

-- +goose Down
DROP INDEX IF EXISTS files_disk_sha256;
