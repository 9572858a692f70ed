package mediation

import (
	"context"
	"math"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// ForecastWeeks is how many recent weeks set the pace of the forecast.
const ForecastWeeks = 8

const budgetDay = 24 * time.Hour

// DayUse is the minutes of a line consumed on one day (midnight UTC).
type DayUse struct {
	Day time.Time
	Min int
}

// Forecast is when a line's hours run out if consumption keeps the pace
// of the recent weeks.
type Forecast struct {
	RemainingMin int       // total less what was consumed up to now
	WeeklyMin    float64   // minutes consumed per week over the window
	WindowDays   int       // days the pace was measured over
	At           time.Time // the day the hours run out; zero when there is no pace or nothing remains
	Exhausted    bool      // nothing remains already
	BeyondEnd    bool      // At falls after the line's period: the hours outlast it
}

// HasDate reports whether the forecast names a day.
func (f Forecast) HasDate() bool { return !f.At.IsZero() }

// forecastExhaustion is the forecast for a line of totalMin minutes over
// [from, to] whose consumption by day is uses, seen at now.
//
// The method: the pace is the minutes consumed in the last `weeks` weeks
// up to now (or since the line began, when it is younger) divided by the
// days of that window; what remains (total less everything consumed up to
// now, held hours excluded since they may still be released) is divided
// by that pace and added to now. No consumption in the window: no date.
// The forecast is linear by design: a coordinator reads it as "at this
// rate", not as a prediction of the seasons.
func forecastExhaustion(uses []DayUse, totalMin int, from, to, now time.Time, weeks int) Forecast {
	start := now.Add(-time.Duration(weeks) * 7 * budgetDay)
	if start.Before(from) {
		start = from
	}
	start = start.Truncate(budgetDay) // uses are whole days: the window starts with one
	consumed, recent := 0, 0
	for _, u := range uses {
		if u.Day.After(now) {
			continue
		}
		consumed += u.Min
		if !u.Day.Before(start) {
			recent += u.Min
		}
	}
	f := Forecast{RemainingMin: totalMin - consumed, WindowDays: int(math.Ceil(now.Sub(start).Hours() / 24))}
	if f.RemainingMin <= 0 {
		f.Exhausted = true
		return f
	}
	if f.WindowDays <= 0 || recent <= 0 {
		return f
	}
	perDay := float64(recent) / float64(f.WindowDays)
	f.WeeklyMin = perDay * 7
	days := math.Ceil(float64(f.RemainingMin) / perDay)
	f.At = now.Truncate(budgetDay).Add(time.Duration(days) * budgetDay)
	f.BeyondEnd = f.At.After(to)
	return f
}

// usesOf is line l's consumption by day: approved deliveries on the day
// of their approval, counted exits on the day they closed. Days before
// the line's start count on its first day.
func usesOf(ctx context.Context, q db.Querier, l *FundingLine) ([]DayUse, error) {
	at := epochDay(q.Dialect(), "COALESCE(approved_at, closed_at, starts_at)")
	rows, err := q.QueryContext(ctx, `SELECT `+at+` AS d, SUM(counted_min) FROM mediation_requests
		WHERE funding_line_id = ? AND state IN (?, ?, ?) GROUP BY d ORDER BY d`,
		l.ID, string(Approved), string(CancelledLate), string(NoShow))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DayUse
	for rows.Next() {
		var d int64
		var m int
		if err := rows.Scan(&d, &m); err != nil {
			return nil, err
		}
		u := DayUse{Day: time.Unix(d*86400, 0).UTC(), Min: m}
		if u.Day.Before(l.From) {
			u.Day = l.From
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
