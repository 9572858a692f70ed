package mediation

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/i18n"

	"github.com/crocevia/crocevia/internal/platform/db"
)

const calendarURL = baseURL + "/calendario"

// calendarStates are what a calendar shows: the booked slots and the
// deliveries approved.
var calendarStates = []State{Assigned, Confirmed, Delivered, Reported, Approved}

// CalendarFilter selects the booked requests starting in [From, To);
// MediatorID, when set, narrows them to one mediator's.
type CalendarFilter struct {
	From, To   time.Time
	MediatorID int64
}

// calendarWhere is f in the scope as a condition on the request aliased r.
func calendarWhere(sc Scope, f CalendarFilter) (string, []any) {
	// A mediator's calendar holds the slots booked to them, never the offers.
	scope, sargs := sc.where(false)
	where := `r.state IN (` + marks(len(calendarStates)) + `) AND r.starts_at >= ? AND ` + scope
	args := make([]any, 0, len(calendarStates)+len(sargs)+3)
	for _, st := range calendarStates {
		args = append(args, string(st))
	}
	args = append(append(args, f.From.UTC()), sargs...)
	if !f.To.IsZero() {
		where += ` AND r.starts_at < ?`
		args = append(args, f.To.UTC())
	}
	if f.MediatorID != 0 {
		where += ` AND r.mediator_id = ?`
		args = append(args, f.MediatorID)
	}
	return where, args
}

// Calendar lists the booked and approved requests of f in the scope, by
// start, with the fields a calendar shows (see calendarCols).
func (s *Store) Calendar(ctx context.Context, sc Scope, f CalendarFilter) ([]*Request, error) {
	return calendarRequests(ctx, s.DB, sc, f)
}

func calendarRequests(ctx context.Context, q db.Querier, sc Scope, f CalendarFilter) ([]*Request, error) {
	where, args := calendarWhere(sc, f)
	return scanCalendar(ctx, q, `SELECT `+calendarCols+requestFrom+` WHERE `+where+` ORDER BY r.starts_at, r.id`, args)
}

func scanCalendar(ctx context.Context, q db.Querier, query string, args []any) ([]*Request, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	return db.Collect(rows, err, scanCalendarRequest)
}

// calendarCols are the columns a calendar and a feed show: a busy month
// reads tens of thousands of rows, so the lifecycle's stamps stay out.
const calendarCols = `r.id, r.org_id, COALESCE(og.name, ''), r.service_type, r.kind, r.language, COALESCE(l.name, r.language),
	r.mode, COALESCE(r.istat_code, ''), COALESCE(mu.name, ''), r.place, r.starts_at, r.ends_at, r.state,
	COALESCE(r.mediator_id, 0), COALESCE(md.name, ''), r.updated_at`

func scanCalendarRequest(sc db.Scanner) (*Request, error) {
	r := &Request{}
	err := sc.Scan(&r.ID, &r.OrgID, &r.OrgName, &r.Service, &r.Kind, &r.Language, &r.LanguageName, &r.Mode,
		&r.ISTATCode, &r.Municipality, &r.Place, &r.Start, &r.End, &r.State, &r.MediatorID, &r.MediatorName, &r.UpdatedAt)
	r.Start, r.End, r.UpdatedAt = r.Start.UTC(), r.End.UTC(), r.UpdatedAt.UTC()
	return r, err
}

// CalendarDay is one Rome day of a calendar and the requests starting on it.
type CalendarDay struct {
	Date    time.Time // midnight, Rome
	InMonth bool      // the month view's own month, not a neighbour's
	Today   bool
	Items   []*Request
	More    int // requests left out of a full cell
}

// calendarWeekStart is the Monday of the Rome week holding day.
func calendarWeekStart(day time.Time) time.Time {
	y, m, d := day.In(i18n.Rome).Date()
	t := time.Date(y, m, d, 0, 0, 0, 0, i18n.Rome)
	return t.AddDate(0, 0, 1-mediatorWeekday(t))
}

// monthGrid is the first and the last day (exclusive) of the weeks that
// show the month holding day, Monday to Sunday.
func monthGrid(day time.Time) (first, month, end time.Time) {
	y, m, _ := day.In(i18n.Rome).Date()
	month = time.Date(y, m, 1, 0, 0, 0, 0, i18n.Rome)
	first = calendarWeekStart(month)
	last := month.AddDate(0, 1, -1)
	end = calendarWeekStart(last).AddDate(0, 0, 7)
	return first, month, end
}

// CalendarDays lays the requests of f (From and To being the Rome
// midnights of the first day and of the day after the last) on their Rome
// days, at most perDay on each, the others counted in More; it returns
// the days and how many requests there are in all. month, when set, marks
// the days of that month. Only the requests shown are read whole, so a
// busy month costs a scan of two columns and a page of rows.
func (s *Store) CalendarDays(ctx context.Context, sc Scope, f CalendarFilter, month, today time.Time, perDay int) ([]CalendarDay, int, error) {
	days, index := calendarGrid(f.From, f.To, month, today)
	where, args := calendarWhere(sc, f)
	picked := make([][]int64, len(days))
	var ids []any
	total := 0
	err := mediatorRows(ctx, s.DB, `SELECT r.id, r.starts_at FROM mediation_requests r WHERE `+where+
		` ORDER BY r.starts_at, r.id`, args, func(scan func(...any) error) error {
		var id int64
		var at time.Time
		if err := scan(&id, &at); err != nil {
			return err
		}
		i, ok := index[at.In(i18n.Rome).Format(time.DateOnly)]
		if !ok {
			return nil
		}
		total++
		if len(picked[i]) >= perDay {
			days[i].More++
			return nil
		}
		picked[i] = append(picked[i], id)
		ids = append(ids, id)
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	byID := map[int64]*Request{}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		rs, err := scanCalendar(ctx, s.DB, `SELECT `+calendarCols+requestFrom+` WHERE r.id IN (`+marks(len(chunk))+`)`, chunk)
		if err != nil {
			return nil, 0, err
		}
		for _, r := range rs {
			byID[r.ID] = r
		}
	}
	for i, list := range picked {
		for _, id := range list {
			if r := byID[id]; r != nil {
				days[i].Items = append(days[i].Items, r)
			}
		}
	}
	return days, total, nil
}

// calendarGrid is the days from first to end, Rome time, and each one's
// index by its date.
func calendarGrid(first, end, month, today time.Time) ([]CalendarDay, map[string]int) {
	var days []CalendarDay
	index := map[string]int{}
	for d := first.In(i18n.Rome); d.Before(end); d = d.AddDate(0, 0, 1) {
		index[d.Format(time.DateOnly)] = len(days)
		days = append(days, CalendarDay{Date: d, InMonth: month.IsZero() || d.Month() == month.Month(),
			Today: d.Format(time.DateOnly) == today.In(i18n.Rome).Format(time.DateOnly)})
	}
	return days, index
}
