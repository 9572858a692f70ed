package mediation

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Filter narrows the request list; nil fields do not filter.
type Filter struct {
	State    *State
	Language *string
	Offered  bool // only urgent requests offered to the scope's mediator and still open
	From, To *time.Time
	Limit    int
	Offset   int
}

func (f Filter) where(sc Scope) (string, []any) {
	where, args := sc.clause()
	if f.State != nil {
		where, args = where+" AND r.state = ?", append(args, string(*f.State))
	}
	if f.Language != nil {
		where, args = where+" AND r.language = ?", append(args, *f.Language)
	}
	if f.From != nil {
		where, args = where+" AND r.starts_at >= ?", append(args, *f.From)
	}
	if f.To != nil {
		where, args = where+" AND r.starts_at < ?", append(args, *f.To)
	}
	if f.Offered {
		where = where + ` AND r.mediator_id IS NULL AND EXISTS (SELECT 1 FROM mediation_offers o
			WHERE o.request_id = r.id AND o.mediator_id = ? AND o.answer = '')`
		args = append(args, sc.Mediator)
	}
	return where, args
}

// List returns a page of the requests sc reads, the next slots first and
// then the past ones, newest first; and how many there are in all.
func (s *Store) List(ctx context.Context, sc Scope, f Filter) ([]*Request, int, error) {
	where, args := f.where(sc)
	var total int
	if err := s.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM mediation_requests r WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+requestCols+requestFrom+` WHERE `+where+
		` ORDER BY r.starts_at DESC, r.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	out, err := db.Collect(rows, err, scanRequest)
	return out, total, err
}

// Event is one step of a request's timeline.
type Event struct {
	At       time.Time
	UserName string
	From, To State
	Note     string
}

// Events is request id's timeline, oldest first. The caller has read the
// request within its scope.
func (s *Store) Events(ctx context.Context, id int64) ([]Event, error) {
	return events(ctx, s.DB, id)
}

func events(ctx context.Context, q db.Querier, id int64) ([]Event, error) {
	rows, err := q.QueryContext(ctx, `SELECT e.at, COALESCE(u.name, ''), e.from_state, e.to_state, e.note
		FROM mediation_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.request_id = ? ORDER BY e.at, e.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.At, &e.UserName, &e.From, &e.To, &e.Note); err != nil {
			return nil, err
		}
		e.At = e.At.UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}

// Offered reports whether urgent request id is offered to mediator mid
// and still open for them to accept.
func (s *Store) Offered(ctx context.Context, id, mid int64) (bool, error) {
	if mid == 0 {
		return false, nil
	}
	var n int
	err := s.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM mediation_offers WHERE request_id = ? AND mediator_id = ? AND answer = ''`,
		id, mid).Scan(&n)
	return n > 0, err
}

// StateCount is how many requests of sc stand in one state.
type StateCount struct {
	State State
	N     int
}

// Counts is how many requests of sc stand in each open state, in lifecycle
// order: the work waiting for someone.
func (s *Store) Counts(ctx context.Context, sc Scope) ([]StateCount, error) {
	where, args := sc.clause()
	rows, err := s.DB.QueryContext(ctx, `SELECT r.state, COUNT(*) FROM mediation_requests r WHERE `+where+
		` AND r.state IN (?, ?, ?, ?, ?, ?, ?) GROUP BY r.state`, append(args, string(Draft), string(Sent), string(Validated),
		string(Assigned), string(Confirmed), string(Delivered), string(Reported))...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	by := map[State]int{}
	for rows.Next() {
		var st State
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		by[st] = n
	}
	var out []StateCount
	for _, st := range States {
		if by[st] > 0 {
			out = append(out, StateCount{State: st, N: by[st]})
		}
	}
	return out, rows.Err()
}
