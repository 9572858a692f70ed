package mediation

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// FundingLine is a budget of hours over a period, with the policy that
// counts them.
type FundingLine struct {
	ID       int64
	Name     string
	TotalMin int
	From, To time.Time // dates, inclusive
	Policy   Policy
	Active   bool
}

// Balance is a funding line's (or one allocation's) ledger: minutes held
// by bookings not yet approved, consumed by approved deliveries and
// counted exits, and what remains.
type Balance struct {
	TotalMin    int
	HeldMin     int
	ConsumedMin int
}

// RemainingMin is what is neither held nor consumed; negative when an
// override booked beyond the budget.
func (b Balance) RemainingMin() int { return b.TotalMin - b.HeldMin - b.ConsumedMin }

// Fits reports whether a booking of min minutes fits in what remains.
func (b Balance) Fits(min int) bool { return min <= b.RemainingMin() }

const lineCols = `id, name, total_min, starts_on, ends_on, round_min, minimum_min, travel_counts,
	late_notice_hours, late_counts, active`

func scanLine(sc db.Scanner) (*FundingLine, error) {
	l := &FundingLine{}
	p := &l.Policy
	err := sc.Scan(&l.ID, &l.Name, &l.TotalMin, &l.From, &l.To, &p.RoundMin, &p.MinimumMin, &p.TravelCounts,
		&p.LateNoticeH, &p.LateCounts, &l.Active)
	l.From, l.To = l.From.UTC(), l.To.UTC()
	return l, err
}

// lineFor is the active funding line whose period covers the instant at,
// the oldest first; nil when none does.
func lineFor(ctx context.Context, q db.Querier, at time.Time) (*FundingLine, error) {
	day := dayOf(at)
	l, err := scanLine(q.QueryRowContext(ctx, `SELECT `+lineCols+` FROM mediation_funding_lines
		WHERE active = ? AND starts_on <= ? AND ends_on >= ? ORDER BY id LIMIT 1`, true, day, day))
	if noRows(err) {
		return nil, nil
	}
	return l, err
}

// lineByID is funding line id.
func lineByID(ctx context.Context, q db.Querier, id int64) (*FundingLine, error) {
	return scanLine(q.QueryRowContext(ctx, `SELECT `+lineCols+` FROM mediation_funding_lines WHERE id = ?`, id))
}

// balanceOf is line id's ledger; org, when not 0, narrows it to that
// organisation's allocation (ok false when the line has none for it).
func balanceOf(ctx context.Context, q db.Querier, line *FundingLine, org int64) (b Balance, ok bool, err error) {
	b.TotalMin = line.TotalMin
	where, args := "funding_line_id = ?", []any{line.ID}
	if org != 0 {
		err = q.QueryRowContext(ctx, `SELECT total_min FROM mediation_allocations WHERE funding_line_id = ? AND org_id = ?`,
			line.ID, org).Scan(&b.TotalMin)
		if noRows(err) {
			return Balance{}, false, nil
		}
		if err != nil {
			return Balance{}, false, err
		}
		where, args = where+" AND org_id = ?", append(args, org)
	}
	err = q.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(CASE WHEN state IN (?, ?, ?, ?) THEN held_min ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN state IN (?, ?, ?) THEN counted_min ELSE 0 END), 0)
		FROM mediation_requests WHERE `+where,
		append([]any{string(Assigned), string(Confirmed), string(Delivered), string(Reported),
			string(Approved), string(CancelledLate), string(NoShow)}, args...)...).Scan(&b.HeldMin, &b.ConsumedMin)
	return b, true, err
}

// dayOf is the Rome date of t, at midnight UTC as dates are stored.
func dayOf(t time.Time) time.Time {
	y, m, d := t.In(i18n.Rome).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// LineBalance is funding line id's ledger.
func (s *Store) LineBalance(ctx context.Context, id int64) (Balance, error) {
	line, err := lineByID(ctx, s.DB, id)
	if err != nil {
		return Balance{}, err
	}
	b, _, err := balanceOf(ctx, s.DB, line, 0)
	return b, err
}
