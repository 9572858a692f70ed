package inspections

import (
	"context"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/files"
)

var (
	errNotPending    = apperr.Conflictf("L'azione non attende una risposta dell'ente gestore.")
	errNotAnswerable = apperr.Forbiddenf("Solo l'ente gestore della struttura risponde all'azione.")
	errNotReviewable = apperr.Forbiddenf("Solo la Prefettura o la commissione chiudono o riaprono l'azione.")
	errClosedAction  = apperr.Conflictf("L'azione è già chiusa.")
)

// Remedy records the managing body's answer to action id, with ups as its
// evidence, kept by fs with their checksums.
func (s *Store) Remedy(ctx context.Context, fs *files.Store, u *auth.User, id int64, remedy string, ups []files.Upload) error {
	remedy = strings.TrimSpace(remedy)
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		a, err := loadAction(ctx, tx, ActionScopeOf(u), id)
		switch {
		case err != nil:
			return err
		case !CanRemedy(u, a):
			return errNotAnswerable
		case !a.Pending():
			return errNotPending
		}
		if err := checkText("remedy", remedy, "Descrivi il rimedio adottato."); err != nil {
			return err
		}
		for _, up := range ups {
			up.Entity, up.EntityID, up.UploadedBy = entityAction, itoa(id), u.ID
			if _, err := fs.Put(ctx, tx, up); err != nil {
				return err
			}
		}
		return setRemedy(ctx, tx, a, u.ID, remedy)
	})
}

func setRemedy(ctx context.Context, tx *db.Tx, a *Action, by int64, remedy string) error {
	_, err := tx.ExecContext(ctx, `UPDATE corrective_actions SET state = ?, remedy = ?, answered_at = ?, answered_by = ?,
		updated_at = ? WHERE id = ?`, string(ActionAnswered), remedy, tx.Now, by, tx.Now, a.ID)
	if err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, entityAction, a.ID, audit.Diff(
		audit.Fields{"state": string(a.State), "remedy": a.Remedy},
		audit.Fields{"state": string(ActionAnswered), "remedy": remedy}))
}

// Review closes (close true) or reopens action id with a note.
func (s *Store) Review(ctx context.Context, u *auth.User, id int64, close bool, note string) error {
	note = strings.TrimSpace(note)
	to := ActionReopened
	if close {
		to = ActionClosed
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		sc := ActionScopeOf(u)
		a, err := loadAction(ctx, tx, sc, id)
		switch {
		case err != nil:
			return err
		case !sc.reviewer():
			return errNotReviewable
		case a.State == ActionClosed && close:
			return errClosedAction
		}
		if err := checkText("note", note, "Scrivi la motivazione."); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE corrective_actions SET state = ?, review_note = ?, reviewed_at = ?,
			reviewed_by = ?, updated_at = ? WHERE id = ?`, string(to), note, tx.Now, u.ID, tx.Now, id)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Update, entityAction, id, audit.Diff(
			audit.Fields{"state": string(a.State), "review_note": a.ReviewNote},
			audit.Fields{"state": string(to), "review_note": note}))
	})
}
