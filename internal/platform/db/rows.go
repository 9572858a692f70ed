package db

import "database/sql"

// Scanner is what a row offers to a scan function: *sql.Rows and *Row both
// have it, so one scan function reads a list and a single record alike.
type Scanner = interface{ Scan(dest ...any) error }

// Collect reads every row through scan and closes rows. It takes the
// query's error as well, so a list reads as two lines:
//
//	rows, err := q.QueryContext(ctx, query, args...)
//	return db.Collect(rows, err, scanThing)
func Collect[T any](rows *sql.Rows, err error, scan func(Scanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
