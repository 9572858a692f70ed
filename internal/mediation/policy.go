package mediation

import "time"

// Policy is how a funding line counts hours. The domain brief leaves the
// rounding rule and travel time to policy, so they are data of the line.
type Policy struct {
	RoundMin     int  // counted time is rounded up to blocks of this many minutes; 0: not rounded
	MinimumMin   int  // an intervention counts at least this long
	TravelCounts bool // travel time is added to the intervention
	LateNoticeH  int  // a cancellation with less notice than this is late
	LateCounts   bool // late cancellations and no-shows consume the minimum
}

// DefaultPolicy is the usual rule: 15-minute blocks, at least one hour,
// travel not counted, 24 hours' notice, late cancellations count.
var DefaultPolicy = Policy{RoundMin: 15, MinimumMin: 60, LateNoticeH: 24, LateCounts: true}

// Count is the minutes an intervention of worked minutes plus travel
// counts under p: travel added when it counts, rounded up to the block,
// never below the minimum.
func (p Policy) Count(worked, travel int) int {
	m := max(worked, 0)
	if p.TravelCounts {
		m += max(travel, 0)
	}
	if p.RoundMin > 0 && m%p.RoundMin != 0 {
		m += p.RoundMin - m%p.RoundMin
	}
	return max(m, p.MinimumMin)
}

// Late reports whether cancelling at now a slot starting at start is late.
func (p Policy) Late(now, start time.Time) bool {
	return start.Sub(now) < time.Duration(p.LateNoticeH)*time.Hour
}

// ExitCount is what a late cancellation or a no-show consumes.
func (p Policy) ExitCount() int {
	if p.LateCounts {
		return p.MinimumMin
	}
	return 0
}

// Hours formats minutes as hours for people: "2,5" style is left to the
// templates; this is the exact decimal value.
func Hours(min int) float64 { return float64(min) / 60 }
