package presences

import (
	"context"
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

// sql is the grouping's key and label columns, over facilities f,
// organisations o and municipalities m.
func (g Grouping) sql() (key, label string) {
	switch g {
	case ByMunicipality:
		return "f.istat_code", "m.name"
	case ByBody:
		return "CAST(f.managing_body_id AS TEXT)", "o.name"
	}
	return "f.code", "f.code || ' ' || f.name"
}

// occupancyRows is the month starting on first within sc grouped by g,
// ordered by label, limit rows from offset (all of them when limit is 0),
// and how many groups there are. The database does the sums from the
// roll-up's covering month index: a national month is thousands of
// facilities, and a page shows a hundred groups.
func occupancyRows(ctx context.Context, q db.Querier, sc scope, first time.Time, g Grouping, limit, offset int) ([]Occupancy, int, error) {
	key, label := g.sql()
	where, args := sc.clause("f.managing_body_id")
	from := ` FROM presence_months pm CROSS JOIN facilities f
		JOIN organisations o ON o.id = f.managing_body_id JOIN municipalities m ON m.istat_code = f.istat_code
		WHERE f.id = pm.facility_id AND ` + where + ` AND pm.month = ? AND pm.days > 0`
	args = append(args, monthKey(first))
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(DISTINCT `+key+`)`+from, args...).Scan(&n); err != nil {
		return nil, 0, err
	}
	page := ""
	if limit > 0 {
		page = " LIMIT " + strconv.Itoa(limit) + " OFFSET " + strconv.Itoa(offset)
	}
	rows, err := q.QueryContext(ctx, `SELECT `+key+`, `+label+`, SUM(CAST(pm.guest_days AS DOUBLE PRECISION) / pm.days),
		SUM(f.contracted_places), SUM(pm.days)`+from+` GROUP BY `+key+`, `+label+` ORDER BY `+label+`, `+key+page, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []Occupancy
	for rows.Next() {
		var o Occupancy
		if err := rows.Scan(&o.Key, &o.Label, &o.Average, &o.Places, &o.Days); err != nil {
			return nil, 0, err
		}
		out = append(out, o)
	}
	return out, n, rows.Err()
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
