package mediation

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Candidate is a mediator who could take a request, with what ranks them.
type Candidate struct {
	*Mediator
	Level     Level
	Available bool // the slot falls in their weekly availability and not on leave
	AreaMatch bool // trained for the area the service needs
	Local     bool // covers the request's municipality
	MonthMin  int  // minutes booked or delivered in the slot's month: workload
}

// Match lists the mediators who speak r's language, work in its mode and
// are free for its slot, best first: available in that slot, then the
// better level of the language, then trained for the service's area, then
// covering the municipality, then the lighter workload in the month. A
// mediator already booked in an overlapping slot is never a candidate;
// busy counts them.
func (s *Store) Match(ctx context.Context, r *Request) (cands []Candidate, busy int, err error) {
	return match(ctx, s.DB, r)
}

func match(ctx context.Context, q db.Querier, r *Request) ([]Candidate, int, error) {
	ms, err := Mediators(ctx, q, MediatorFilter{Language: r.Language, Active: true})
	if err != nil {
		return nil, 0, err
	}
	booked, err := bookedIn(ctx, q, r.Start, r.End, r.ID)
	if err != nil {
		return nil, 0, err
	}
	load, err := monthLoad(ctx, q, r.Start)
	if err != nil {
		return nil, 0, err
	}
	var out []Candidate
	busy := 0
	for _, m := range ms {
		if !m.Offers(r.Mode) {
			continue
		}
		if booked[m.ID] {
			busy++
			continue
		}
		out = append(out, Candidate{Mediator: m, Level: m.levelOf(r.Language), Available: m.AvailableAt(r.Start, r.End),
			AreaMatch: m.HasArea(r.Service.Area()), Local: r.ISTATCode != "" && slices.Contains(m.Municipality, r.ISTATCode),
			MonthMin: load[m.ID]})
	}
	slices.SortStableFunc(out, compareCandidates)
	return out, busy, nil
}

// compareCandidates is the ranking Match documents.
func compareCandidates(a, b Candidate) int {
	return cmp.Or(
		trueFirst(a.Available, b.Available),
		cmp.Compare(a.Level.Rank(), b.Level.Rank()),
		trueFirst(a.AreaMatch, b.AreaMatch),
		trueFirst(a.Local, b.Local),
		cmp.Compare(a.MonthMin, b.MonthMin),
		cmp.Compare(a.Name, b.Name),
	)
}

// trueFirst orders true before false.
func trueFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

func (m *Mediator) levelOf(code string) Level {
	for _, l := range m.Languages {
		if l.Code == code {
			return l.Level
		}
	}
	return ""
}

// bookedStates are the states that hold a mediator's slot.
var bookedStates = []any{string(Assigned), string(Confirmed), string(Delivered), string(Reported)}

// bookedIn is the set of mediators with a booking overlapping [start, end),
// request except excluded.
func bookedIn(ctx context.Context, q db.Querier, start, end time.Time, except int64) (map[int64]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT mediator_id FROM mediation_requests
		WHERE mediator_id IS NOT NULL AND state IN (?, ?, ?, ?) AND starts_at < ? AND starts_at > ? AND ends_at > ? AND id <> ?`,
		append(slices.Clone(bookedStates), end, earliest(start), start, except)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// earliest is the earliest start of a slot that can still be running at
// t: no slot lasts longer than maxSlotMin, so the overlap queries read an
// index range of half a day instead of every earlier request.
func earliest(t time.Time) time.Time { return t.Add(-maxSlotMin * time.Minute) }

// overlaps reports whether mediator id has a booking overlapping
// [start, end) other than request except.
func overlaps(ctx context.Context, q db.Querier, id int64, start, end time.Time, except int64) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM mediation_requests
		WHERE mediator_id = ? AND state IN (?, ?, ?, ?) AND starts_at < ? AND starts_at > ? AND ends_at > ? AND id <> ?`,
		append(append([]any{id}, bookedStates...), end, earliest(start), start, except)...).Scan(&n)
	return n > 0, err
}

// monthLoad is each mediator's minutes booked or delivered in the Rome
// month of t.
func monthLoad(ctx context.Context, q db.Querier, t time.Time) (map[int64]int, error) {
	y, m, _ := t.In(romeZone).Date()
	from := time.Date(y, m, 1, 0, 0, 0, 0, romeZone)
	rows, err := q.QueryContext(ctx, `SELECT mediator_id, SUM(CASE WHEN state IN (?, ?, ?, ?) THEN held_min ELSE counted_min END)
		FROM mediation_requests WHERE mediator_id IS NOT NULL AND starts_at >= ? AND starts_at < ?
		AND state IN (?, ?, ?, ?, ?, ?, ?) GROUP BY mediator_id`,
		append(slices.Clone(bookedStates), from.UTC(), from.AddDate(0, 1, 0).UTC(), string(Assigned), string(Confirmed),
			string(Delivered), string(Reported), string(Approved), string(CancelledLate), string(NoShow))...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var min int
		if err := rows.Scan(&id, &min); err != nil {
			return nil, err
		}
		out[id] = min
	}
	return out, rows.Err()
}
