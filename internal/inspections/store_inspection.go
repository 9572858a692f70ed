package inspections

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
)

const entityInspection = "inspection"

var errNoInspection = apperr.NotFoundf("Ispezione non trovata.")

// Filter narrows the inspection list; nil fields do not filter.
type Filter struct {
	Phase      *Phase
	FacilityID *int64
	// FacilityCode is the facility as people type it: a select of every
	// inspected facility would list thousands.
	FacilityCode *string
	Kind         *Kind
	MemberID     *int64 // only inspections whose commission includes this user
}

const inspectionCols = `i.id, i.facility_id, f.code, f.name, i.kind, i.planned_on, i.state, i.version_id,
	i.guests_declared, i.guests_counted, i.created_at, i.updated_at, i.started_at, i.drafted_at,
	i.follow_up_of, i.closed_at,
	(SELECT COUNT(*) FROM inspection_answers a WHERE a.inspection_id = i.id AND a.result <> ''),
	(SELECT COUNT(*) FROM inspection_answers a WHERE a.inspection_id = i.id)`

const inspectionFrom = ` FROM inspections i JOIN facilities f ON f.id = i.facility_id`

func scanInspection(sc db.Scanner) (*Inspection, error) {
	in := &Inspection{}
	var version, declared, counted, followed sql.NullInt64
	var started, drafted, closed sql.NullTime
	err := sc.Scan(&in.ID, &in.FacilityID, &in.FacilityCode, &in.FacilityName, &in.Kind, &in.PlannedOn, &in.Phase,
		&version, &declared, &counted, &in.CreatedAt, &in.UpdatedAt, &started, &drafted, &followed, &closed,
		&in.Answered, &in.Total)
	if version.Valid {
		in.VersionID = &version.Int64
	}
	if followed.Valid {
		in.FollowUpOf = &followed.Int64
	}
	in.ClosedAt = timePtr(closed)
	in.GuestsDeclared, in.GuestsCounted = intPtr(declared), intPtr(counted)
	in.StartedAt, in.DraftedAt = timePtr(started), timePtr(drafted)
	return in, err
}

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

func timePtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	v := t.Time
	return &v
}

// Inspection returns inspection id with its commission, if sc covers it:
// outside the scope it does not exist, whatever the ID.
func (s *Store) Inspection(ctx context.Context, sc Scope, id int64) (*Inspection, error) {
	return loadInspection(ctx, s.DB, sc, id)
}

func loadInspection(ctx context.Context, q db.Querier, sc Scope, id int64) (*Inspection, error) {
	where, args := sc.clause()
	in, err := scanInspection(q.QueryRowContext(ctx, `SELECT `+inspectionCols+inspectionFrom+` WHERE i.id = ? AND `+where,
		append([]any{id}, args...)...))
	if err != nil {
		return nil, notFound(err, errNoInspection)
	}
	in.Members, err = members(ctx, q, id)
	return in, err
}

func members(ctx context.Context, q db.Querier, id int64) ([]Member, error) {
	rows, err := q.QueryContext(ctx, `SELECT m.user_id, u.name, m.role FROM inspection_members m
		JOIN users u ON u.id = m.user_id WHERE m.inspection_id = ?
		ORDER BY CASE m.role WHEN 'president' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, u.name`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		if err := rows.Scan(&m.UserID, &m.Name, &m.Role); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Inspections lists the inspections in sc matching fl, latest date first.
func (s *Store) Inspections(ctx context.Context, sc Scope, fl Filter) ([]*Inspection, error) {
	where, args := sc.clause()
	conds := []string{where}
	add := func(cond string, v any) { conds, args = append(conds, cond), append(args, v) }
	if fl.Phase != nil {
		add("i.state = ?", string(*fl.Phase))
	}
	if fl.FacilityID != nil {
		add("i.facility_id = ?", *fl.FacilityID)
	}
	if fl.FacilityCode != nil {
		add("f.code = ?", *fl.FacilityCode)
	}
	if fl.Kind != nil {
		add("i.kind = ?", string(*fl.Kind))
	}
	if fl.MemberID != nil {
		add("EXISTS (SELECT 1 FROM inspection_members mm WHERE mm.inspection_id = i.id AND mm.user_id = ?)", *fl.MemberID)
	}
	return queryInspections(ctx, s.DB, ` WHERE `+strings.Join(conds, " AND ")+
		` ORDER BY i.planned_on DESC, i.id DESC LIMIT 200`, args...)
}

// queryInspections reads the inspections that tail (WHERE, ORDER BY)
// selects, without their commissions.
func queryInspections(ctx context.Context, q db.Querier, tail string, args ...any) ([]*Inspection, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+inspectionCols+inspectionFrom+tail, args...)
	return db.Collect(rows, err, scanInspection)
}
