-- +goose Up
-- Inspection checklists are versioned data: a published version never
-- changes, so a signed verbale can always be read against the exact items
-- it was filled in with. Applicability sets are comma-separated codes
-- ('' = all); derived_from links an item to the one it was copied from in
-- the previous version, so reports can compare results across versions.
CREATE TABLE checklist_templates (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL
);

CREATE TABLE checklist_versions (
    id           INTEGER PRIMARY KEY,
    template_id  INTEGER NOT NULL REFERENCES checklist_templates (id),
    number       INTEGER NOT NULL,
    state        TEXT NOT NULL,
    derived_from INTEGER REFERENCES checklist_versions (id),
    created_at   TIMESTAMP NOT NULL,
    published_at TIMESTAMP,
    published_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    UNIQUE (template_id, number)
);
-- One draft at a time per template: two parallel drafts could not both
-- become the current version.
CREATE UNIQUE INDEX checklist_versions_one_draft ON checklist_versions (template_id) WHERE state = 'draft';

CREATE TABLE checklist_sections (
    id         INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES checklist_versions (id),
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL
);
CREATE INDEX checklist_sections_version ON checklist_sections (version_id, position);

CREATE TABLE checklist_items (
    id           INTEGER PRIMARY KEY,
    version_id   INTEGER NOT NULL REFERENCES checklist_versions (id),
    section_id   INTEGER NOT NULL REFERENCES checklist_sections (id),
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    legal_basis  TEXT NOT NULL DEFAULT '',
    capitolati   TEXT NOT NULL DEFAULT '',
    system_types TEXT NOT NULL DEFAULT '',
    typologies   TEXT NOT NULL DEFAULT '',
    severity     TEXT NOT NULL,
    penalty_code TEXT NOT NULL DEFAULT '',
    evidence     INTEGER NOT NULL DEFAULT 0,
    derived_from INTEGER REFERENCES checklist_items (id)
);
CREATE INDEX checklist_items_version ON checklist_items (version_id, section_id, position);
CREATE INDEX checklist_items_derived ON checklist_items (derived_from);

-- +goose Down
DROP TABLE checklist_items;
DROP TABLE checklist_sections;
DROP TABLE checklist_versions;
DROP TABLE checklist_templates;
