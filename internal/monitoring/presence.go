package monitoring

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// PresenceWindow is how far back a facility's last reported day still
// counts as current: a facility silent for longer is left out of the
// presences rather than counted with stale figures.
const PresenceWindow = 7

// Presence is the guests present in a group of active facilities on each
// one's latest reported day within the window, against the contracted
// places of the facilities that reported.
type Presence struct {
	Facilities int // active facilities that reported within the window
	Present    int
	Places     int
	LastDay    *time.Time // the most recent of those days
}

// Rate is the occupancy in percent; 0 without places.
func (p Presence) Rate() float64 {
	if p.Places == 0 {
		return 0
	}
	return 100 * float64(p.Present) / float64(p.Places)
}

func (p *Presence) add(o Presence) {
	p.Facilities += o.Facilities
	p.Present += o.Present
	p.Places += o.Places
	if o.LastDay != nil && (p.LastDay == nil || o.LastDay.After(*p.LastDay)) {
		p.LastDay = o.LastDay
	}
}

// latestPresencesSQL sums, per municipality, each active facility's
// latest reported day in the window. A facility-month row of the window's
// earlier month is left out when the facility has a row for the later one:
// that one's latest day is later, and still within the window. The
// facilities of the later month are read once, from its contiguous part of
// the month index, rather than looked up row by row in the primary key,
// whose entries for a month lie all over the index.
const latestPresencesSQL = `SELECT f.istat_code, COUNT(*), SUM(pm.last_present), SUM(f.contracted_places), MAX(pm.last_day)
		FROM presence_months pm CROSS JOIN facilities f
		WHERE f.id = pm.facility_id AND f.state = 'active' AND pm.month IN (?, ?) AND pm.last_day >= ? AND pm.last_day <= ?
		AND (pm.month = ? OR pm.facility_id NOT IN (SELECT n.facility_id FROM presence_months n WHERE n.month = ?))
		GROUP BY f.istat_code`

// latestArgs are latestPresencesSQL's arguments on day today: the months
// the window touches (the same one twice when it touches one), the window
// and the later month, twice. SQLite reads each month's entries of the
// roll-up's covering month index; CROSS JOIN keeps it from starting with
// every active facility and seeking its rows instead.
func latestArgs(today time.Time) []any {
	from := today.AddDate(0, 0, -PresenceWindow)
	later := today.Format("2006-01")
	return []any{from.Format("2006-01"), later, from, today, later, later}
}

// latestPresences is Presence per municipality (ISTAT code), from each
// active facility's latest reported day in the window. It reads the
// presences' monthly roll-up, which keeps each facility-month's latest day
// (no day is ever in the future), and the database does the sums: the
// presences table is never read and one row per municipality comes back,
// where reading the week of presences took ten times as long.
func latestPresences(ctx context.Context, q db.Querier, today time.Time) (map[string]Presence, error) {
	rows, err := q.QueryContext(ctx, latestPresencesSQL, latestArgs(today)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]Presence{}
	for rows.Next() {
		var istat string
		var p Presence
		var day nullDay
		if err := rows.Scan(&istat, &p.Facilities, &p.Present, &p.Places, &day); err != nil {
			return nil, err
		}
		p.LastDay = day.t
		out[istat] = p
	}
	return out, rows.Err()
}
