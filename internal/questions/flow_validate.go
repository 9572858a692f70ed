package questions

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

var (
	errFlowNotValidator = apperr.Forbiddenf("Solo un validatore dell'ufficio competente valida le risposte.")
	errFlowNotInReview  = apperr.Conflictf("Non c'è una risposta in validazione.")
	errFlowNotPublished = apperr.Conflictf("Solo una domanda pubblicata può essere superata.")
	errFlowClosed       = apperr.Conflictf("La domanda è già archiviata.")
)

// Review is what the validator sends with a validation: the question's
// title and text, possibly edited to remove personal data, and the
// explicit confirmation needed when the check still finds some.
type Review struct {
	Title   string
	Body    string
	Confirm bool
}

// flowPending loads the version in validation of question e.
func flowPending(ctx context.Context, tx *db.Tx, e *Entry) (*Answer, error) {
	as, err := flowAnswers(ctx, tx, e.ID)
	if err != nil {
		return nil, err
	}
	a := flowOpenAnswer(as)
	if a == nil || a.State != AnswerValidation {
		return nil, errFlowNotInReview
	}
	return a, nil
}

// Validate publishes the answer in validation of question id: the version
// becomes the published one, the question is (re)indexed for the FAQ and
// the asker and the expert are told.
func (s *Store) Validate(ctx context.Context, u *auth.User, id int64, rv Review) error {
	return s.step(ctx, ScopeOf(u), id, func(tx *db.Tx, e *Entry) error {
		if !CanValidate(u, e.Question) {
			return errFlowNotValidator
		}
		a, err := flowPending(ctx, tx, e)
		if err != nil {
			return err
		}
		if err := rv.check(a); err != nil {
			return err
		}
		if err := flowPublish(ctx, tx, u, e, a); err != nil {
			return err
		}
		set := map[string]any{"answer_id": a.ID, "title": rv.Title, "body": rv.Body}
		if e.PublishedAt == nil {
			set["published_at"] = tx.Now
		}
		if e.AnsweredAt == nil {
			set["answered_at"] = tx.Now
		}
		note := "Versione " + flowVersion(a.Version) + " validata"
		if err := s.apply(ctx, tx, u, e.Question, move{to: Published, note: note, set: set}); err != nil {
			return err
		}
		if err := Reindex(ctx, tx, id); err != nil {
			return err
		}
		return s.tell(ctx, tx, u, id, "Risposta validata e pubblicata",
			"La risposta alla domanda «"+rv.Title+"» è stata validata.", e.AskerID, e.ExpertID, a.AuthorID)
	})
}

// check keeps the validator's edits within bounds and refuses to publish
// likely personal data without the explicit confirmation.
func (rv *Review) check(a *Answer) error {
	rv.Title, rv.Body = strings.TrimSpace(rv.Title), strings.TrimSpace(rv.Body)
	f := apperr.Fields{}
	f.Check(utf8.RuneCountInString(rv.Title) >= 10 && utf8.RuneCountInString(rv.Title) <= flowMaxTitle, "title",
		"Il titolo va da 10 a 200 caratteri.")
	f.Check(rv.Body != "" && utf8.RuneCountInString(rv.Body) <= 2*flowMaxText, "body", "Il testo della domanda non può essere vuoto.")
	if err := f.Err(); err != nil {
		return err
	}
	if len(CheckPersonal(rv.Title, rv.Body, a.Body)) > 0 && !rv.Confirm {
		return apperr.Fields{"confirm": "Il controllo segnala possibili dati personali: correggi il testo o conferma che si può pubblicare."}.Err()
	}
	return nil
}

// flowPublish marks a validated by u on behalf of the question's office.
func flowPublish(ctx context.Context, tx *db.Tx, u *auth.User, e *Entry, a *Answer) error {
	_, err := tx.ExecContext(ctx, `UPDATE question_answers SET authority_id = ?, authority_name = ?, validator_id = ?
		WHERE id = ?`, e.OfficeID, e.OfficeName, u.ID, a.ID)
	if err != nil {
		return err
	}
	return flowSetAnswerState(ctx, tx, a, AnswerValidated, "validated_at = ?", tx.Now)
}

// SendBack returns the answer in validation of question id to the expert
// with the validator's comment.
func (s *Store) SendBack(ctx context.Context, u *auth.User, id int64, comment string) error {
	comment = strings.TrimSpace(comment)
	return s.step(ctx, ScopeOf(u), id, func(tx *db.Tx, e *Entry) error {
		if !CanValidate(u, e.Question) {
			return errFlowNotValidator
		}
		a, err := flowPending(ctx, tx, e)
		if err != nil {
			return err
		}
		if err := flowCheckText("comment", comment, "Scrivi che cosa va corretto."); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE question_answers SET validator_id = ?, validator_comment = ? WHERE id = ?`,
			u.ID, comment, a.ID); err != nil {
			return err
		}
		if err := flowSetAnswerState(ctx, tx, a, AnswerReturned, ""); err != nil {
			return err
		}
		if err := s.backToExpert(ctx, tx, u, e, "Rimandata all'esperto: "+comment); err != nil {
			return err
		}
		return s.tell(ctx, tx, u, id, "Risposta da rivedere",
			"Il validatore ha rimandato la risposta a «"+e.Title+"»: "+comment, e.ExpertID, a.AuthorID)
	})
}

// backToExpert records that the work is back with the expert: a question
// in validation returns to drafted, a published one stays published.
func (s *Store) backToExpert(ctx context.Context, tx *db.Tx, u *auth.User, e *Entry, note string) error {
	if e.State == Published {
		return flowEvent(ctx, tx, u, e.ID, e.State, e.State, note)
	}
	return s.apply(ctx, tx, u, e.Question, move{to: Drafted, note: note})
}

// RejectAnswer refuses the answer in validation of question id. A question
// never published is rejected with the reason; a published one keeps its
// validated version and only the new version is refused.
func (s *Store) RejectAnswer(ctx context.Context, u *auth.User, id int64, reason string) error {
	reason = strings.TrimSpace(reason)
	return s.step(ctx, ScopeOf(u), id, func(tx *db.Tx, e *Entry) error {
		if !CanValidate(u, e.Question) {
			return errFlowNotValidator
		}
		a, err := flowPending(ctx, tx, e)
		if err != nil {
			return err
		}
		if err := flowCheckText("answer_reason", reason, "Scrivi il motivo."); err != nil {
			return err
		}
		if err := flowSetAnswerState(ctx, tx, a, AnswerRejected, "validator_comment = ?", reason); err != nil {
			return err
		}
		if e.State == Published {
			return flowEvent(ctx, tx, u, id, e.State, e.State, "Versione "+flowVersion(a.Version)+" respinta: "+reason)
		}
		if err := s.apply(ctx, tx, u, e.Question, move{to: Rejected, note: reason, set: map[string]any{"reject_reason": reason}}); err != nil {
			return err
		}
		return s.tell(ctx, tx, u, id, "Domanda respinta", "La risposta alla domanda «"+e.Title+"» è stata respinta: "+reason,
			e.AskerID, e.ExpertID)
	})
}
