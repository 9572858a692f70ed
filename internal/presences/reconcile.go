package presences

import (
	"time"
)

// The monthly reconciliation of a contract sets three figures side by
// side for each facility it covers: what the places would cost (places ×
// days × price, the billing courts have condemned for empty places), what
// is due on the guest-days actually present (guest-days × price of each
// day), and what the managing body invoiced. The price and the contracted
// places of each day are those of the facility's history when it has a
// period covering the day, else the contract's price and the facility's
// current places.

// RecContract is what the reconciliation needs of a contract.
type RecContract struct {
	ID         int64
	CIG        string
	Lot        string
	BodyID     int64
	BodyName   string
	SignedOn   time.Time
	EndsOn     time.Time // expiry, or extension when there is one
	PriceCents int64     // current price per guest per day
	Places     int
}

// Line is one facility's month, or the contract's total.
type Line struct {
	Code, Name  string
	Days        int   // days of the month the facility was in service under the contract, up to yesterday
	Places      int   // contracted places on the last day considered
	PlaceDays   int   // places available, summed day by day
	GuestDays   int   // guests present, summed day by day
	Reported    int   // days with a report
	Missing     int   // days expected and not reported
	DueCents    int64 // guest-days × the price of their day
	PlacesCents int64 // place-days × the price of their day
}

// Average is the mean number of guests present over the reported days.
func (l Line) Average() float64 {
	if l.Reported == 0 {
		return 0
	}
	return float64(l.GuestDays) / float64(l.Reported)
}

// Rate is the share of place-days occupied, in percent.
func (l Line) Rate() float64 {
	if l.PlaceDays == 0 {
		return 0
	}
	return 100 * float64(l.GuestDays) / float64(l.PlaceDays)
}

// EmptyCents is what billing on places would charge over billing on
// presences: the cost of the empty places.
func (l Line) EmptyCents() int64 { return l.PlacesCents - l.DueCents }

func (l *Line) add(o Line) {
	l.Days = max(l.Days, o.Days)
	l.Places += o.Places
	l.PlaceDays += o.PlaceDays
	l.GuestDays += o.GuestDays
	l.Reported += o.Reported
	l.Missing += o.Missing
	l.DueCents += o.DueCents
	l.PlacesCents += o.PlacesCents
}

// Reconciliation is one contract's month.
type Reconciliation struct {
	Contract    *RecContract
	Month       time.Time // first day
	DaysInMonth int
	Lines       []Line
	Total       Line
	Prices      []int64  // the distinct prices applied in the month, in order of first use
	Invoice     *Invoice // nil until recorded
}

// GuestDaysDiff is invoiced minus present guest-days: positive when more
// was invoiced than reported.
func (r *Reconciliation) GuestDaysDiff() int {
	if r.Invoice == nil {
		return 0
	}
	return r.Invoice.GuestDays - r.Total.GuestDays
}

// AmountDiff is invoiced minus due on presences, in cents.
func (r *Reconciliation) AmountDiff() int64 {
	if r.Invoice == nil {
		return 0
	}
	return r.Invoice.AmountCents - r.Total.DueCents
}

// HasDifference reports whether the invoice disagrees with the presences.
func (r *Reconciliation) HasDifference() bool {
	return r.Invoice != nil && (r.GuestDaysDiff() != 0 || r.AmountDiff() != 0)
}

// MonthKey is the month as YYYY-MM, as paths and the invoices table name it.
func (r *Reconciliation) MonthKey() string { return r.Month.Format("2006-01") }

// periods are a facility's values by day, from its history.
type period struct {
	from  time.Time
	to    *time.Time // excluded; nil: still in force
	value int64
}

// valueOn is the value of the period covering d, or def.
func valueOn(ps []period, d time.Time, def int64) int64 {
	for _, p := range ps {
		if !d.Before(p.from) && (p.to == nil || d.Before(*p.to)) {
			return p.value
		}
	}
	return def
}

// facilityData is what the computation reads for one facility.
type facilityData struct {
	f       *Facility
	prices  []period
	places  []period
	present map[time.Time]int
}

// line computes one facility's month over [first, last], the days the
// contract is in force, up to the day before today.
func (fd *facilityData) line(c *RecContract, first, last, today time.Time, prices *[]int64) Line {
	f := fd.f
	l := Line{Code: f.Code, Name: f.Name}
	for d := first; !d.After(last) && d.Before(today); d = d.AddDate(0, 0, 1) {
		present, reported := fd.present[d]
		if !reported && !(f.Active() && !d.Before(f.Since)) {
			continue // not in service that day
		}
		price := valueOn(fd.prices, d, c.PriceCents)
		places := int(valueOn(fd.places, d, int64(f.ContractedPlaces)))
		notePrice(prices, price)
		l.Days++
		l.Places = places
		l.PlaceDays += places
		l.PlacesCents += int64(places) * price
		if reported {
			l.Reported++
			l.GuestDays += present
			l.DueCents += int64(present) * price
		} else if expected(f, d, today) {
			l.Missing++
		}
	}
	if l.Days == 0 {
		l.Places = f.ContractedPlaces
	}
	return l
}

func notePrice(prices *[]int64, p int64) {
	for _, q := range *prices {
		if q == p {
			return
		}
	}
	*prices = append(*prices, p)
}

// inForce is the part of month's days [first, last] within the contract's
// term; ok is false when they do not meet.
func inForce(c *RecContract, month time.Time) (first, last time.Time, ok bool) {
	first, last = month, month.AddDate(0, 1, -1)
	if c.SignedOn.After(first) {
		first = c.SignedOn
	}
	if c.EndsOn.Before(last) {
		last = c.EndsOn
	}
	return first, last, !first.After(last)
}

// build computes the reconciliation of c for month from its facilities' data.
func build(c *RecContract, month, today time.Time, facs []*facilityData, inv *Invoice) *Reconciliation {
	r := &Reconciliation{Contract: c, Month: month, Invoice: inv,
		DaysInMonth: month.AddDate(0, 1, -1).Day(), Total: Line{Name: "Totale"}}
	first, last, ok := inForce(c, month)
	for _, fd := range facs {
		var l Line
		if ok {
			l = fd.line(c, first, last, today, &r.Prices)
		} else {
			l = Line{Code: fd.f.Code, Name: fd.f.Name, Places: fd.f.ContractedPlaces}
		}
		r.Lines = append(r.Lines, l)
		r.Total.add(l)
	}
	return r
}
