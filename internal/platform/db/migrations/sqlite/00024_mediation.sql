-- +goose Up
-- Cultural mediation: mediators and their profiles, requests from public
-- services, the budget they draw on. Durations are whole minutes; a
-- request's slot is [starts_at, ends_at) in UTC.

-- Languages a request can ask for; sign language (LIS) included. Data,
-- so a coordinator can add one.
CREATE TABLE mediation_languages (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO mediation_languages (code, name, position) VALUES
    ('ar', 'Arabo', 1), ('zh', 'Cinese', 2), ('ur', 'Urdu', 3), ('pa', 'Punjabi', 4),
    ('ro', 'Rumeno', 5), ('sq', 'Albanese', 6), ('en', 'Inglese', 7), ('fr', 'Francese', 8),
    ('es', 'Spagnolo', 9), ('uk', 'Ucraino', 10), ('ru', 'Russo', 11), ('bn', 'Bengalese', 12),
    ('fa', 'Persiano (farsi)', 13), ('ps', 'Pashto', 14), ('ti', 'Tigrino', 15), ('so', 'Somalo', 16),
    ('wo', 'Wolof', 17), ('bm', 'Bambara', 18), ('tr', 'Turco', 19), ('ku', 'Curdo', 20),
    ('lis', 'Lingua dei segni italiana (LIS)', 21);

-- A mediator: a person of a provider organisation, with a login when
-- user_id is set. ical_token is the secret of their calendar feed.
CREATE TABLE mediators (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER UNIQUE REFERENCES users (id) ON DELETE SET NULL,
    provider_id    INTEGER NOT NULL REFERENCES organisations (id),
    name           TEXT NOT NULL,
    email          TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    in_person      INTEGER NOT NULL DEFAULT 1,
    phone_mode     INTEGER NOT NULL DEFAULT 0,
    video          INTEGER NOT NULL DEFAULT 0,
    areas          TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    active         INTEGER NOT NULL DEFAULT 1,
    ical_token     TEXT NOT NULL UNIQUE,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX mediators_provider ON mediators (provider_id, name);

-- The languages a mediator speaks, with a CEFR-like level (native, C2..A2).
CREATE TABLE mediator_languages (
    mediator_id INTEGER NOT NULL REFERENCES mediators (id) ON DELETE CASCADE,
    language    TEXT NOT NULL REFERENCES mediation_languages (code),
    level       TEXT NOT NULL,
    PRIMARY KEY (mediator_id, language)
);
CREATE INDEX mediator_languages_language ON mediator_languages (language, mediator_id);

-- The municipalities a mediator covers in person.
CREATE TABLE mediator_municipalities (
    mediator_id INTEGER NOT NULL REFERENCES mediators (id) ON DELETE CASCADE,
    istat_code  TEXT NOT NULL REFERENCES municipalities (istat_code),
    PRIMARY KEY (mediator_id, istat_code)
);

-- Weekly availability: weekday 1 (Monday) to 7, minutes from midnight,
-- Rome time.
CREATE TABLE mediator_availability (
    id          INTEGER PRIMARY KEY,
    mediator_id INTEGER NOT NULL REFERENCES mediators (id) ON DELETE CASCADE,
    weekday     INTEGER NOT NULL,
    start_min   INTEGER NOT NULL,
    end_min     INTEGER NOT NULL
);
CREATE INDEX mediator_availability_mediator ON mediator_availability (mediator_id, weekday);

-- Exceptions to the weekly availability: leave, from one day to another
-- inclusive (dates in Rome).
CREATE TABLE mediator_leave (
    id          INTEGER PRIMARY KEY,
    mediator_id INTEGER NOT NULL REFERENCES mediators (id) ON DELETE CASCADE,
    from_day    TIMESTAMP NOT NULL,
    to_day      TIMESTAMP NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mediator_leave_mediator ON mediator_leave (mediator_id, from_day);

-- A funding line: the hours funded over a period and the policy that
-- counts them (rounding block, minimum, whether travel counts, the notice
-- below which a cancellation is late and whether late cancellations and
-- no-shows consume the minimum).
CREATE TABLE mediation_funding_lines (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL,
    total_min           INTEGER NOT NULL,
    starts_on           TIMESTAMP NOT NULL,
    ends_on             TIMESTAMP NOT NULL,
    round_min           INTEGER NOT NULL DEFAULT 15,
    minimum_min         INTEGER NOT NULL DEFAULT 60,
    travel_counts       INTEGER NOT NULL DEFAULT 0,
    late_notice_hours   INTEGER NOT NULL DEFAULT 24,
    late_counts         INTEGER NOT NULL DEFAULT 1,
    active              INTEGER NOT NULL DEFAULT 1,
    created_at          TIMESTAMP NOT NULL
);

-- Optional allocation of a funding line to one requesting organisation.
CREATE TABLE mediation_allocations (
    funding_line_id INTEGER NOT NULL REFERENCES mediation_funding_lines (id) ON DELETE CASCADE,
    org_id          INTEGER NOT NULL REFERENCES organisations (id),
    total_min       INTEGER NOT NULL,
    PRIMARY KEY (funding_line_id, org_id)
);

-- Thresholds (50, 75, 90, 100 per cent) already announced for a line.
CREATE TABLE mediation_budget_alerts (
    funding_line_id INTEGER NOT NULL REFERENCES mediation_funding_lines (id) ON DELETE CASCADE,
    threshold       INTEGER NOT NULL,
    at              TIMESTAMP NOT NULL,
    PRIMARY KEY (funding_line_id, threshold)
);

-- A series groups the requests a recurring request expanded into.
CREATE TABLE mediation_series (
    id         INTEGER PRIMARY KEY,
    weeks      INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- A request of a public service and, once assigned, its booking.
-- held_min is what the booking holds of the budget (the rounded estimate);
-- counted_min what an approved delivery consumes.
CREATE TABLE mediation_requests (
    id              INTEGER PRIMARY KEY,
    series_id       INTEGER REFERENCES mediation_series (id),
    org_id          INTEGER NOT NULL REFERENCES organisations (id),
    office          TEXT NOT NULL DEFAULT '',
    requester_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    referent        TEXT NOT NULL DEFAULT '',
    contact         TEXT NOT NULL DEFAULT '',
    service_type    TEXT NOT NULL,
    kind            TEXT NOT NULL DEFAULT 'interpreting',
    language        TEXT NOT NULL REFERENCES mediation_languages (code),
    nationality     TEXT NOT NULL DEFAULT '',
    mode            TEXT NOT NULL,
    urgency         TEXT NOT NULL,
    istat_code      TEXT REFERENCES municipalities (istat_code),
    place           TEXT NOT NULL DEFAULT '',
    starts_at       TIMESTAMP NOT NULL,
    ends_at         TIMESTAMP NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    beneficiary     TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL,
    mediator_id     INTEGER REFERENCES mediators (id),
    funding_line_id INTEGER REFERENCES mediation_funding_lines (id),
    held_min        INTEGER NOT NULL DEFAULT 0,
    counted_min     INTEGER NOT NULL DEFAULT 0,
    overbooked      INTEGER NOT NULL DEFAULT 0,
    actual_start    TIMESTAMP,
    actual_end      TIMESTAMP,
    travel_min      INTEGER NOT NULL DEFAULT 0,
    rating          INTEGER,
    rating_comment  TEXT NOT NULL DEFAULT '',
    exit_reason     TEXT NOT NULL DEFAULT '',
    sent_at         TIMESTAMP,
    validated_at    TIMESTAMP,
    assigned_at     TIMESTAMP,
    confirmed_at    TIMESTAMP,
    delivered_at    TIMESTAMP,
    reported_at     TIMESTAMP,
    approved_at     TIMESTAMP,
    closed_at       TIMESTAMP,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX mediation_requests_state ON mediation_requests (state, starts_at);
CREATE INDEX mediation_requests_org ON mediation_requests (org_id, starts_at);
CREATE INDEX mediation_requests_mediator ON mediation_requests (mediator_id, starts_at);
CREATE INDEX mediation_requests_starts ON mediation_requests (starts_at);
CREATE INDEX mediation_requests_line ON mediation_requests (funding_line_id, state);

-- Offers of a request to mediators: the coordinator's assignment, or an
-- urgent request's call to every matching mediator. answer is '' while
-- pending, then accepted, declined or taken (another accepted first).
CREATE TABLE mediation_offers (
    request_id  INTEGER NOT NULL REFERENCES mediation_requests (id) ON DELETE CASCADE,
    mediator_id INTEGER NOT NULL REFERENCES mediators (id) ON DELETE CASCADE,
    offered_at  TIMESTAMP NOT NULL,
    answer      TEXT NOT NULL DEFAULT '',
    answered_at TIMESTAMP,
    PRIMARY KEY (request_id, mediator_id)
);
CREATE INDEX mediation_offers_mediator ON mediation_offers (mediator_id, answer);

-- The request's timeline: each step with who and why.
CREATE TABLE mediation_events (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES mediation_requests (id) ON DELETE CASCADE,
    at         TIMESTAMP NOT NULL,
    user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    from_state TEXT NOT NULL DEFAULT '',
    to_state   TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mediation_events_request ON mediation_events (request_id, at);

-- +goose Down
DROP TABLE mediation_events;
DROP TABLE mediation_offers;
DROP TABLE mediation_requests;
DROP TABLE mediation_series;
DROP TABLE mediation_budget_alerts;
DROP TABLE mediation_allocations;
DROP TABLE mediation_funding_lines;
DROP TABLE mediator_leave;
DROP TABLE mediator_availability;
DROP TABLE mediator_municipalities;
DROP TABLE mediator_languages;
DROP TABLE mediators;
DROP TABLE mediation_languages;
