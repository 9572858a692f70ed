package questions

import (
	"context"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// NewVersion starts a new version of published question id's answer, a
// draft copy of the published one. The public keeps reading the published
// version until the new one is validated.
func (s *Store) NewVersion(ctx context.Context, u *auth.User, id int64) error {
	return s.step(ctx, ScopeOf(u), id, func(tx *db.Tx, e *Entry) error {
		if !CanDraft(u, e.Question) {
			return errFlowNotExpert
		}
		if e.State != Published || e.AnswerID == 0 {
			return apperr.Conflictf("Si crea una nuova versione solo di una risposta pubblicata.")
		}
		as, err := flowAnswers(ctx, tx, id)
		if err != nil {
			return err
		}
		if flowOpenAnswer(as) != nil {
			return errFlowHasDraft
		}
		cur := flowAnswerByID(as, e.AnswerID)
		d := Draft{Body: cur.Body, References: cur.References}
		if cur.ValidAsOf != nil {
			d.ValidAsOf = *cur.ValidAsOf
		}
		if cur.ReviewBy != nil {
			d.ReviewBy = *cur.ReviewBy
		}
		if err := flowSaveAnswer(ctx, tx, u, id, nil, flowNextVersion(as), d); err != nil {
			return err
		}
		return flowEvent(ctx, tx, u, id, e.State, e.State, "Nuova versione "+flowVersion(flowNextVersion(as))+" in bozza")
	})
}

func flowAnswerByID(as []*Answer, id int64) *Answer {
	for _, a := range as {
		if a.ID == id {
			return a
		}
	}
	return &Answer{}
}

// flowNextVersion numbers a new version after the newest of as.
func flowNextVersion(as []*Answer) int {
	if len(as) == 0 {
		return 1
	}
	return as[0].Version + 1
}
