package mediation

import (
	"context"
	"sort"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// ReportLine is one group of requests. The requests due are those sent
// and not cancelled in time; each of them ends up fulfilled (delivered,
// reported or approved), a no-show, a late cancellation, unmet (refused,
// or never assigned once its slot began) or still open, so the rates are
// shares of one whole.
type ReportLine struct {
	Key           string
	Label         string
	Requests      int // sent, cancellations in time included
	Due           int
	Fulfilled     int
	NoShows       int
	LateCancelled int
	Unmet         int
	CountedMin    int // counted minutes consumed: approved deliveries and counted exits
	Rated         int
	RatingSum     int
	LeadMedian    float64 // days from sending to the slot, median of the requests due
	HasLead       bool
	lead          map[int]int // whole days of notice → requests
}

func reportShare(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

// FulfilmentRate is the share of the requests due that were delivered.
func (l *ReportLine) FulfilmentRate() float64 { return reportShare(l.Fulfilled, l.Due) }

// NoShowRate is the share of the requests due where the person did not come.
func (l *ReportLine) NoShowRate() float64 { return reportShare(l.NoShows, l.Due) }

// LateRate is the share of the requests due cancelled too late.
func (l *ReportLine) LateRate() float64 { return reportShare(l.LateCancelled, l.Due) }

// Satisfaction is the mean rating, 0 when nobody rated.
func (l *ReportLine) Satisfaction() float64 {
	if l.Rated == 0 {
		return 0
	}
	return float64(l.RatingSum) / float64(l.Rated)
}

// Report is the requests of a period grouped every way, with the totals.
type Report struct {
	Period  ReportPeriod
	Overall ReportLine
	Groups  []ReportGroup
}

// ReportGroup is the lines of one dimension.
type ReportGroup struct {
	Dimension
	Lines []*ReportLine
}

// BuildReport aggregates the requests whose slot falls in p, seen at now
// (a request still unassigned when its slot began is unmet). One GROUP BY
// over the period's requests counts them by every dimension's key at once
// and by the whole days of notice; the groupings are sums of those
// counts, and the median lead time comes from the days' histogram, as the
// engines share no median function. One scan instead of one per
// dimension: the date arithmetic and the slot's month are worked out
// once per request.
func BuildReport(ctx context.Context, q db.Querier, p ReportPeriod, now time.Time) (*Report, error) {
	rep := &Report{Period: p, Overall: ReportLine{Label: "Totale", lead: map[int]int{}}}
	groups := make([]map[string]*ReportLine, len(Dimensions))
	orders := make([][]*ReportLine, len(Dimensions))
	for i := range groups {
		groups[i] = map[string]*ReportLine{}
	}
	err := reportCube(ctx, q, p, now, func(keys []string, o *ReportLine) {
		rep.Overall.add(o)
		for i, k := range keys {
			l := groups[i][k]
			if l == nil {
				l = &ReportLine{Key: k, lead: map[int]int{}}
				groups[i][k] = l
				orders[i] = append(orders[i], l)
			}
			l.add(o)
		}
	})
	if err != nil {
		return nil, err
	}
	rep.Overall.finish()
	for i, d := range Dimensions {
		if err := reportLabels(ctx, q, d, orders[i]); err != nil {
			return nil, err
		}
		for _, l := range orders[i] {
			l.finish()
		}
		reportSort(d, orders[i])
		rep.Groups = append(rep.Groups, ReportGroup{Dimension: d, Lines: orders[i]})
	}
	return rep, nil
}

// add sums o's figures into l.
func (l *ReportLine) add(o *ReportLine) {
	l.Requests += o.Requests
	l.Due += o.Due
	l.Fulfilled += o.Fulfilled
	l.NoShows += o.NoShows
	l.LateCancelled += o.LateCancelled
	l.Unmet += o.Unmet
	l.CountedMin += o.CountedMin
	l.Rated += o.Rated
	l.RatingSum += o.RatingSum
	for d, n := range o.lead {
		l.lead[d] += n
	}
}

// finish computes the median lead time from the histogram.
func (l *ReportLine) finish() {
	n := 0
	days := make([]int, 0, len(l.lead))
	for d, c := range l.lead {
		n += c
		days = append(days, d)
	}
	if n == 0 {
		return
	}
	sort.Ints(days)
	l.LeadMedian, l.HasLead = histogramMedian(days, l.lead, n), true
}

// histogramMedian is the median of n values given as sorted distinct days and
// their counts; with an even n, the mean of the two middle values.
func histogramMedian(days []int, count map[int]int, n int) float64 {
	at := func(k int) int { // the k-th value, 0-based
		for _, d := range days {
			if k < count[d] {
				return d
			}
			k -= count[d]
		}
		return days[len(days)-1]
	}
	if n%2 == 1 {
		return float64(at(n / 2))
	}
	return float64(at(n/2-1)+at(n/2)) / 2
}
