-- +goose Up
-- An inspection names the checklist version it was started with: versions
-- never change once published, so its answers keep their meaning. Members
-- form the commission; only they (and the Prefettura) see the inspection.
-- Answers exist only once the inspection starts, one per applicable item.
CREATE TABLE inspections (
    id              INTEGER PRIMARY KEY,
    facility_id     INTEGER NOT NULL REFERENCES facilities (id),
    kind            TEXT NOT NULL,
    planned_on      TIMESTAMP NOT NULL,
    state           TEXT NOT NULL,
    version_id      INTEGER REFERENCES checklist_versions (id),
    guests_declared INTEGER,
    guests_counted  INTEGER,
    created_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    started_at      TIMESTAMP,
    drafted_at      TIMESTAMP
);
CREATE INDEX inspections_facility ON inspections (facility_id, planned_on);
CREATE INDEX inspections_state ON inspections (state, planned_on);

CREATE TABLE inspection_members (
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    role          TEXT NOT NULL,
    PRIMARY KEY (inspection_id, user_id)
);
CREATE INDEX inspection_members_user ON inspection_members (user_id);

CREATE TABLE inspection_answers (
    id            INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    item_id       INTEGER NOT NULL REFERENCES checklist_items (id),
    result        TEXT NOT NULL DEFAULT '',
    severity      TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    answered_at   TIMESTAMP,
    answered_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    UNIQUE (inspection_id, item_id)
);

-- A recurring plan: the facility (or, when NULL, every active facility)
-- is inspected at least every months months, counted from the last
-- inspection or, before the first, from starts_on.
CREATE TABLE inspection_plans (
    id          INTEGER PRIMARY KEY,
    facility_id INTEGER REFERENCES facilities (id),
    months      INTEGER NOT NULL,
    starts_on   TIMESTAMP NOT NULL,
    created_at  TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE inspection_plans;
DROP TABLE inspection_answers;
DROP TABLE inspection_members;
DROP TABLE inspections;
