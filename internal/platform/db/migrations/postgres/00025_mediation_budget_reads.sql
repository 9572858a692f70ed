-- +goose Up
-- The mediation reports read every request of a period by the slot's
-- date: the report index covers the columns they group and sum, so a year
-- of the national scale (200,000 requests) is read from the index alone.
CREATE INDEX mediation_requests_report ON mediation_requests (starts_at, state, service_type, language, mode,
    istat_code, mediator_id, sent_at, counted_min, rating);

-- The budget's balance, ledger and burn-down read a line's requests by
-- state: the line index also covers the minutes and the day each request
-- consumed them.
DROP INDEX mediation_requests_line;
CREATE INDEX mediation_requests_line ON mediation_requests (funding_line_id, state, held_min, counted_min,
    approved_at, closed_at, starts_at);
-- The ledger pages a line's requests by slot, the latest first.
CREATE INDEX mediation_requests_line_starts ON mediation_requests (funding_line_id, starts_at);

-- +goose Down
DROP INDEX mediation_requests_line_starts;
DROP INDEX mediation_requests_line;
CREATE INDEX mediation_requests_line ON mediation_requests (funding_line_id, state);
DROP INDEX mediation_requests_report;
