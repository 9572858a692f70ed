-- +goose Up
-- A corrective action is born when a verbale is signed, one per
-- non-conforming or partial answer. The item text and severity are copied:
-- the action keeps its meaning whatever happens to the checklist later.
-- The owner is the facility's managing body at signing time.
CREATE TABLE corrective_actions (
    id            INTEGER PRIMARY KEY,
    facility_id   INTEGER NOT NULL REFERENCES facilities (id),
    inspection_id INTEGER NOT NULL REFERENCES inspections (id),
    answer_id     INTEGER NOT NULL UNIQUE REFERENCES inspection_answers (id),
    owner_id      INTEGER REFERENCES organisations (id),
    item_text     TEXT NOT NULL,
    result        TEXT NOT NULL,
    severity      TEXT NOT NULL,
    finding       TEXT NOT NULL DEFAULT '',
    deadline      TIMESTAMP NOT NULL,
    state         TEXT NOT NULL,
    remedy        TEXT NOT NULL DEFAULT '',
    answered_at   TIMESTAMP,
    answered_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    review_note   TEXT NOT NULL DEFAULT '',
    reviewed_at   TIMESTAMP,
    reviewed_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX corrective_actions_owner ON corrective_actions (owner_id, state);
CREATE INDEX corrective_actions_facility ON corrective_actions (facility_id, deadline);
CREATE INDEX corrective_actions_inspection ON corrective_actions (inspection_id);

-- +goose Down
DROP TABLE corrective_actions;
