package inspections

import (
	"context"
	"database/sql"
	"sort"
	"time"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

const entityPlan = "inspection_plan"

// AddRecurring stores a recurring plan.
func (s *Store) AddRecurring(ctx context.Context, r *Recurring) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if r.FacilityID != nil {
			if err := checkPlanRefs(ctx, tx, PlanInput{FacilityID: *r.FacilityID}); err != nil {
				return err
			}
		}
		id, err := db.InsertID(ctx, tx, `INSERT INTO inspection_plans (facility_id, months, starts_on, created_at)
			VALUES (?, ?, ?, ?)`, r.FacilityID, r.Months, r.StartsOn, tx.Now)
		if err != nil {
			return err
		}
		r.ID, r.CreatedAt = id, tx.Now
		after := audit.Fields{"months": r.Months, "starts_on": r.StartsOn}
		if r.FacilityID != nil {
			after["facility_id"] = *r.FacilityID
		}
		return audit.Record(ctx, tx, audit.Create, entityPlan, id, audit.Diff(nil, after))
	})
}

// Recurrings lists the recurring plans, those for every facility first.
func (s *Store) Recurrings(ctx context.Context) ([]*Recurring, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT p.id, p.facility_id, COALESCE(f.name, ''), p.months, p.starts_on, p.created_at
		FROM inspection_plans p LEFT JOIN facilities f ON f.id = p.facility_id
		ORDER BY CASE WHEN p.facility_id IS NULL THEN 0 ELSE 1 END, f.name, p.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Recurring
	for rows.Next() {
		r := &Recurring{}
		var fid sql.NullInt64
		if err := rows.Scan(&r.ID, &fid, &r.FacilityName, &r.Months, &r.StartsOn, &r.CreatedAt); err != nil {
			return nil, err
		}
		if fid.Valid {
			r.FacilityID = &fid.Int64
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// dueFacility is an active facility without a planned inspection, with
// the date of its last started one.
type dueFacility struct {
	id         int64
	code, name string
	last       *time.Time
}

// OverdueOn lists the active facilities that, on day today, are past the
// strictest plan that covers them and have no planned inspection; the
// longest overdue first.
func (s *Store) OverdueOn(ctx context.Context, today time.Time) ([]Overdue, error) {
	plans, err := s.Recurrings(ctx)
	if err != nil || len(plans) == 0 {
		return nil, err
	}
	facs, err := overdueCandidates(ctx, s.DB, keptUntil(plans, today))
	if err != nil {
		return nil, err
	}
	var out []Overdue
	for _, f := range facs {
		if o, ok := overdue(f, plans, today); ok {
			out = append(out, o)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out, nil
}

// overdue applies the strictest plan covering f: the one due soonest.
func overdue(f dueFacility, plans []*Recurring, today time.Time) (Overdue, bool) {
	var best *Overdue
	for _, p := range plans {
		if p.FacilityID != nil && *p.FacilityID != f.id {
			continue
		}
		from := p.StartsOn
		if f.last != nil && f.last.After(from) {
			from = *f.last
		}
		o := Overdue{FacilityID: f.id, FacilityCode: f.code, FacilityName: f.name, Months: p.Months,
			Last: f.last, Due: from.AddDate(0, p.Months, 0)}
		if best == nil || o.Due.Before(best.Due) {
			best = &o
		}
	}
	if best == nil || !best.Due.Before(today) {
		return Overdue{}, false
	}
	return *best, true
}

// monthFloor is the least time any number of months lasts, per month:
// adding n months to a date moves it by the lengths of n calendar months,
// 28 days or more each, less an hour where a change to summer time falls
// in between.
const monthFloor = 28 * 24 * time.Hour

// keptUntil is the day from which an inspection keeps a facility within
// every plan on day today: one on or after it falls due, under any plan,
// no earlier than today. It is today less the plans' shortest interval at
// 28 days a month, plus two days for a summer-time hour and for a date
// read as the day of another time zone. Plans count from the last
// inspection or a later start, so a later start only postpones the due
// date.
func keptUntil(plans []*Recurring, today time.Time) time.Time {
	least := plans[0].Months
	for _, p := range plans[1:] {
		least = min(least, p.Months)
	}
	return today.UTC().Add(-time.Duration(least)*monthFloor + 2*24*time.Hour)
}

// overdueCandidates lists the active facilities that may be overdue
// (overdue decides), with the date of their last started inspection: those
// with no inspection planned, nor any inspection on or after since. The
// facility state rule mirrors facilities/kinds.go: only 'active'
// facilities are inspected. The facilities to leave out are read once, on
// the (planned_on, facility_id) index from since on, and on the
// (state, planned_on) index for plans older than since (few: a planned
// inspection is started or cancelled); only the candidates, a fraction of
// the active facilities at national scale, cost a probe for their last
// inspection. Grouping every facility's history (50,000 inspections) took
// several times as long.
func overdueCandidates(ctx context.Context, q db.Querier, since time.Time) ([]dueFacility, error) {
	rows, err := q.QueryContext(ctx, `SELECT f.id, f.code, f.name,
			(SELECT MAX(l.planned_on) FROM inspections l WHERE l.facility_id = f.id AND l.state <> ?)
		FROM facilities f WHERE f.state = 'active' AND f.id NOT IN (
			SELECT r.facility_id FROM inspections r WHERE r.planned_on >= ?
			UNION ALL SELECT p.facility_id FROM inspections p WHERE p.state = ? AND p.planned_on < ?)
		ORDER BY f.name, f.id`, string(Planned), since, string(Planned), since)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dueFacility
	for rows.Next() {
		var f dueFacility
		var last nullTime
		if err := rows.Scan(&f.id, &f.code, &f.name, &last); err != nil {
			return nil, err
		}
		f.last = last.ptr()
		out = append(out, f)
	}
	return out, rows.Err()
}
