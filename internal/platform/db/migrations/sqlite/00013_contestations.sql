-- +goose Up
-- A contestazione di addebito charges a managing body with findings of
-- signed inspections. The lifecycle dates live on the row, so the timeline
-- is read back without the audit log; each finding keeps a copy of the
-- grid row it was priced with, so a later change of the contract's grid
-- never changes a penalty already charged.
CREATE TABLE contestations (
    id                  INTEGER PRIMARY KEY,
    facility_id         INTEGER NOT NULL REFERENCES facilities (id),
    contract_id         INTEGER NOT NULL REFERENCES contracts (id),
    managing_body_id    INTEGER NOT NULL REFERENCES organisations (id),
    inspection_id       INTEGER NOT NULL REFERENCES inspections (id),
    state               TEXT NOT NULL,
    pec_date            TIMESTAMP,
    pec_reference       TEXT NOT NULL DEFAULT '',
    deadline_days       INTEGER NOT NULL DEFAULT 10,
    reply_deadline      TIMESTAMP,
    notified_at         TIMESTAMP,
    notified_by         INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reply_text          TEXT NOT NULL DEFAULT '',
    replied_at          TIMESTAMP,
    replied_by          INTEGER REFERENCES users (id) ON DELETE SET NULL,
    decision            TEXT NOT NULL DEFAULT '',
    decision_reason     TEXT NOT NULL DEFAULT '',
    decided_at          TIMESTAMP,
    decided_by          INTEGER REFERENCES users (id) ON DELETE SET NULL,
    penalty_cents       INTEGER NOT NULL DEFAULT 0,
    execution_method    TEXT NOT NULL DEFAULT '',
    executed_on         TIMESTAMP,
    execution_reference TEXT NOT NULL DEFAULT '',
    executed_at         TIMESTAMP,
    executed_by         INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_by          INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at          TIMESTAMP NOT NULL,
    updated_by          INTEGER REFERENCES users (id) ON DELETE SET NULL,
    updated_at          TIMESTAMP NOT NULL
);
CREATE INDEX contestations_body ON contestations (managing_body_id, state);
CREATE INDEX contestations_contract ON contestations (contract_id, state);
CREATE INDEX contestations_facility ON contestations (facility_id);
CREATE INDEX contestations_state ON contestations (state, reply_deadline);

-- A finding is one inspection answer charged. rate_ppm is parts per
-- million of the contract value, as in contract_penalties.
CREATE TABLE contestation_findings (
    id                  INTEGER PRIMARY KEY,
    contestation_id     INTEGER NOT NULL REFERENCES contestations (id) ON DELETE CASCADE,
    inspection_id       INTEGER NOT NULL REFERENCES inspections (id),
    answer_id           INTEGER NOT NULL REFERENCES inspection_answers (id),
    item_text           TEXT NOT NULL,
    result              TEXT NOT NULL,
    severity            TEXT NOT NULL,
    note                TEXT NOT NULL DEFAULT '',
    penalty_code        TEXT NOT NULL DEFAULT '',
    penalty_description TEXT NOT NULL DEFAULT '',
    basis               TEXT NOT NULL DEFAULT '',
    unit_cents          INTEGER NOT NULL DEFAULT 0,
    rate_ppm            INTEGER NOT NULL DEFAULT 0,
    cap_cents           INTEGER,
    quantity            INTEGER NOT NULL DEFAULT 1,
    amount_cents        INTEGER NOT NULL DEFAULT 0,
    calculation         TEXT NOT NULL DEFAULT '',
    UNIQUE (contestation_id, answer_id)
);
CREATE INDEX contestation_findings_inspection ON contestation_findings (inspection_id);

-- Documents of the contestation in the file store: the PEC sent, the
-- counter-deductions, the decision.
CREATE TABLE contestation_documents (
    id              INTEGER PRIMARY KEY,
    contestation_id INTEGER NOT NULL REFERENCES contestations (id) ON DELETE CASCADE,
    file_id         INTEGER NOT NULL REFERENCES files (id),
    kind            TEXT NOT NULL,
    created_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX contestation_documents_contestation ON contestation_documents (contestation_id);

-- +goose Down
DROP TABLE contestation_documents;
DROP TABLE contestation_findings;
DROP TABLE contestations;
