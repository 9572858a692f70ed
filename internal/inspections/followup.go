package inspections

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

var (
	errNotPlanner   = apperr.Forbiddenf("Solo la Prefettura chiede verifiche e chiude le ispezioni.")
	errNotSigned    = apperr.Conflictf("Serve un verbale firmato.")
	errFollowUpOpen = apperr.Conflictf("C'è già un'ispezione di verifica in corso.")
	errActionsOpen  = apperr.Conflictf("Restano azioni correttive da chiudere: chiudile o chiedi un'ispezione di verifica.")
)

// RequestFollowUp plans a follow-up inspection of signed inspection id on
// plannedOn, with the same commission, and marks id as awaiting it. The
// follow-up's commission then reviews id's corrective actions.
func (s *Store) RequestFollowUp(ctx context.Context, u *auth.User, id int64, plannedOn time.Time) (int64, error) {
	if !CanPlan(u) {
		return 0, errNotPlanner
	}
	f := apperr.Fields{}
	f.Check(!plannedOn.IsZero(), "planned_on", "Indica la data prevista (gg/mm/aaaa o aaaa-mm-gg).")
	if err := f.Err(); err != nil {
		return 0, err
	}
	var followUp int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		in, err := loadInspection(ctx, tx, Scope{All: true}, id)
		switch {
		case err != nil:
			return err
		case in.Phase == FollowUpReq:
			return errFollowUpOpen
		case in.Phase != Signed:
			return errNotSigned
		}
		followUp, err = planFollowUp(ctx, tx, in, plannedOn)
		return err
	})
	return followUp, err
}

// planFollowUp plans the follow-up of in and marks in as awaiting it.
func planFollowUp(ctx context.Context, tx *db.Tx, in *Inspection, plannedOn time.Time) (int64, error) {
	plan := PlanInput{FacilityID: in.FacilityID, Kind: FollowUp, PlannedOn: plannedOn, Members: in.Members}
	id, err := insertInspection(ctx, tx, plan)
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE inspections SET follow_up_of = ? WHERE id = ?`, in.ID, id); err != nil {
		return 0, err
	}
	return id, setPhase(ctx, tx, in, FollowUpReq)
}

// Close ends the life of inspection id once none of its corrective
// actions is pending.
func (s *Store) Close(ctx context.Context, u *auth.User, id int64) error {
	if !CanPlan(u) {
		return errNotPlanner
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		in, err := loadInspection(ctx, tx, Scope{All: true}, id)
		switch {
		case err != nil:
			return err
		case in.Phase != Signed && in.Phase != FollowUpReq:
			return errNotSigned
		}
		return closeSettled(ctx, tx, in)
	})
}

// closeSettled closes in unless some of its actions are still pending.
func closeSettled(ctx context.Context, tx *db.Tx, in *Inspection) error {
	var pending int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM corrective_actions WHERE inspection_id = ? AND state <> ?`,
		in.ID, string(ActionClosed)).Scan(&pending)
	if err != nil {
		return err
	}
	if pending > 0 {
		return errActionsOpen
	}
	if _, err := tx.ExecContext(ctx, `UPDATE inspections SET closed_at = ? WHERE id = ?`, tx.Now, in.ID); err != nil {
		return err
	}
	return setPhase(ctx, tx, in, Closed)
}

// closeFollowedUp closes, when the follow-up in is signed, the inspection
// it followed if every action of that one is settled; otherwise that
// inspection stays awaiting a decision of the Prefettura.
func closeFollowedUp(ctx context.Context, tx *db.Tx, in *Inspection) error {
	if in.FollowUpOf == nil {
		return nil
	}
	orig, err := loadInspection(ctx, tx, Scope{All: true}, *in.FollowUpOf)
	if err != nil || orig.Phase != FollowUpReq {
		return err
	}
	if err := closeSettled(ctx, tx, orig); err != nil && apperr.KindOf(err) != apperr.Conflict {
		return err
	}
	return nil
}

func setPhase(ctx context.Context, tx *db.Tx, in *Inspection, to Phase) error {
	if _, err := tx.ExecContext(ctx, `UPDATE inspections SET state = ?, updated_at = ? WHERE id = ?`,
		string(to), tx.Now, in.ID); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, entityInspection, in.ID, audit.Diff(
		audit.Fields{"state": string(in.Phase)}, audit.Fields{"state": string(to)}))
}

// keepOutcomes stores on the inspections that where selects (signed ones)
// how many of their answers conform, partly conform and do not: the
// verbale is frozen, so the counts never go stale.
func keepOutcomes(ctx context.Context, tx *db.Tx, where string, args ...any) error {
	count := func(result Result) string {
		return `(SELECT COUNT(*) FROM inspection_answers a WHERE a.inspection_id = inspections.id AND a.result = '` + string(result) + `')`
	}
	_, err := tx.ExecContext(ctx, `UPDATE inspections SET conforming = `+count(Conforming)+`, partial = `+count(Partial)+
		`, non_conforming = `+count(NonConforming)+` WHERE `+where, args...)
	return err
}

// FollowUps lists the follow-up inspections of inspection id, oldest first.
func (s *Store) FollowUps(ctx context.Context, sc Scope, id int64) ([]*Inspection, error) {
	where, args := sc.clause()
	return queryInspections(ctx, s.DB, ` WHERE i.follow_up_of = ? AND `+where+` ORDER BY i.planned_on, i.id`,
		append([]any{id}, args...)...)
}
