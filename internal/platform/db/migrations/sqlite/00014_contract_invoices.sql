-- +goose Up
-- The invoice a managing body issued for one contract and one month, as
-- recorded for the monthly reconciliation (places paid vs guest-days
-- present): one per contract and month, corrected in place. month is the
-- text YYYY-MM, alike on both databases.
CREATE TABLE contract_invoices (
    id            INTEGER PRIMARY KEY,
    contract_id   INTEGER NOT NULL REFERENCES contracts (id),
    month         TEXT NOT NULL,
    number        TEXT NOT NULL,
    issued_on     TIMESTAMP NOT NULL,
    guest_days    INTEGER NOT NULL,
    amount_cents  INTEGER NOT NULL,
    recorded_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    UNIQUE (contract_id, month)
);

-- +goose Down
DROP TABLE contract_invoices;
