-- +goose Up
-- Questions from operators (Medi-AL). Topics are data: each names the
-- competent office its questions are routed to and the default number of
-- days to answer them.
CREATE TABLE question_topics (
    id        INTEGER PRIMARY KEY,
    slug      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    position  INTEGER NOT NULL DEFAULT 0,
    office_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    due_days  INTEGER NOT NULL DEFAULT 15
);
INSERT INTO question_topics (slug, name, position, due_days) VALUES
    ('permessi', 'Permessi di soggiorno', 1, 15),
    ('asilo', 'Protezione internazionale e asilo', 2, 15),
    ('accoglienza', 'Accoglienza', 3, 10),
    ('ricongiungimento', 'Ricongiungimento familiare', 4, 20),
    ('anagrafe', 'Anagrafe e residenza', 5, 10),
    ('salute', 'Salute e iscrizione al SSN', 6, 10),
    ('scuola', 'Scuola e formazione', 7, 15),
    ('lavoro', 'Lavoro', 8, 15),
    ('cittadinanza', 'Cittadinanza', 9, 30),
    ('altro', 'Altro', 10, 15);

-- A question and its routing. org_id is the asker's organisation, which a
-- private question stays within; office_id the competent office whose
-- validators validate the answer; answer_id the published version.
-- import_key makes an import of the same row a no-op.
CREATE TABLE questions (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    topic_id      INTEGER NOT NULL REFERENCES question_topics (id),
    istat_code    TEXT REFERENCES municipalities (istat_code),
    service       TEXT NOT NULL DEFAULT '',
    visibility    TEXT NOT NULL,
    state         TEXT NOT NULL,
    asker_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    org_id        INTEGER REFERENCES organisations (id),
    office_id     INTEGER REFERENCES organisations (id),
    expert_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    due_on        TIMESTAMP,
    info_request  TEXT NOT NULL DEFAULT '',
    reject_reason TEXT NOT NULL DEFAULT '',
    merged_into   INTEGER REFERENCES questions (id),
    superseded_by INTEGER REFERENCES questions (id),
    answer_id     INTEGER,
    published_at  TIMESTAMP,
    answered_at   TIMESTAMP,
    views         INTEGER NOT NULL DEFAULT 0,
    import_key    TEXT UNIQUE,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX questions_state ON questions (state, due_on);
CREATE INDEX questions_org ON questions (org_id, state);
CREATE INDEX questions_asker ON questions (asker_id, state);
CREATE INDEX questions_office ON questions (office_id, state);
CREATE INDEX questions_expert ON questions (expert_id, state);
CREATE INDEX questions_public ON questions (visibility, state, published_at);
CREATE INDEX questions_topic ON questions (topic_id, state, published_at);
CREATE INDEX questions_views ON questions (state, views);
CREATE INDEX questions_created ON questions (created_at);

-- Every version of an answer. A published version is never edited: a
-- change is a new version that goes through validation again.
CREATE TABLE question_answers (
    id                INTEGER PRIMARY KEY,
    question_id       INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    version           INTEGER NOT NULL,
    body              TEXT NOT NULL,
    valid_as_of       TIMESTAMP,
    review_by         TIMESTAMP,
    notes             TEXT NOT NULL DEFAULT '',
    state             TEXT NOT NULL,
    author_id         INTEGER REFERENCES users (id) ON DELETE SET NULL,
    authority_id      INTEGER REFERENCES organisations (id),
    authority_name    TEXT NOT NULL DEFAULT '',
    validator_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    validator_comment TEXT NOT NULL DEFAULT '',
    submitted_at      TIMESTAMP,
    validated_at      TIMESTAMP,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    UNIQUE (question_id, version)
);
CREATE INDEX question_answers_review ON question_answers (state, review_by);

-- Legal references of an answer version, in order.
CREATE TABLE question_references (
    id        INTEGER PRIMARY KEY,
    answer_id INTEGER NOT NULL REFERENCES question_answers (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    norm      TEXT NOT NULL DEFAULT '',
    article   TEXT NOT NULL DEFAULT '',
    circular  TEXT NOT NULL DEFAULT '',
    url       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX question_references_answer ON question_references (answer_id, position);

-- The question's timeline: each transition with who and why. The audit log
-- gets the same entries; this table is what the question page reads.
CREATE TABLE question_events (
    id          INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    at          TIMESTAMP NOT NULL,
    user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    from_state  TEXT NOT NULL DEFAULT '',
    to_state    TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX question_events_question ON question_events (question_id, at);

-- One row whose counter every publication bumps: instances cache public
-- pages and searches under it and notice another instance's publication.
CREATE TABLE question_generation (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);
INSERT INTO question_generation (id, generation) VALUES (1, 1);

-- +goose Down
DROP TABLE question_generation;
DROP TABLE question_events;
DROP TABLE question_references;
DROP TABLE question_answers;
DROP TABLE questions;
DROP TABLE question_topics;
