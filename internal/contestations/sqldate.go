package contestations

import (
	"database/sql"
	"time"
)

// sqlDate scans a stored date, a time on both engines here.
type sqlDate struct{ t time.Time }

func (d *sqlDate) Scan(v any) error {
	var n sql.NullTime
	if err := n.Scan(v); err != nil {
		return err
	}
	d.t = day(n.Time)
	return nil
}
