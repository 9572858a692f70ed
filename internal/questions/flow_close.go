package questions

import (
	"context"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Supersede marks published question id superseded by published question
// by, when the law changed: the FAQ stops showing id as current.
func (s *Store) Supersede(ctx context.Context, u *auth.User, id, by int64) error {
	return s.step(ctx, ScopeOf(u), id, func(tx *db.Tx, e *Entry) error {
		if !CanTriage(u) && !CanValidate(u, e.Question) {
			return errFlowNotValidator
		}
		if e.State != Published {
			return errFlowNotPublished
		}
		target, err := flowLoad(ctx, tx, Scope{All: true}, by)
		if err != nil && apperr.KindOf(err) != apperr.NotFound {
			return err
		}
		if target == nil || by == id || target.State != Published {
			return apperr.Fields{"by": "Indica il numero di un'altra domanda pubblicata."}.Err()
		}
		note := "Superata dalla domanda n. " + flowID(by)
		if err := s.apply(ctx, tx, u, e.Question, move{to: Superseded, note: note, set: map[string]any{"superseded_by": by}}); err != nil {
			return err
		}
		if err := Reindex(ctx, tx, id); err != nil {
			return err
		}
		return s.tell(ctx, tx, u, id, "Risposta superata", "La risposta a «"+e.Title+"» è superata dalla domanda n. "+flowID(by)+".", e.AskerID)
	})
}

// Archive closes question id for good, with the reason why; a published
// one leaves the FAQ.
func (s *Store) Archive(ctx context.Context, u *auth.User, id int64, note string) error {
	if !CanTriage(u) {
		return errFlowNotTriage
	}
	note = strings.TrimSpace(note)
	return s.step(ctx, Scope{All: true}, id, func(tx *db.Tx, e *Entry) error {
		if e.State == Archived {
			return errFlowClosed
		}
		if err := flowCheckText("archive_note", note, "Scrivi perché la domanda viene archiviata."); err != nil {
			return err
		}
		if err := s.apply(ctx, tx, u, e.Question, move{to: Archived, note: note}); err != nil {
			return err
		}
		if err := Reindex(ctx, tx, id); err != nil {
			return err
		}
		return s.tell(ctx, tx, u, id, "Domanda archiviata", "La domanda «"+e.Title+"» è stata archiviata.", e.AskerID)
	})
}
