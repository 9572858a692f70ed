package inspections

import (
	"context"
	"errors"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/files"
)

// demoSign signs one draft-report inspection, one of body's facilities
// when there is one, so the demo has corrective actions; the body answers
// the first of them.
func demoSign(ctx context.Context, tx *db.Tx, body int64, users map[auth.Role]int64) error {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT i.id FROM inspections i JOIN facilities f ON f.id = i.facility_id
		WHERE i.state = ? ORDER BY CASE WHEN f.managing_body_id = ? THEN 0 ELSE 1 END, i.planned_on DESC LIMIT 1`,
		string(DraftReport), body).Scan(&id)
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := demoSignOne(ctx, tx, id, users); err != nil {
		return err
	}
	return demoRemedy(ctx, tx, id, body, users[auth.RoleFacilityManager])
}

// demoSignOne signs draft report id as the demo inspector, who presides
// every demo commission, and opens its corrective actions.
func demoSignOne(ctx context.Context, tx *db.Tx, id int64, users map[auth.Role]int64) error {
	in, err := loadInspection(ctx, tx, Scope{All: true}, id)
	if err != nil {
		return err
	}
	president := &auth.User{ID: users[auth.RoleInspector]}
	if err := tx.QueryRowContext(ctx, `SELECT name FROM users WHERE id = ?`, president.ID).Scan(&president.Name); err != nil {
		return err
	}
	// The verbale goes to the database backend, which writes through tx
	// only: no pool is needed inside the seed transaction.
	fs, err := files.New(nil, files.Config{})
	if err != nil {
		return err
	}
	if _, err := signVerbale(ctx, tx, fs, president, in); err != nil {
		return err
	}
	return createActions(ctx, tx, in)
}

// demoAftermath takes draft report id on to phase: signed, its actions
// answered and closed and the inspection closed; or signed with a
// follow-up inspection planned in ten days.
func demoAftermath(ctx context.Context, tx *db.Tx, id int64, phase Phase, today time.Time, users map[auth.Role]int64) error {
	if err := demoSignOne(ctx, tx, id, users); err != nil {
		return err
	}
	in, err := loadInspection(ctx, tx, Scope{All: true}, id)
	if err != nil {
		return err
	}
	if phase == FollowUpReq {
		_, err := planFollowUp(ctx, tx, in, today.AddDate(0, 0, 10))
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE corrective_actions SET state = ?, remedy = ?, answered_at = ?, answered_by = ?,
		review_note = ?, reviewed_at = ?, reviewed_by = ?, updated_at = ? WHERE inspection_id = ?`,
		string(ActionClosed), "Intervento eseguito entro la scadenza.", tx.Now, nullID(users[auth.RoleFacilityManager]),
		"Verificato con la documentazione trasmessa.", tx.Now, nullID(users[auth.RolePrefettura]), tx.Now, id)
	if err != nil {
		return err
	}
	return closeSettled(ctx, tx, in)
}

func demoRemedy(ctx context.Context, tx *db.Tx, inspection, body, manager int64) error {
	var actionID int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM corrective_actions WHERE inspection_id = ? AND owner_id = ? ORDER BY id LIMIT 1`,
		inspection, body).Scan(&actionID)
	if errors.Is(err, db.ErrNotFound) || manager == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	a, err := loadAction(ctx, tx, ActionScope{All: true}, actionID)
	if err != nil {
		return err
	}
	return setRemedy(ctx, tx, a, manager, "Intervento eseguito: allegata la documentazione all'ufficio della Prefettura.")
}
