package mediation

import (
	"math/rand/v2"
	"sort"
	"time"
)

// seedGap is kept free after every synthetic booking: the mediator's
// travel, and room for an intervention that runs over.
const seedGap = 30 * time.Minute

// seedMediator is a mediator while synthetic requests are booked: the
// profile, the slots already taken and the minutes booked so far.
type seedMediator struct {
	*Mediator
	busy   []seedSpan // sorted, never overlapping
	booked int
}

// seedSpan is a slot a mediator is taken, the gap included.
type seedSpan struct{ from, to time.Time }

// free reports whether [from, to) plus the gap meets none of m's bookings.
func (m *seedMediator) free(from, to time.Time) bool {
	to = to.Add(seedGap)
	i := sort.Search(len(m.busy), func(i int) bool { return m.busy[i].to.After(from) })
	return i == len(m.busy) || !m.busy[i].from.Before(to)
}

// take books [from, to) plus the gap for m; the caller checked free.
func (m *seedMediator) take(from, to time.Time) {
	sp := seedSpan{from, to.Add(seedGap)}
	i := sort.Search(len(m.busy), func(i int) bool { return m.busy[i].from.After(from) })
	m.busy = append(m.busy, seedSpan{})
	copy(m.busy[i+1:], m.busy[i:])
	m.busy[i] = sp
	m.booked += int(to.Sub(from) / time.Minute)
}

// speaks is m's level in language code, ok false when m does not speak it.
func (m *seedMediator) speaks(code string) (Level, bool) {
	for _, s := range m.Languages {
		if s.Code == code {
			return s.Level, true
		}
	}
	return "", false
}

// covers reports whether m works in person in municipality code.
func (m *seedMediator) covers(code string) bool {
	for _, c := range m.Municipality {
		if c == code {
			return true
		}
	}
	return false
}

// onLeave reports whether the Rome day of t falls in one of m's leaves.
func (m *seedMediator) onLeave(t time.Time) bool {
	day := dayOf(t)
	for _, l := range m.Leave {
		if !day.Before(l.From) && !day.After(l.To) {
			return true
		}
	}
	return false
}

// inWindow reports whether [from, to) falls inside one of m's weekly
// availability windows (Rome time).
func (m *seedMediator) inWindow(from, to time.Time) bool {
	lf, lt := from.In(romeZone), to.In(romeZone)
	if lf.YearDay() != lt.Add(-time.Minute).YearDay() {
		return false
	}
	wd := int(lf.Weekday())
	if wd == 0 {
		wd = 7
	}
	sm := lf.Hour()*60 + lf.Minute()
	em := sm + int(to.Sub(from)/time.Minute)
	for _, w := range m.Weekly {
		if w.Weekday == wd && w.StartMin <= sm && em <= w.EndMin {
			return true
		}
	}
	return false
}

// fits reports whether m can take r's slot: language, area, mode, leave,
// the weekly windows (scheduled requests only: an urgent call is taken
// whenever the mediator answers) and no other booking.
func (m *seedMediator) fits(r *Request) bool {
	if _, ok := m.speaks(r.Language); !ok || !m.HasArea(r.Service.Area()) || !m.Offers(r.Mode) || m.onLeave(r.Start) {
		return false
	}
	if r.Urgency == Scheduled && !m.inWindow(r.Start, r.End) {
		return false
	}
	return m.free(r.Start, r.End)
}

// seedMatch is the mediator a coordinator would pick for r among ms: one
// that fits, covering r's municipality first, then the better level,
// then the lighter workload; nil when nobody fits.
func seedMatch(ms []*seedMediator, r *Request, rnd *rand.Rand) *seedMediator {
	var best *seedMediator
	bestScore := 0.0
	for _, m := range ms {
		if !m.fits(r) {
			continue
		}
		lv, _ := m.speaks(r.Language)
		score := float64(m.booked)/60 + float64(lv.Rank())*4 + rnd.Float64()*6
		if r.Mode == InPerson && !m.covers(r.ISTATCode) {
			score += 25
		}
		if best == nil || score < bestScore {
			best, bestScore = m, score
		}
	}
	return best
}

// seedOthers are up to n other mediators who fit r: an urgent request's
// call reaches them too.
func seedOthers(ms []*seedMediator, r *Request, chosen *seedMediator, n int) []int64 {
	var out []int64
	for _, m := range ms {
		if len(out) == n {
			break
		}
		if m != chosen && m.fits(r) {
			out = append(out, m.ID)
		}
	}
	return out
}
