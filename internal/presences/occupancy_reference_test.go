package presences

import (
	"context"
	"sort"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// The occupancy worked out in Go from every facility and the roll-up, the
// plain reading of the rule that the database's sums must agree with.

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
