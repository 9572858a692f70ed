package presences

import "time"

// rome is where the calendar days of presences begin and end.
var rome = mustLoad("Europe/Rome")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// GraceHours is how long after the end of a day its presences may still be
// reported on time: the next day at noon, Rome time.
const GraceHours = 12

// Window is how far back missing days are looked for.
const Window = 60

// dayOf is the calendar day of t in Rome, as midnight UTC: the form days
// are stored in, so that both databases compare them alike.
func dayOf(t time.Time) time.Time {
	y, m, d := t.In(rome).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// asDay normalises a date read from the database to midnight UTC.
func asDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// deadline is the last moment day's presences count as on time.
func deadline(day time.Time) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day()+1, GraceHours, 0, 0, 0, rome)
}

// isLate reports whether a first report at reportedAt came after the deadline.
func isLate(day, reportedAt time.Time) bool { return reportedAt.After(deadline(day)) }

func dayText(t time.Time) string { return t.Format(time.DateOnly) }

// parseDay reads a YYYY-MM-DD date, or a DD/MM/YYYY one as spreadsheets
// written in Italy often give.
func parseDay(s string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// monthStart is the first day of t's month.
func monthStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// parseMonth reads a ?mese=YYYY-MM value, falling back to def.
func parseMonth(s string, def time.Time) time.Time {
	if t, err := time.Parse("2006-01", s); err == nil {
		return t
	}
	return monthStart(def)
}

// laterOf is the latest of the given days, ignoring nil ones.
func laterOf(first time.Time, others ...*time.Time) time.Time {
	out := first
	for _, t := range others {
		if t != nil && t.After(out) {
			out = *t
		}
	}
	return out
}
