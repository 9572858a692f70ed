package mediation

import "github.com/crocevia/crocevia/internal/platform/db"

// The two helpers below are the only differences between the engines that
// the budget and the reports need; they belong with the others in
// db.Dialect, where they can move unchanged.

// wholeDays is the SQL for the whole days (24-hour periods, truncated
// toward zero) from the timestamp column earlier to later.
func wholeDays(d db.Dialect, later, earlier string) string {
	if d == db.Postgres {
		return "CAST(TRUNC(EXTRACT(EPOCH FROM (" + later + " - " + earlier + ")) / 86400) AS INTEGER)"
	}
	return "CAST(julianday(" + later + ") - julianday(" + earlier + ") AS INTEGER)"
}

// epochDay is the SQL for the UTC day of a timestamp expression, counted
// from 1 January 1970.
func epochDay(d db.Dialect, expr string) string {
	if d == db.Postgres {
		return "CAST(FLOOR(EXTRACT(EPOCH FROM " + expr + ") / 86400) AS INTEGER)"
	}
	return "CAST(julianday(" + expr + ") - 2440587.5 AS INTEGER)"
}
