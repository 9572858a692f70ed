package presences

import (
	"context"
	"sort"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Occupancy is the average number of guests present over the reported
// days of a month, against contracted places. A group's figures are the
// sums of its facilities' averages and places.
type Occupancy struct {
	Key     string
	Label   string
	Average float64
	Places  int
	Days    int // facility-days reported
}

// Rate is the share of contracted places occupied, in percent; 0 without places.
func (o Occupancy) Rate() float64 {
	if o.Places == 0 {
		return 0
	}
	return 100 * o.Average / float64(o.Places)
}

func (o *Occupancy) add(avg float64, places, days int) {
	o.Average += avg
	o.Places += places
	o.Days += days
}

// Grouping names how occupancy rows are grouped.
type Grouping string

// Groupings.
const (
	ByFacility     Grouping = "struttura"
	ByMunicipality Grouping = "comune"
	ByBody         Grouping = "ente"
)

func (g Grouping) key(f *Facility) (string, string) {
	switch g {
	case ByMunicipality:
		return f.ISTATCode, f.Municipality
	case ByBody:
		return strconv.FormatInt(f.BodyID, 10), f.BodyName
	}
	return f.Code, f.Code + " " + f.Name
}

// monthTotals is every facility's guest-days and reported days in the
// month starting on first within sc, by facility ID, from the roll-up
// that every presence written keeps up to date.
func monthTotals(ctx context.Context, q db.Querier, sc scope, first time.Time) (map[int64][2]int, error) {
	where, args := sc.clause("f.managing_body_id")
	rows, err := q.QueryContext(ctx, `SELECT pm.facility_id, pm.guest_days, pm.days FROM presence_months pm
		JOIN facilities f ON f.id = pm.facility_id WHERE `+where+` AND pm.month = ?`, append(args, monthKey(first))...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][2]int{}
	for rows.Next() {
		var id int64
		var sum, n int
		if err := rows.Scan(&id, &sum, &n); err != nil {
			return nil, err
		}
		out[id] = [2]int{sum, n}
	}
	return out, rows.Err()
}

// occupancy groups the month's figures of facs by g, ordered by label;
// facilities without reports in the month are left out.
func occupancy(facs []*Facility, totals map[int64][2]int, g Grouping) []Occupancy {
	groups := map[string]*Occupancy{}
	for _, f := range facs {
		t, ok := totals[f.ID]
		if !ok || t[1] == 0 {
			continue
		}
		key, label := g.key(f)
		o := groups[key]
		if o == nil {
			o = &Occupancy{Key: key, Label: label}
			groups[key] = o
		}
		o.add(float64(t[0])/float64(t[1]), f.ContractedPlaces, t[1])
	}
	out := make([]Occupancy, 0, len(groups))
	for _, o := range groups {
		out = append(out, *o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Label < out[j].Label })
	return out
}

// total is the whole scope as one row.
func total(rows []Occupancy) Occupancy {
	t := Occupancy{Label: "Totale"}
	for _, r := range rows {
		t.add(r.Average, r.Places, r.Days)
	}
	return t
}

// trend is the scope's total for each of the twelve months ending with last.
func trend(ctx context.Context, q db.Querier, sc scope, facs []*Facility, last time.Time, lastTotals map[int64][2]int) ([]Occupancy, error) {
	out := make([]Occupancy, 0, 12)
	for i := 11; i >= 0; i-- {
		first := last.AddDate(0, -i, 0)
		totals := lastTotals // the month shown, already summed
		if i > 0 {
			var err error
			if totals, err = monthTotals(ctx, q, sc, first); err != nil {
				return nil, err
			}
		}
		t := total(occupancy(facs, totals, ByFacility))
		t.Key, t.Label = first.Format("2006-01"), first.Format("2006-01")
		out = append(out, t)
	}
	return out, nil
}
