-- +goose Up
-- Facility codes come from a per-prefix counter that only ever grows, so a
-- code is never handed out twice even though facilities are never deleted.
CREATE TABLE facility_sequences (
    prefix  TEXT PRIMARY KEY,
    last    INTEGER NOT NULL
);

CREATE TABLE facilities (
    id                 INTEGER PRIMARY KEY,
    code               TEXT NOT NULL UNIQUE,
    name               TEXT NOT NULL,
    system_type        TEXT NOT NULL,
    typology           TEXT NOT NULL,
    guests             TEXT NOT NULL DEFAULT '',
    address            TEXT NOT NULL,
    istat_code         TEXT NOT NULL REFERENCES municipalities (istat_code),
    authorised_places  INTEGER NOT NULL,
    contracted_places  INTEGER NOT NULL,
    managing_body_id   INTEGER NOT NULL REFERENCES organisations (id),
    state              TEXT NOT NULL,
    state_since        TIMESTAMP NOT NULL,
    opened_on          TIMESTAMP,
    closed_on          TIMESTAMP,
    created_at         TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP NOT NULL
);
CREATE INDEX facilities_body ON facilities (managing_body_id, name);
CREATE INDEX facilities_municipality ON facilities (istat_code, state);
CREATE INDEX facilities_state ON facilities (state, name);
CREATE INDEX facilities_name ON facilities (name);

-- One row per period of a tracked field; valid_to is NULL for the current one.
CREATE TABLE facility_history (
    id           INTEGER PRIMARY KEY,
    facility_id  INTEGER NOT NULL REFERENCES facilities (id),
    field        TEXT NOT NULL,
    value        TEXT NOT NULL,
    label        TEXT NOT NULL,
    valid_from   TIMESTAMP NOT NULL,
    valid_to     TIMESTAMP
);
CREATE INDEX facility_history_facility ON facility_history (facility_id, field, valid_from);

CREATE TABLE facility_documents (
    id           INTEGER PRIMARY KEY,
    facility_id  INTEGER NOT NULL REFERENCES facilities (id),
    kind         TEXT NOT NULL,
    number       TEXT NOT NULL DEFAULT '',
    issued_on    TIMESTAMP NOT NULL,
    expires_on   TIMESTAMP,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX facility_documents_facility ON facility_documents (facility_id);
CREATE INDEX facility_documents_expiry ON facility_documents (expires_on);

CREATE TABLE contracts (
    id                INTEGER PRIMARY KEY,
    cig               TEXT NOT NULL UNIQUE,
    award_procedure   TEXT NOT NULL,
    capitolato        TEXT NOT NULL,
    lot               TEXT NOT NULL DEFAULT '',
    managing_body_id  INTEGER NOT NULL REFERENCES organisations (id),
    signed_on         TIMESTAMP NOT NULL,
    expires_on        TIMESTAMP NOT NULL,
    extended_to       TIMESTAMP,
    amount_cents      INTEGER NOT NULL,
    price_cents       INTEGER NOT NULL,
    places            INTEGER NOT NULL,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL
);
CREATE INDEX contracts_body ON contracts (managing_body_id);

CREATE TABLE contract_facilities (
    contract_id  INTEGER NOT NULL REFERENCES contracts (id),
    facility_id  INTEGER NOT NULL REFERENCES facilities (id),
    PRIMARY KEY (contract_id, facility_id)
);
CREATE INDEX contract_facilities_facility ON contract_facilities (facility_id);

-- The contract's penalty grid. rate_ppm is a rate in parts per million of
-- the contract value (1.5 per mille = 1500); cap_cents NULL means no cap.
CREATE TABLE contract_penalties (
    id            INTEGER PRIMARY KEY,
    contract_id   INTEGER NOT NULL REFERENCES contracts (id),
    code          TEXT NOT NULL,
    description   TEXT NOT NULL,
    basis         TEXT NOT NULL,
    amount_cents  INTEGER NOT NULL DEFAULT 0,
    rate_ppm      INTEGER NOT NULL DEFAULT 0,
    cap_cents     INTEGER,
    UNIQUE (contract_id, code)
);

-- Caps set by the Prefettura; a Comune without a row has the default of
-- its population band.
CREATE TABLE municipality_caps (
    istat_code  TEXT PRIMARY KEY REFERENCES municipalities (istat_code),
    places      INTEGER NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE municipality_caps;
DROP TABLE contract_penalties;
DROP TABLE contract_facilities;
DROP TABLE contracts;
DROP TABLE facility_documents;
DROP TABLE facility_history;
DROP TABLE facilities;
DROP TABLE facility_sequences;
