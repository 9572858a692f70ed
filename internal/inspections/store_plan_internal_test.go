package inspections

import (
	"testing"
	"time"
)

// TestMonthsLastAtLeastTheirFloor is keptUntil's premise: adding n months
// moves a date by at least n times monthFloor, less a summer-time hour, on
// every day of twelve years and for every interval a plan may have.
func TestMonthsLastAtLeastTheirFloor(t *testing.T) {
	zones := []*time.Location{time.UTC}
	if rome, err := time.LoadLocation("Europe/Rome"); err == nil {
		zones = append(zones, rome)
	}
	for _, loc := range zones {
		for d := time.Date(2020, 1, 1, 0, 0, 0, 0, loc); d.Year() < 2032; d = d.AddDate(0, 0, 1) {
			for m := 1; m <= 60; m++ {
				if got := d.AddDate(0, m, 0).Sub(d); got < time.Duration(m)*monthFloor-time.Hour {
					t.Fatalf("%s plus %d months is %s later, under the floor", d, m, got)
				}
			}
		}
	}
}

// TestInspectedSinceKeptUntilIsNotOverdue: a facility whose last
// inspection is on the day keptUntil falls on, whatever the time of day
// asked and whatever a later start of the plan, is not overdue; so leaving
// such facilities out before overdue decides changes no list.
func TestInspectedSinceKeptUntilIsNotOverdue(t *testing.T) {
	for today := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC); today.Year() < 2029; today = today.AddDate(0, 0, 1) {
		for _, at := range []time.Duration{0, 23*time.Hour + 59*time.Minute} {
			now := today.Add(at)
			for _, m := range []int{1, 2, 3, 5, 6, 11, 12, 18, 24, 36, 60} {
				plans := []*Recurring{{Months: m + 1, StartsOn: now.AddDate(-5, 0, 0)}, {Months: m, StartsOn: now.AddDate(-5, 0, 0)}}
				y, mo, d := keptUntil(plans, now).Date()
				last := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC) // the date of that day, as PostgreSQL compares it
				for _, start := range []time.Time{last.AddDate(-1, 0, 0), last.AddDate(0, 0, 1), last.AddDate(0, 0, 20)} {
					plans[1].StartsOn = start
					if o, ok := overdue(dueFacility{id: 1, last: &last}, plans, now); ok {
						t.Fatalf("on %s with %d months from %s, last inspected %s: overdue %+v", now, m, start, last, o)
					}
				}
			}
		}
	}
}
