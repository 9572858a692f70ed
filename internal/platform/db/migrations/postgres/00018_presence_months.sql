-- +goose Up
-- Each facility's guest-days and reported days by month, kept in the
-- transaction of every presence written: occupancy over twelve months
-- reads 12 × facilities rows instead of every day of every facility.
CREATE TABLE presence_months (
    facility_id BIGINT NOT NULL REFERENCES facilities (id),
    month       TEXT NOT NULL,
    guest_days  BIGINT NOT NULL,
    days        INTEGER NOT NULL,
    PRIMARY KEY (facility_id, month)
);
CREATE INDEX presence_months_month ON presence_months (month, facility_id);
INSERT INTO presence_months (facility_id, month, guest_days, days)
SELECT facility_id, to_char(day, 'YYYY-MM'), SUM(present), COUNT(*) FROM presences GROUP BY facility_id, to_char(day, 'YYYY-MM');

-- +goose Down
DROP TABLE presence_months;
