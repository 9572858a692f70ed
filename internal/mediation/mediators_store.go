package mediation

import (
	"context"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

var errNoMediator = apperr.NotFoundf("Mediatore non trovato.")

const mediatorCols = `m.id, COALESCE(m.user_id, 0), m.provider_id, COALESCE(o.name, ''), m.name, m.email, m.phone,
	m.in_person, m.phone_mode, m.video, m.areas, m.notes, m.active, m.ical_token, m.created_at, m.updated_at`

const mediatorFrom = ` FROM mediators m LEFT JOIN organisations o ON o.id = m.provider_id`

func scanMediator(sc db.Scanner) (*Mediator, error) {
	m := &Mediator{}
	var areas string
	err := sc.Scan(&m.ID, &m.UserID, &m.ProviderID, &m.ProviderName, &m.Name, &m.Email, &m.Phone,
		&m.InPerson, &m.PhoneMode, &m.Video, &areas, &m.Notes, &m.Active, &m.ICalToken, &m.CreatedAt, &m.UpdatedAt)
	m.Areas = splitAreas(areas)
	m.CreatedAt, m.UpdatedAt = m.CreatedAt.UTC(), m.UpdatedAt.UTC()
	return m, err
}

// Areas are stored as a comma-separated list of their codes.
func joinAreas(as []Area) string {
	parts := make([]string, 0, len(as))
	for _, a := range Areas {
		for _, x := range as {
			if x == a {
				parts = append(parts, string(a))
				break
			}
		}
	}
	return strings.Join(parts, ",")
}

func splitAreas(s string) []Area {
	var out []Area
	for _, p := range strings.Split(s, ",") {
		if a := Area(strings.TrimSpace(p)); a.Valid() {
			out = append(out, a)
		}
	}
	return out
}

// where is the filter as a condition on the mediator aliased m.
func (f MediatorFilter) where() (string, []any) {
	conds, args := []string{"1=1"}, []any{}
	if len(f.IDs) > 0 {
		conds = append(conds, "m.id IN ("+marks(len(f.IDs))+")")
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	if f.Language != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM mediator_languages fl WHERE fl.mediator_id = m.id AND fl.language = ?)`)
		args = append(args, f.Language)
	}
	if f.Area != "" {
		conds = append(conds, `(',' || m.areas || ',') LIKE ?`)
		args = append(args, "%,"+string(f.Area)+",%")
	}
	if f.ProviderID != 0 {
		conds = append(conds, "m.provider_id = ?")
		args = append(args, f.ProviderID)
	}
	if f.Active != f.Inactive {
		conds = append(conds, "m.active = ?")
		args = append(args, f.Active)
	}
	return strings.Join(conds, " AND "), args
}

// Mediators loads the full profiles (languages, areas, municipalities,
// weekly windows, leave) of the mediators f selects, by name: one query
// for the mediators and one per kind of detail, however many they are.
func Mediators(ctx context.Context, q db.Querier, f MediatorFilter) ([]*Mediator, error) {
	where, args := f.where()
	rows, err := q.QueryContext(ctx, `SELECT `+mediatorCols+mediatorFrom+` WHERE `+where+` ORDER BY m.name, m.id`, args...)
	if err != nil {
		return nil, err
	}
	var out []*Mediator
	byID := map[int64]*Mediator{}
	for rows.Next() {
		m, err := scanMediator(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, m)
		byID[m.ID] = m
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	sub := ` IN (SELECT m.id FROM mediators m WHERE ` + where + `)`
	for _, load := range []func(context.Context, db.Querier, string, []any, map[int64]*Mediator) error{
		loadSpoken, loadMunicipalities, loadWindows, loadLeave} {
		if err := load(ctx, q, sub, args, byID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// mediatorRows runs query and hands fn the scanner of each row.
func mediatorRows(ctx context.Context, q db.Querier, query string, args []any, fn func(scan func(...any) error) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

func loadSpoken(ctx context.Context, q db.Querier, sub string, args []any, byID map[int64]*Mediator) error {
	return mediatorRows(ctx, q, `SELECT ml.mediator_id, ml.language, COALESCE(l.name, ml.language), ml.level
		FROM mediator_languages ml LEFT JOIN mediation_languages l ON l.code = ml.language
		WHERE ml.mediator_id`+sub+` ORDER BY ml.mediator_id, COALESCE(l.position, 0), ml.language`, args,
		func(scan func(...any) error) error {
			var id int64
			var s Spoken
			if err := scan(&id, &s.Code, &s.Name, &s.Level); err != nil {
				return err
			}
			if m := byID[id]; m != nil {
				m.Languages = append(m.Languages, s)
			}
			return nil
		})
}

func loadMunicipalities(ctx context.Context, q db.Querier, sub string, args []any, byID map[int64]*Mediator) error {
	return mediatorRows(ctx, q, `SELECT mm.mediator_id, mm.istat_code FROM mediator_municipalities mm
		LEFT JOIN municipalities mu ON mu.istat_code = mm.istat_code
		WHERE mm.mediator_id`+sub+` ORDER BY mm.mediator_id, mu.name, mm.istat_code`, args,
		func(scan func(...any) error) error {
			var id int64
			var code string
			if err := scan(&id, &code); err != nil {
				return err
			}
			if m := byID[id]; m != nil {
				m.Municipality = append(m.Municipality, code)
			}
			return nil
		})
}

func loadWindows(ctx context.Context, q db.Querier, sub string, args []any, byID map[int64]*Mediator) error {
	return mediatorRows(ctx, q, `SELECT a.mediator_id, a.weekday, a.start_min, a.end_min FROM mediator_availability a
		WHERE a.mediator_id`+sub+` ORDER BY a.mediator_id, a.weekday, a.start_min`, args,
		func(scan func(...any) error) error {
			var id int64
			var w Window
			if err := scan(&id, &w.Weekday, &w.StartMin, &w.EndMin); err != nil {
				return err
			}
			if m := byID[id]; m != nil {
				m.Weekly = append(m.Weekly, w)
			}
			return nil
		})
}

func loadLeave(ctx context.Context, q db.Querier, sub string, args []any, byID map[int64]*Mediator) error {
	return mediatorRows(ctx, q, `SELECT lv.mediator_id, lv.id, lv.from_day, lv.to_day, lv.note FROM mediator_leave lv
		WHERE lv.mediator_id`+sub+` ORDER BY lv.mediator_id, lv.from_day, lv.id`, args,
		func(scan func(...any) error) error {
			var id int64
			var l Leave
			if err := scan(&id, &l.ID, &l.From, &l.To, &l.Note); err != nil {
				return err
			}
			l.From, l.To = l.From.UTC(), l.To.UTC()
			if m := byID[id]; m != nil {
				m.Leave = append(m.Leave, l)
			}
			return nil
		})
}

// loadMediator is mediator id's full profile.
func loadMediator(ctx context.Context, q db.Querier, id int64) (*Mediator, error) {
	ms, err := Mediators(ctx, q, MediatorFilter{IDs: []int64{id}})
	if err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, errNoMediator
	}
	return ms[0], nil
}

// Mediator is mediator id's profile if u may read it: to anyone else it
// does not exist.
func (s *Store) Mediator(ctx context.Context, u *auth.User, id int64) (*Mediator, error) {
	m, err := loadMediator(ctx, s.DB, id)
	if err != nil {
		return nil, err
	}
	if !CanSeeMediator(u, m) {
		return nil, errNoMediator
	}
	return m, nil
}

// ListMediators is the coordinators' register of mediators.
func (s *Store) ListMediators(ctx context.Context, u *auth.User, f MediatorFilter) ([]*Mediator, error) {
	if !CanCoordinate(u) {
		return nil, errNoMediator
	}
	return Mediators(ctx, s.DB, f)
}

// MediatorByToken is the mediator whose calendar feed has secret token.
func (s *Store) MediatorByToken(ctx context.Context, token string) (*Mediator, error) {
	if !validToken(token) {
		return nil, errNoMediator
	}
	m, err := scanMediator(s.DB.QueryRowContext(ctx, `SELECT `+mediatorCols+mediatorFrom+` WHERE m.ical_token = ?`, token))
	if noRows(err) {
		return nil, errNoMediator
	}
	return m, err
}
