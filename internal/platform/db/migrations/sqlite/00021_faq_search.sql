-- +goose Up
-- A tag narrows a search within one kind (the FAQ's topic). It lives on
-- search_docs, a plain table, so the FTS5 index needs no rebuild.
ALTER TABLE search_docs ADD COLUMN tag TEXT NOT NULL DEFAULT '';
CREATE INDEX search_docs_tag ON search_docs (kind, tag);
UPDATE search_docs SET tag = COALESCE((SELECT CAST(q.topic_id AS TEXT) FROM questions q
    WHERE q.id = CAST(search_docs.ref AS INTEGER)), '') WHERE kind = 'faq';

-- The vocabulary of the index: every stem with the number of documents of
-- a kind that hold it, where a misspelt query looks for its correction.
-- Index and Remove keep it; RebuildVocabulary recounts a kind.
CREATE TABLE search_terms (
    kind TEXT NOT NULL,
    term TEXT NOT NULL,
    docs INTEGER NOT NULL,
    PRIMARY KEY (kind, term)
);

-- +goose Down
DROP TABLE search_terms;
DROP INDEX search_docs_tag;
ALTER TABLE search_docs DROP COLUMN tag;
