package presences

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// monthKey names a month in presence_months.
func monthKey(t time.Time) string { return t.Format("2006-01") }

// refreshMonth recomputes facility's guest-days, reported days and latest
// reported day for the month of day from its presences (at most 31 rows on
// the index), in the transaction that changed one of them, so the roll-up
// is never stale.
func refreshMonth(ctx context.Context, tx *db.Tx, facility int64, day time.Time) error {
	first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
	var guests, days, lastPresent int
	var last *time.Time
	rows, err := tx.QueryContext(ctx, `SELECT day, present FROM presences
		WHERE facility_id = ? AND day >= ? AND day < ? ORDER BY day`, facility, first, first.AddDate(0, 1, 0))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var d time.Time
		var present int
		if err := rows.Scan(&d, &present); err != nil {
			return err
		}
		guests, days, last, lastPresent = guests+present, days+1, &d, present
	}
	if err := rows.Err(); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO presence_months (facility_id, month, guest_days, days, last_day, last_present)
		VALUES (?, ?, ?, ?, ?, ?) `+tx.Dialect().Upsert("facility_id, month",
		"guest_days = excluded.guest_days, days = excluded.days, last_day = excluded.last_day, last_present = excluded.last_present"),
		facility, monthKey(first), guests, days, last, lastPresent)
	return err
}

// RebuildMonths recomputes the whole roll-up, after presences were
// bulk-loaded (demo and synthetic data) without going through save.
func RebuildMonths(ctx context.Context, q db.Querier) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM presence_months`); err != nil {
		return err
	}
	ym := "strftime('%Y-%m', day)"
	if q.Dialect() == db.Postgres {
		ym = "to_char(day, 'YYYY-MM')"
	}
	// The latest day's guests come in the same statement: a second pass
	// updating every row would leave PostgreSQL a table of dead tuples.
	_, err := q.ExecContext(ctx, `INSERT INTO presence_months (facility_id, month, guest_days, days, last_day, last_present)
		SELECT g.facility_id, g.ym, g.guests, g.n, g.last, p.present
		FROM (SELECT facility_id, `+ym+` AS ym, SUM(present) AS guests, COUNT(*) AS n, MAX(day) AS last
			FROM presences GROUP BY facility_id, `+ym+`) g
		JOIN presences p ON p.facility_id = g.facility_id AND p.day = g.last`)
	return err
}
