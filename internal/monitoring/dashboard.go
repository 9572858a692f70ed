package monitoring

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Horizons of the dashboard's forward-looking figures, in days.
const (
	InspectionHorizon = 30
	ContractHorizon   = 60
	DocumentHorizon   = 30
)

// Figures are the dashboard's numbers on one day.
type Figures struct {
	Today             time.Time
	Active            int // active facilities
	Authorised        int // their authorised places
	Contracted        int // their contracted places
	Presence          Presence
	PlannedSoon       int // inspections planned in the next InspectionHorizon days
	Overdue           int // active facilities past their recurring plan
	ActionsOpen       int
	ActionsReopened   int
	ActionsAnswered   int
	ActionsOverdue    int  // open or reopened past their deadline
	Contestations     *int // nil when no contestations module answers
	ContractsExpiring []Expiring
	DocsExpiring      []Expiring // within DocumentHorizon days
	DocsExpired       []Expiring // of facilities not closed
}

// Expiring is a contract or a document with its end date, for the lists
// that explain the expiry figures.
type Expiring struct {
	Label string // CIG, or document kind
	Owner string // managing body, or facility
	Code  string // facility code for documents
	ID    int64  // contract ID
	Day   time.Time
}

// facilityTotals fills the registry figures; the facilities_state index
// covers the filter.
func facilityTotals(ctx context.Context, q db.Querier, f *Figures) error {
	return q.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(authorised_places), 0), COALESCE(SUM(contracted_places), 0)
		FROM facilities WHERE state = 'active'`).Scan(&f.Active, &f.Authorised, &f.Contracted)
}

// plannedSoon counts the planned inspections due in the horizon, on the
// (state, planned_on) index.
func plannedSoon(ctx context.Context, q db.Querier, f *Figures) error {
	return q.QueryRowContext(ctx, `SELECT COUNT(*) FROM inspections WHERE state = 'planned' AND planned_on >= ? AND planned_on < ?`,
		f.Today, f.Today.AddDate(0, 0, InspectionHorizon+1)).Scan(&f.PlannedSoon)
}

// actionCounts counts the corrective actions by state, and the pending
// ones past their deadline (the rule of inspections.Action.Overdue). Each
// figure is a count of one range of the (state, deadline) index; the late
// ones are a state's actions less those due today or later, the short end
// of the range (the deadline is never NULL), since most open actions at
// national scale are late and counting a range costs a step per entry.
func actionCounts(ctx context.Context, q db.Querier, f *Figures) error {
	var openOnTime, reopenedOnTime int
	err := q.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM corrective_actions WHERE state = 'open'),
		(SELECT COUNT(*) FROM corrective_actions WHERE state = 'reopened'),
		(SELECT COUNT(*) FROM corrective_actions WHERE state = 'answered'),
		(SELECT COUNT(*) FROM corrective_actions WHERE state = 'open' AND deadline >= ?),
		(SELECT COUNT(*) FROM corrective_actions WHERE state = 'reopened' AND deadline >= ?)`, f.Today, f.Today).
		Scan(&f.ActionsOpen, &f.ActionsReopened, &f.ActionsAnswered, &openOnTime, &reopenedOnTime)
	f.ActionsOverdue = f.ActionsOpen - openOnTime + f.ActionsReopened - reopenedOnTime
	return err
}

// contractsExpiring lists the contracts whose last day (extension
// included) falls in the horizon.
func contractsExpiring(ctx context.Context, q db.Querier, f *Figures) error {
	rows, err := q.QueryContext(ctx, `SELECT c.id, c.cig, o.name, COALESCE(c.extended_to, c.expires_on)
		FROM contracts c JOIN organisations o ON o.id = c.managing_body_id
		WHERE COALESCE(c.extended_to, c.expires_on) >= ? AND COALESCE(c.extended_to, c.expires_on) < ?
		ORDER BY 4, c.cig`, f.Today, f.Today.AddDate(0, 0, ContractHorizon+1))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e Expiring
		var day nullDay
		if err := rows.Scan(&e.ID, &e.Label, &e.Owner, &day); err != nil {
			return err
		}
		if day.t != nil {
			e.Day = *day.t
		}
		f.ContractsExpiring = append(f.ContractsExpiring, e)
	}
	return rows.Err()
}

// documents lists the compliance documents of facilities not closed that
// expired before today (expired) or expire within the horizon, on the
// expires_on index.
func documents(ctx context.Context, q db.Querier, f *Figures) error {
	rows, err := q.QueryContext(ctx, `SELECT d.kind, f.code, f.name, d.expires_on
		FROM facility_documents d JOIN facilities f ON f.id = d.facility_id
		WHERE d.expires_on IS NOT NULL AND d.expires_on <= ? AND f.state <> 'closed'
		ORDER BY d.expires_on, f.code`, f.Today.AddDate(0, 0, DocumentHorizon))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e Expiring
		var kind string
		if err := rows.Scan(&kind, &e.Code, &e.Owner, &e.Day); err != nil {
			return err
		}
		e.Label, e.Day = facilities.DocKind(kind).Label(), dayOf(e.Day)
		if e.Day.Before(f.Today) {
			f.DocsExpired = append(f.DocsExpired, e)
		} else {
			f.DocsExpiring = append(f.DocsExpiring, e)
		}
	}
	return rows.Err()
}
