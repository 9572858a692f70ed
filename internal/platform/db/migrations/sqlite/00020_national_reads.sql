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

-- Every read of the roll-up is by month (the month's occupancy, the
-- twelve-month trend, the dashboard's current presences): the month index
-- covers the figures, so those reads never visit the table.
DROP INDEX presence_months_month;
CREATE INDEX presence_months_month ON presence_months (month, facility_id, guest_days, days, last_day, last_present);

-- The typology analysis sums every facility's signed outcomes: a covering
-- index reads them without visiting 50,000 inspection rows.
CREATE INDEX inspections_outcomes ON inspections (facility_id, state, conforming, partial, non_conforming);

-- +goose Down
DROP INDEX inspections_outcomes;
DROP INDEX presence_months_month;
CREATE INDEX presence_months_month ON presence_months (month, facility_id);
ALTER TABLE presence_months DROP COLUMN last_present;
ALTER TABLE presence_months DROP COLUMN last_day;
