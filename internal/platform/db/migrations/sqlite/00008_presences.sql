-- +goose Up
-- One row per facility per day. reported_at/reported_by are the first
-- report, which decides whether the day was late; later corrections only
-- move updated_at/updated_by, so a correction never makes a day late.
CREATE TABLE presences (
    id               INTEGER PRIMARY KEY,
    facility_id      INTEGER NOT NULL REFERENCES facilities (id),
    day              TIMESTAMP NOT NULL,
    present          INTEGER NOT NULL,
    arrivals         INTEGER NOT NULL,
    exits_transfer   INTEGER NOT NULL,
    exits_voluntary  INTEGER NOT NULL,
    exits_revoca     INTEGER NOT NULL,
    exits_end        INTEGER NOT NULL,
    exits_other      INTEGER NOT NULL,
    absences         INTEGER NOT NULL,
    unjustified      INTEGER NOT NULL,
    notes            TEXT NOT NULL DEFAULT '',
    source           TEXT NOT NULL,
    late             INTEGER NOT NULL,
    reported_by      INTEGER REFERENCES users (id),
    reported_at      TIMESTAMP NOT NULL,
    updated_by       INTEGER REFERENCES users (id),
    updated_at       TIMESTAMP NOT NULL,
    UNIQUE (facility_id, day)
);
CREATE INDEX presences_day ON presences (day, facility_id);

-- +goose Down
DROP TABLE presences;
