package mediation

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// LineSummary is a funding line with its ledger, the alert thresholds
// already reached and the balance of each allocation.
type LineSummary struct {
	Line *FundingLine
	Balance
	Alerts      []int
	Allocations []AllocationSummary
}

// AllocationSummary is one organisation's share of a line.
type AllocationSummary struct {
	OrgID   int64
	OrgName string
	Balance
}

// PercentConsumed is the share of the total already consumed, 0 for a
// line of no hours.
func (b Balance) PercentConsumed() float64 {
	if b.TotalMin <= 0 {
		return 0
	}
	return 100 * float64(b.ConsumedMin) / float64(b.TotalMin)
}

// Summaries are every line's summary, in the order of Lines.
func (s *Store) Summaries(ctx context.Context) ([]*LineSummary, error) {
	lines, err := s.Lines(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*LineSummary, 0, len(lines))
	for _, l := range lines {
		sum, err := summaryOf(ctx, s.DB, l)
		if err != nil {
			return nil, err
		}
		out = append(out, sum)
	}
	return out, nil
}

func summaryOf(ctx context.Context, q db.Querier, l *FundingLine) (*LineSummary, error) {
	b, _, err := balanceOf(ctx, q, l, 0)
	if err != nil {
		return nil, err
	}
	sum := &LineSummary{Line: l, Balance: b}
	if sum.Alerts, err = alertsOf(ctx, q, l.ID); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT a.org_id, o.name FROM mediation_allocations a
		JOIN organisations o ON o.id = a.org_id WHERE a.funding_line_id = ? ORDER BY o.name, a.org_id`, l.ID)
	if err != nil {
		return nil, err
	}
	var allocs []AllocationSummary
	for rows.Next() {
		var a AllocationSummary
		if err := rows.Scan(&a.OrgID, &a.OrgName); err != nil {
			rows.Close()
			return nil, err
		}
		allocs = append(allocs, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range allocs {
		if allocs[i].Balance, _, err = balanceOf(ctx, q, l, allocs[i].OrgID); err != nil {
			return nil, err
		}
	}
	sum.Allocations = allocs
	return sum, nil
}

// alertsOf are the thresholds already announced for line id, lowest first.
func alertsOf(ctx context.Context, q db.Querier, id int64) ([]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT threshold FROM mediation_budget_alerts WHERE funding_line_id = ?
		ORDER BY threshold`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var t int
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// LedgerEntry is one request that holds or consumes a line's hours.
type LedgerEntry struct {
	RequestID   int64
	Start       time.Time
	OrgName     string
	Language    string
	Mediator    string
	State       State
	HeldMin     int
	ConsumedMin int
	Overbooked  bool
}

// URL is the request's page.
func (e *LedgerEntry) URL() string { return RequestURL(e.RequestID) }

// ledgerStates are the states that hold or consume hours.
var ledgerStates = []any{string(Assigned), string(Confirmed), string(Delivered), string(Reported),
	string(Approved), string(CancelledLate), string(NoShow)}

// Ledger is one page of the requests holding or consuming line id's hours,
// the latest slot first, and how many there are in all.
func (s *Store) Ledger(ctx context.Context, id int64, limit, offset int) ([]LedgerEntry, int, error) {
	var total int
	err := s.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM mediation_requests WHERE funding_line_id = ?
		AND state IN (?, ?, ?, ?, ?, ?, ?)`, append([]any{id}, ledgerStates...)...).Scan(&total)
	if err != nil {
		return nil, 0, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT r.id, r.starts_at, COALESCE(og.name, ''), COALESCE(l.name, r.language),
		COALESCE(md.name, ''), r.state, r.held_min, r.counted_min, r.overbooked
		FROM mediation_requests r LEFT JOIN organisations og ON og.id = r.org_id
		LEFT JOIN mediation_languages l ON l.code = r.language LEFT JOIN mediators md ON md.id = r.mediator_id
		WHERE r.funding_line_id = ? AND r.state IN (?, ?, ?, ?, ?, ?, ?)
		ORDER BY r.starts_at DESC, r.id DESC LIMIT ? OFFSET ?`,
		append(append([]any{id}, ledgerStates...), limit, offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []LedgerEntry
	for rows.Next() {
		var e LedgerEntry
		var held, counted int
		if err := rows.Scan(&e.RequestID, &e.Start, &e.OrgName, &e.Language, &e.Mediator, &e.State, &held,
			&counted, &e.Overbooked); err != nil {
			return nil, 0, err
		}
		e.Start = e.Start.UTC()
		if e.State.Booked() {
			e.HeldMin = held
		}
		if e.State.Consumes() {
			e.ConsumedMin = counted
		}
		out = append(out, e)
	}
	return out, total, rows.Err()
}
