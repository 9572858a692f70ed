-- +goose Up
-- Each facility-month of the roll-up also keeps its latest reported day
-- and the guests present on it, so the dashboard and the map read the
-- current presences from a few thousand roll-up rows rather than a week
-- of every facility's days.
ALTER TABLE presence_months ADD COLUMN last_day TIMESTAMP;
ALTER TABLE presence_months ADD COLUMN last_present INTEGER NOT NULL DEFAULT 0;
UPDATE presence_months SET (last_day, last_present) = (SELECT p.day, p.present FROM presences p
    WHERE p.facility_id = presence_months.facility_id AND p.day >= presence_months.month || '-01'
      AND p.day < date(presence_months.month || '-01', '+1 month')
    ORDER BY p.day DESC LIMIT 1)
WHERE days > 0;

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
