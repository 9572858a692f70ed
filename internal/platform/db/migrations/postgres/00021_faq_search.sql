-- +goose Up
-- A tag narrows a search within one kind (the FAQ's topic). It is only
-- ever filtered after the full-text index has found the rows: an index on
-- it would tempt the planner to read a whole kind for a rare word.
ALTER TABLE search_index ADD COLUMN tag TEXT NOT NULL DEFAULT '';
UPDATE search_index SET tag = COALESCE((SELECT CAST(q.topic_id AS TEXT) FROM questions q
    WHERE q.id = CAST(search_index.ref AS BIGINT)), '') WHERE kind = 'faq';

-- The vocabulary of the index: every stem with the number of documents of
-- a kind that hold it, where a misspelt query looks for its correction.
-- Index and Remove keep it; RebuildVocabulary recounts a kind.
CREATE TABLE search_terms (
    kind TEXT NOT NULL,
    term TEXT NOT NULL,
    docs INTEGER NOT NULL,
    PRIMARY KEY (kind, term)
);

-- The order documents entered the index, as SQLite's rowid gives it: a
-- query matching thousands of documents ranks only the most recent of them
-- (search.RankWindow), found backwards on this index.
ALTER TABLE search_index ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE INDEX search_index_seq ON search_index (kind, seq);

-- +goose Down
DROP INDEX search_index_seq;
ALTER TABLE search_index DROP COLUMN seq;
DROP TABLE search_terms;
ALTER TABLE search_index DROP COLUMN tag;
