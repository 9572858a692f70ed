package presences

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// monthKey names a month in presence_months.
func monthKey(t time.Time) string { return t.Format("2006-01") }

// refreshMonth recomputes facility's guest-days and reported days for the
// month of day from its presences (at most 31 rows on the index), in the
// transaction that changed one of them, so the roll-up is never stale.
func refreshMonth(ctx context.Context, tx *db.Tx, facility int64, day time.Time) error {
	first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
	var guests, days int
	err := tx.QueryRowContext(ctx, `SELECT COALESCE(SUM(present), 0), COUNT(*) FROM presences
		WHERE facility_id = ? AND day >= ? AND day < ?`, facility, first, first.AddDate(0, 1, 0)).Scan(&guests, &days)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO presence_months (facility_id, month, guest_days, days) VALUES (?, ?, ?, ?)
		`+tx.Dialect().Upsert("facility_id, month", "guest_days = excluded.guest_days, days = excluded.days"),
		facility, monthKey(first), guests, days)
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
	_, err := q.ExecContext(ctx, `INSERT INTO presence_months (facility_id, month, guest_days, days)
		SELECT facility_id, `+ym+`, SUM(present), COUNT(*) FROM presences GROUP BY facility_id, `+ym)
	return err
}
