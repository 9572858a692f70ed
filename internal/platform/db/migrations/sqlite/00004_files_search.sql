-- +goose Up
-- The disk store removes a blob only when no file row still names it.
CREATE INDEX files_disk_sha256 ON files (sha256) WHERE storage = 'disk';

-- kind becomes an indexed column, so that a search limited to one module's
-- documents is filtered inside the full-text index instead of reading every
-- matching row. Nothing was indexed before this version: the table is empty.
DROP TABLE search_index;
DELETE FROM search_docs;
CREATE VIRTUAL TABLE search_index USING fts5 (
    kind,
    ref UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- +goose Down
SELECT 'no down migration: restore a backup instead';
