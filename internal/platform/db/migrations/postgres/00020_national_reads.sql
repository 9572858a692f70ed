-- +goose Up
-- Each facility-month of the roll-up also keeps its latest reported day
-- and the guests present on it, so the dashboard and the map read the
-- current presences from a few thousand roll-up rows rather than a week
-- of every facility's days.
ALTER TABLE presence_months ADD COLUMN last_day DATE;
ALTER TABLE presence_months ADD COLUMN last_present INTEGER NOT NULL DEFAULT 0;
UPDATE presence_months pm SET last_day = l.day, last_present = l.present
FROM (SELECT DISTINCT ON (facility_id, to_char(day, 'YYYY-MM')) facility_id, to_char(day, 'YYYY-MM') AS month, day, present
      FROM presences ORDER BY facility_id, to_char(day, 'YYYY-MM'), day DESC) l
WHERE l.facility_id = pm.facility_id AND l.month = pm.month;

-- The dashboard's read: the window's one or two months, then the range of
-- latest days, without touching the table.
CREATE INDEX presence_months_latest ON presence_months (month, last_day, facility_id, last_present);

-- The typology analysis sums every facility's signed outcomes: a covering
-- index reads them without visiting 50,000 inspection rows.
CREATE INDEX inspections_outcomes ON inspections (facility_id, state, conforming, partial, non_conforming);

-- +goose Down
DROP INDEX inspections_outcomes;
DROP INDEX presence_months_latest;
ALTER TABLE presence_months DROP COLUMN last_present;
ALTER TABLE presence_months DROP COLUMN last_day;
