-- +goose Up
-- A signed verbale is frozen: the inspection keeps who signed it, when, and
-- the stored PDF with its checksum, so the file served later can be proven
-- to be the one signed.
ALTER TABLE inspections ADD COLUMN signed_at TIMESTAMP;
ALTER TABLE inspections ADD COLUMN signed_by INTEGER REFERENCES users (id);
ALTER TABLE inspections ADD COLUMN verbale_file_id INTEGER REFERENCES files (id);
ALTER TABLE inspections ADD COLUMN verbale_sha256 TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE inspections DROP COLUMN verbale_sha256;
ALTER TABLE inspections DROP COLUMN verbale_file_id;
ALTER TABLE inspections DROP COLUMN signed_by;
ALTER TABLE inspections DROP COLUMN signed_at;
