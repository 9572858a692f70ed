package presences

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Status is where one active facility stands with its reports.
type Status struct {
	Facility  *Facility
	Last      *time.Time // last reported day, ever
	Missing   int        // days without a report in the window, up to yesterday
	Late      int        // days reported late in the window
	Today     bool       // today is reported
	Yesterday bool       // yesterday is reported
}

// windowStart is the first day f is expected to have reported, within the
// window that ends yesterday.
func windowStart(f *Facility, today time.Time) time.Time {
	return laterOf(f.Since, ptr(today.AddDate(0, 0, -Window)))
}

func ptr(t time.Time) *time.Time { return &t }

// expectedDays is how many days from first to yesterday need a report.
func expectedDays(first, today time.Time) int {
	n := int(today.Sub(first).Hours() / 24)
	return max(n, 0)
}

// statusPage is how many facilities the overview shows at a time: the
// statuses are computed for those only, so a page costs the same with 40
// facilities or 8,000.
const statusPage = 50

// statuses computes the status of the active facilities within sc on page
// (from 1, by name), and how many active facilities sc holds.
func statuses(ctx context.Context, q db.Querier, sc scope, today time.Time, page int) ([]*Status, int, error) {
	facs, total, err := activePage(ctx, q, sc, page)
	if err != nil || len(facs) == 0 {
		return nil, total, err
	}
	ids := make([]any, len(facs))
	for i, f := range facs {
		ids[i] = f.ID
	}
	sc = sc.only(ids)
	byID := map[int64]*Status{}
	out := make([]*Status, len(facs))
	for i, f := range facs {
		out[i] = &Status{Facility: f}
		byID[f.ID] = out[i]
	}
	if err := countWindow(ctx, q, sc, today, byID); err != nil {
		return nil, 0, err
	}
	return out, total, lastDays(ctx, q, sc, today, byID)
}

// countWindow fills Missing and Late from one grouped query: the
// facility's own start (state_since, opened_on) is compared in SQL.
func countWindow(ctx context.Context, q db.Querier, sc scope, today time.Time, byID map[int64]*Status) error {
	where, args := sc.clause("f.managing_body_id")
	rows, err := q.QueryContext(ctx, `SELECT p.facility_id, COUNT(*), SUM(CASE WHEN p.late THEN 1 ELSE 0 END)
		FROM presences p JOIN facilities f ON f.id = p.facility_id
		WHERE `+where+` AND f.state = 'active' AND p.day >= ? AND p.day < ? AND p.day >= f.state_since
		AND (f.opened_on IS NULL OR p.day >= f.opened_on) GROUP BY p.facility_id`,
		append(args, today.AddDate(0, 0, -Window), today)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	reported := map[int64]int{}
	for rows.Next() {
		var id int64
		var n, late int
		if err := rows.Scan(&id, &n, &late); err != nil {
			return err
		}
		reported[id] = n
		if s := byID[id]; s != nil {
			s.Late = late
		}
	}
	for id, s := range byID {
		s.Missing = max(expectedDays(windowStart(s.Facility, today), today)-reported[id], 0)
	}
	return rows.Err()
}

// lastDays fills Last, Today and Yesterday.
func lastDays(ctx context.Context, q db.Querier, sc scope, today time.Time, byID map[int64]*Status) error {
	where, args := sc.clause("f.managing_body_id")
	// One index probe per facility for its last day, rather than grouping
	// every presence ever reported (millions at the national scale).
	rows, err := q.QueryContext(ctx, `SELECT f.id, (SELECT MAX(p.day) FROM presences p WHERE p.facility_id = f.id AND p.day <= ?)
		FROM facilities f WHERE `+where+` AND f.state = 'active'`, append([]any{today}, args...)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var last dbDay
		if err := rows.Scan(&id, &last); err != nil {
			return err
		}
		if s := byID[id]; s != nil && !last.Time.IsZero() {
			d := last.Time
			s.Last, s.Today = &d, d.Equal(today)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return yesterdays(ctx, q, sc, today.AddDate(0, 0, -1), byID)
}

func yesterdays(ctx context.Context, q db.Querier, sc scope, day time.Time, byID map[int64]*Status) error {
	where, args := sc.clause("f.managing_body_id")
	rows, err := q.QueryContext(ctx, `SELECT p.facility_id FROM presences p JOIN facilities f ON f.id = p.facility_id
		WHERE `+where+` AND p.day = ?`, append(args, day)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		if s := byID[id]; s != nil {
			s.Yesterday = true
		}
	}
	return rows.Err()
}

// dbDay scans a day that an aggregate returns: a time on PostgreSQL, but
// text on SQLite, where MAX loses the column's declared type.
type dbDay struct{ Time time.Time }

func (d *dbDay) Scan(v any) error {
	switch x := v.(type) {
	case time.Time:
		d.Time = asDay(x)
		return nil
	case string:
		return d.parse(x)
	case []byte:
		return d.parse(string(x))
	case nil: // no day at all: the zero time
		d.Time = time.Time{}
		return nil
	}
	return fmt.Errorf("presences: cannot scan %T as a day", v)
}

func (d *dbDay) parse(s string) error {
	if len(s) < 10 {
		return fmt.Errorf("presences: bad day %q", s)
	}
	t, err := time.Parse(time.DateOnly, s[:10])
	d.Time = t
	return err
}

var _ sql.Scanner = (*dbDay)(nil)
