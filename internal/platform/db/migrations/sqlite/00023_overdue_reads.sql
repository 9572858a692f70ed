-- +goose Up
-- The facilities overdue on their recurring plan are the active ones with
-- no inspection planned nor any inspection since a recent day: the
-- facilities with one come from a contiguous range of this index, read
-- once, instead of one probe per facility into the (facility_id,
-- planned_on) index, or the whole history of 50,000 inspections at
-- national scale.
CREATE INDEX inspections_day_facility ON inspections (planned_on, facility_id);

-- +goose Down
DROP INDEX inspections_day_facility;
