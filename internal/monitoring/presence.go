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

const latestPresencesSQL = `SELECT f.istat_code, COUNT(*), COALESCE(SUM(p.present), 0),
		COALESCE(SUM(f.contracted_places), 0), MAX(p.day)
		FROM facilities f JOIN presences p ON p.facility_id = f.id
		WHERE f.state = 'active' AND p.day = (SELECT MAX(p2.day) FROM presences p2
			WHERE p2.facility_id = f.id AND p2.day >= ? AND p2.day <= ?)
		GROUP BY f.istat_code`

// latestPresences is Presence per municipality (ISTAT code). Each active
// facility costs one seek on the (facility_id, day) index for its latest
// day in the window: the presences table is never scanned.
func latestPresences(ctx context.Context, q db.Querier, today time.Time) (map[string]Presence, error) {
	rows, err := q.QueryContext(ctx, latestPresencesSQL, today.AddDate(0, 0, -PresenceWindow), today)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]Presence{}
	for rows.Next() {
		var istat string
		var p Presence
		var last nullDay
		if err := rows.Scan(&istat, &p.Facilities, &p.Present, &p.Places, &last); err != nil {
			return nil, err
		}
		p.LastDay = last.t
		out[istat] = p
	}
	return out, rows.Err()
}
