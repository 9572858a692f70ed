package mediation

// TEMPORARY until the profiles part lands: replaced by mediators*.go.

import (
	"context"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

type MediatorFilter struct {
	Language string
	Active   bool
}

func Mediators(ctx context.Context, q db.Querier, f MediatorFilter) ([]*Mediator, error) {
	rows, err := q.QueryContext(ctx, `SELECT m.id, COALESCE(m.user_id, 0), m.name, m.in_person, m.phone_mode, m.video, m.areas, l.level
		FROM mediators m JOIN mediator_languages l ON l.mediator_id = m.id WHERE l.language = ? AND m.active = ? ORDER BY m.name`, f.Language, true)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Mediator
	for rows.Next() {
		m := &Mediator{}
		var areas string
		var lv Level
		if err := rows.Scan(&m.ID, &m.UserID, &m.Name, &m.InPerson, &m.PhoneMode, &m.Video, &areas, &lv); err != nil {
			return nil, err
		}
		for _, a := range strings.Split(areas, ",") {
			if a != "" {
				m.Areas = append(m.Areas, Area(a))
			}
		}
		m.Languages = []Spoken{{Code: f.Language, Level: lv}}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (m *Mediator) AvailableAt(start, end time.Time) bool { return true }

func (s *Store) CheckAlerts(ctx context.Context, tx *db.Tx, id int64) error { return nil }
