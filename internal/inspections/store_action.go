package inspections

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

const entityAction = "corrective_action"

var errNoAction = apperr.NotFoundf("Azione correttiva non trovata.")

// ActionFilter narrows the action list; nil fields do not filter.
type ActionFilter struct {
	State        *ActionState
	FacilityCode *string
	InspectionID *int64
}

// createActions turns every non-conforming or partial answer of in into a
// corrective action owed by the facility's managing body, in the signing
// transaction, so a signed verbale always has its actions.
func createActions(ctx context.Context, tx *db.Tx, in *Inspection) error {
	rows, err := tx.QueryContext(ctx, `SELECT a.id, ci.text, a.result, a.severity, a.note, f.managing_body_id
		FROM inspection_answers a JOIN checklist_items ci ON ci.id = a.item_id JOIN facilities f ON f.id = ?
		WHERE a.inspection_id = ? AND a.result IN (?, ?) ORDER BY a.id`,
		in.FacilityID, in.ID, string(NonConforming), string(Partial))
	if err != nil {
		return err
	}
	var found []Action
	for rows.Next() {
		var a Action
		var owner sql.NullInt64
		if err := rows.Scan(&a.ID, &a.ItemText, &a.Result, &a.Severity, &a.Finding, &owner); err != nil {
			rows.Close()
			return err
		}
		a.OwnerID = owner.Int64
		found = append(found, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, a := range found {
		if err := insertAction(ctx, tx, in, a); err != nil {
			return err
		}
	}
	return nil
}

func insertAction(ctx context.Context, tx *db.Tx, in *Inspection, a Action) error {
	var owner any
	if a.OwnerID != 0 {
		owner = a.OwnerID
	}
	deadline := Deadline(tx.Now, a.Severity)
	id, err := db.InsertID(ctx, tx, `INSERT INTO corrective_actions (facility_id, inspection_id, answer_id, owner_id,
		item_text, result, severity, finding, deadline, state, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, in.FacilityID, in.ID, a.ID, owner, a.ItemText,
		string(a.Result), string(a.Severity), a.Finding, deadline, string(ActionOpen), tx.Now, tx.Now)
	if err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Create, entityAction, id, audit.Diff(nil, audit.Fields{
		"inspection_id": in.ID, "answer_id": a.ID, "severity": string(a.Severity), "deadline": deadline, "state": string(ActionOpen)}))
}

const actionCols = `a.id, a.facility_id, f.code, f.name, a.inspection_id, COALESCE(a.owner_id, 0), COALESCE(o.name, ''),
	a.item_text, a.result, a.severity, a.finding, a.deadline, a.state, a.remedy, a.answered_at, a.review_note,
	a.reviewed_at, a.created_at`

const actionFrom = ` FROM corrective_actions a JOIN facilities f ON f.id = a.facility_id
	LEFT JOIN organisations o ON o.id = a.owner_id`

func scanAction(sc db.Scanner) (*Action, error) {
	a := &Action{}
	var answered, reviewed sql.NullTime
	err := sc.Scan(&a.ID, &a.FacilityID, &a.FacilityCode, &a.FacilityName, &a.InspectionID, &a.OwnerID, &a.OwnerName,
		&a.ItemText, &a.Result, &a.Severity, &a.Finding, &a.Deadline, &a.State, &a.Remedy, &answered, &a.ReviewNote,
		&reviewed, &a.CreatedAt)
	a.AnsweredAt, a.ReviewedAt = timePtr(answered), timePtr(reviewed)
	return a, err
}

// Action returns action id if sc covers it: outside it does not exist.
func (s *Store) Action(ctx context.Context, sc ActionScope, id int64) (*Action, error) {
	return loadAction(ctx, s.DB, sc, id)
}

func loadAction(ctx context.Context, q db.Querier, sc ActionScope, id int64) (*Action, error) {
	where, args := sc.clause()
	a, err := scanAction(q.QueryRowContext(ctx, `SELECT `+actionCols+actionFrom+` WHERE a.id = ? AND `+where,
		append([]any{id}, args...)...))
	if err != nil {
		return nil, notFound(err, errNoAction)
	}
	return a, nil
}

// Actions lists the actions in sc matching fl at now, earliest deadline first.
func (s *Store) Actions(ctx context.Context, sc ActionScope, fl ActionFilter, now time.Time) ([]*Action, error) {
	where, args := sc.clause()
	conds := []string{where}
	add := func(cond string, v ...any) { conds, args = append(conds, cond), append(args, v...) }
	if fl.State != nil && *fl.State == ActionOverdue {
		add("a.state IN (?, ?) AND a.deadline < ?", string(ActionOpen), string(ActionReopened), startOfDay(now))
	} else if fl.State != nil {
		add("a.state = ?", string(*fl.State))
	}
	if fl.FacilityCode != nil {
		add("f.code = ?", *fl.FacilityCode)
	}
	if fl.InspectionID != nil {
		add("a.inspection_id = ?", *fl.InspectionID)
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+actionCols+actionFrom+` WHERE `+strings.Join(conds, " AND ")+
		` ORDER BY a.deadline, a.id LIMIT 500`, args...)
	return db.Collect(rows, err, scanAction)
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
