package mediation

import (
	"slices"
	"time"

	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// AvailableAt reports whether the slot [start, end) falls within the
// mediator's weekly availability, read in Rome time, and on no day of
// leave. The slot must lie within one Rome day and be covered whole:
// adjacent windows (9:00-12:00 and 12:00-15:00) join. Bookings are not
// considered here: double booking is the matcher's check.
func (m *Mediator) AvailableAt(start, end time.Time) bool {
	if !end.After(start) {
		return false
	}
	s, e := start.In(i18n.Rome), end.In(i18n.Rome)
	day := dayOf(start)
	startMin := s.Hour()*60 + s.Minute()
	endMin := e.Hour()*60 + e.Minute()
	if e.Second() != 0 || e.Nanosecond() != 0 {
		endMin++ // windows are whole minutes: round the slot outwards
	}
	switch next := dayOf(end); {
	case next.Equal(day):
	case next.Equal(day.AddDate(0, 0, 1)) && endMin == 0:
		endMin = minutesPerDay // a slot may end at the following midnight
	default:
		return false
	}
	if m.onLeave(day) {
		return false
	}
	return covered(m.Weekly, mediatorWeekday(s), startMin, endMin)
}

// onLeave reports whether day (a Rome date at midnight UTC) falls in a
// period of leave.
func (m *Mediator) onLeave(day time.Time) bool {
	for _, l := range m.Leave {
		if !day.Before(l.From) && !day.After(l.To) {
			return true
		}
	}
	return false
}

// covered reports whether the windows of weekday, joined where they
// touch, cover [from, to).
func covered(ws []Window, weekday, from, to int) bool {
	var day []Window
	for _, w := range ws {
		if w.Weekday == weekday {
			day = append(day, w)
		}
	}
	slices.SortFunc(day, func(a, b Window) int { return a.StartMin - b.StartMin })
	reach := from
	for _, w := range day {
		if w.StartMin > reach {
			break
		}
		reach = max(reach, w.EndMin)
		if reach >= to {
			return true
		}
	}
	return false
}

// mediatorWeekday is t's weekday, 1 for Monday to 7 for Sunday.
func mediatorWeekday(t time.Time) int {
	if wd := int(t.Weekday()); wd != 0 {
		return wd
	}
	return 7
}
