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

// trend is the scope's total for each of the twelve months ending with
// last, summed by the database in one pass over the roll-up: the same
// figures as grouping each month's facilities, without loading them.
func trend(ctx context.Context, q db.Querier, sc scope, last time.Time) ([]Occupancy, error) {
	first := last.AddDate(0, -11, 0)
	where, args := sc.clause("f.managing_body_id")
	rows, err := q.QueryContext(ctx, `SELECT pm.month, SUM(CAST(pm.guest_days AS DOUBLE PRECISION) / pm.days),
		SUM(f.contracted_places), SUM(pm.days) FROM presence_months pm
		JOIN facilities f ON f.id = pm.facility_id
		WHERE `+where+` AND pm.month >= ? AND pm.month <= ? AND pm.days > 0 GROUP BY pm.month`,
		append(args, monthKey(first), monthKey(last))...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byMonth := map[string]Occupancy{}
	for rows.Next() {
		var o Occupancy
		if err := rows.Scan(&o.Key, &o.Average, &o.Places, &o.Days); err != nil {
			return nil, err
		}
		byMonth[o.Key] = o
	}
	out := make([]Occupancy, 0, 12)
	for i := range 12 {
		key := monthKey(first.AddDate(0, i, 0))
		o := byMonth[key]
		o.Key, o.Label = key, key
		out = append(out, o)
	}
	return out, rows.Err()
}
