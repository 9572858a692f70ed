-- +goose Up
-- A follow-up inspection checks the corrective actions of the inspection
-- it follows; closing an inspection ends its life once they are settled.
ALTER TABLE inspections ADD COLUMN follow_up_of BIGINT REFERENCES inspections (id);
ALTER TABLE inspections ADD COLUMN closed_at TIMESTAMPTZ;
CREATE INDEX inspections_follow_up ON inspections (follow_up_of);

-- +goose Down
DROP INDEX inspections_follow_up;
ALTER TABLE inspections DROP COLUMN closed_at;
ALTER TABLE inspections DROP COLUMN follow_up_of;
