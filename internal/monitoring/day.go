package monitoring

import (
	"fmt"
	"time"
)

// dayOf is the UTC midnight of t's day: dates are stored as midnights.
func dayOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// nullDay scans a date an aggregate returns: a time on PostgreSQL, text on
// SQLite (where MAX loses the column's type). Only the date is kept.
type nullDay struct{ t *time.Time }

func (n *nullDay) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		n.t = nil
		return nil
	case time.Time:
		d := dayOf(x)
		n.t = &d
		return nil
	case string:
		return n.parse(x)
	case []byte:
		return n.parse(string(x))
	}
	return fmt.Errorf("monitoring: cannot scan %T as a date", v)
}

func (n *nullDay) parse(s string) error {
	if len(s) < 10 {
		return fmt.Errorf("monitoring: bad date %q", s)
	}
	t, err := time.Parse(time.DateOnly, s[:10])
	if err != nil {
		return err
	}
	n.t = &t
	return nil
}
