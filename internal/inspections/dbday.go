package inspections

import (
	"fmt"
	"time"
)

// nullTime scans a nullable date that an aggregate returns: a time on
// PostgreSQL, but text on SQLite, where MAX loses the column's declared
// type. Only the date part is kept.
type nullTime struct {
	t     time.Time
	valid bool
}

func (n *nullTime) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		n.valid = false
		return nil
	case time.Time:
		n.t, n.valid = time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC), true
		return nil
	case string:
		return n.parse(x)
	case []byte:
		return n.parse(string(x))
	}
	return fmt.Errorf("inspections: cannot scan %T as a date", v)
}

func (n *nullTime) parse(s string) error {
	if len(s) < 10 {
		return fmt.Errorf("inspections: bad date %q", s)
	}
	t, err := time.Parse(time.DateOnly, s[:10])
	n.t, n.valid = t, err == nil
	return err
}

func (n nullTime) ptr() *time.Time {
	if !n.valid {
		return nil
	}
	t := n.t
	return &t
}
