-- +goose Up
-- Indexes for the national scale (8,000 facilities, ~8 million presences,
-- 50,000 inspections, ~250,000 corrective actions): the lists read their
-- first page in index order instead of sorting every row, and the
-- month's occupancy and the presences overview read only this index, not
-- the table, and the recurring plans' due dates come from one index
-- probe per facility. The covering day index replaces the narrower one.
CREATE INDEX inspections_planned ON inspections (planned_on, id);
CREATE INDEX inspections_facility_state ON inspections (facility_id, planned_on, state);
CREATE INDEX corrective_actions_deadline ON corrective_actions (deadline, id);
CREATE INDEX corrective_actions_state_deadline ON corrective_actions (state, deadline, id);
CREATE INDEX presences_day_figures ON presences (day, facility_id, present, late);
DROP INDEX presences_day;

-- +goose Down
CREATE INDEX presences_day ON presences (day, facility_id);
DROP INDEX presences_day_figures;
DROP INDEX corrective_actions_state_deadline;
DROP INDEX corrective_actions_deadline;
DROP INDEX inspections_facility_state;
DROP INDEX inspections_planned;
