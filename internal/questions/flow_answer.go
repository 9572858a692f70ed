package questions

import (
	"context"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

var (
	errFlowNotExpert    = apperr.Forbiddenf("Solo l'esperto assegnato scrive la risposta.")
	errFlowNotDraftable = apperr.Conflictf("La risposta non si può modificare in questo stato.")
	errFlowNoDraft      = apperr.Conflictf("Non c'è una bozza di risposta da inviare.")
	errFlowHasDraft     = apperr.Conflictf("Una nuova versione della risposta è già in lavorazione.")
	errFlowNoOffice     = apperr.Conflictf("La domanda non ha un ufficio competente che possa validare la risposta.")
)

// Draft is what the expert writes: the answer, its legal references, its
// dates and the private notes for the validator.
type Draft struct {
	Body       string
	References []Reference
	ValidAsOf  time.Time
	ReviewBy   time.Time // zero: no review date
	Notes      string
}

// Validate checks the draft and drops the empty reference rows.
func (d *Draft) Validate() error {
	d.Body, d.Notes = strings.TrimSpace(d.Body), strings.TrimSpace(d.Notes)
	f := apperr.Fields{}
	f.Check(utf8.RuneCountInString(d.Body) >= 20, "answer", "Scrivi una risposta di almeno 20 caratteri.")
	f.Check(utf8.RuneCountInString(d.Body) <= flowMaxText, "answer", "La risposta è troppo lunga (massimo 20.000 caratteri).")
	f.Check(utf8.RuneCountInString(d.Notes) <= flowMaxText, "notes", "Le note sono troppo lunghe (massimo 20.000 caratteri).")
	f.Check(!d.ValidAsOf.IsZero(), "valid_as_of", "Indica la data a cui la risposta è aggiornata.")
	f.Check(d.ReviewBy.IsZero() || d.ValidAsOf.IsZero() || d.ReviewBy.After(d.ValidAsOf), "review_by",
		"La data di revisione deve seguire quella di aggiornamento.")
	var refs []Reference
	for i, r := range d.References {
		r = Reference{Norm: strings.TrimSpace(r.Norm), Article: strings.TrimSpace(r.Article),
			Circular: strings.TrimSpace(r.Circular), URL: strings.TrimSpace(r.URL)}
		if r == (Reference{}) {
			continue
		}
		key := "ref_url_" + flowID(int64(i))
		f.Check(r.URL == "" || flowValidURL(r.URL), key, "Indica un indirizzo che inizia con http:// o https://.")
		f.Check(r.Norm != "" || r.Circular != "" || r.URL != "", "ref_norm_"+flowID(int64(i)),
			"Indica la norma, la circolare o il collegamento.")
		refs = append(refs, r)
	}
	d.References = refs
	return f.Err()
}

func flowValidURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func flowDateOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return flowDay(t)
}

// SaveDraft saves the answer being written to question id: it updates the
// open draft or starts the first version. A question still assigned
// becomes drafted; a published one keeps showing its validated version.
func (s *Store) SaveDraft(ctx context.Context, u *auth.User, id int64, d Draft) error {
	return s.step(ctx, ScopeOf(u), id, func(tx *db.Tx, e *Entry) error {
		if !CanDraft(u, e.Question) {
			return errFlowNotExpert
		}
		if err := d.Validate(); err != nil {
			return err
		}
		as, err := flowAnswers(ctx, tx, id)
		if err != nil {
			return err
		}
		open := flowOpenAnswer(as)
		switch {
		case open != nil && open.State == AnswerValidation:
			return errFlowNotDraftable
		case open == nil && e.State != Assigned && e.State != Drafted:
			return errFlowNotDraftable
		}
		if err := flowSaveAnswer(ctx, tx, u, id, open, flowNextVersion(as), d); err != nil {
			return err
		}
		if e.State == Assigned {
			return s.apply(ctx, tx, u, e.Question, move{to: Drafted})
		}
		return nil
	})
}

// flowSaveAnswer writes d over the open version, or as version n.
func flowSaveAnswer(ctx context.Context, tx *db.Tx, u *auth.User, qid int64, open *Answer, n int, d Draft) error {
	aid := int64(0)
	if open != nil {
		aid = open.ID
		_, err := tx.ExecContext(ctx, `UPDATE question_answers SET body = ?, valid_as_of = ?, review_by = ?, notes = ?,
			author_id = ?, updated_at = ? WHERE id = ?`, d.Body, flowDateOrNil(d.ValidAsOf), flowDateOrNil(d.ReviewBy), d.Notes, u.ID, tx.Now, aid)
		if err != nil {
			return err
		}
	} else {
		var err error
		aid, err = db.InsertID(ctx, tx, `INSERT INTO question_answers (question_id, version, body, valid_as_of, review_by,
			notes, state, author_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			qid, n, d.Body, flowDateOrNil(d.ValidAsOf), flowDateOrNil(d.ReviewBy), d.Notes, string(AnswerDraft), u.ID, tx.Now, tx.Now)
		if err != nil {
			return err
		}
	}
	if err := flowWriteReferences(ctx, tx, aid, d.References); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, "question_answer", aid, audit.Diff(nil, audit.Fields{
		"question_id": qid, "body": d.Body, "references": len(d.References), "valid_as_of": d.ValidAsOf.Format(time.DateOnly)}))
}

// Submit sends the open draft of question id to the validators of its
// office.
func (s *Store) Submit(ctx context.Context, u *auth.User, id int64) error {
	return s.step(ctx, ScopeOf(u), id, func(tx *db.Tx, e *Entry) error {
		if !CanDraft(u, e.Question) {
			return errFlowNotExpert
		}
		if e.OfficeID == 0 {
			return errFlowNoOffice
		}
		as, err := flowAnswers(ctx, tx, id)
		if err != nil {
			return err
		}
		open := flowOpenAnswer(as)
		if open == nil || open.State == AnswerValidation || e.State == NeedsInfo {
			return errFlowNoDraft
		}
		if err := flowSetAnswerState(ctx, tx, open, AnswerValidation, "submitted_at = ?", tx.Now); err != nil {
			return err
		}
		if e.State == Published {
			err = flowEvent(ctx, tx, u, id, e.State, e.State, "Versione "+flowVersion(open.Version)+" inviata in validazione")
		} else {
			err = s.apply(ctx, tx, u, e.Question, move{to: Validation})
		}
		if err != nil {
			return err
		}
		validators, err := flowValidators(ctx, tx, e.OfficeID)
		if err != nil {
			return err
		}
		if err := s.tell(ctx, tx, u, id, "Risposta da validare",
			"La risposta alla domanda «"+e.Title+"» attende la tua validazione.", validators...); err != nil {
			return err
		}
		if e.State == Published {
			return nil // the asker has their answer; a new version is news once validated
		}
		return s.tell(ctx, tx, u, id, "Risposta in validazione",
			"La risposta alla tua domanda «"+e.Title+"» è pronta e attende la validazione dell'ufficio competente.", e.AskerID)
	})
}

func flowVersion(n int) string { return flowID(int64(n)) }

// flowSetAnswerState moves answer a to state; sets are more "col = ?"
// assignments with their args.
func flowSetAnswerState(ctx context.Context, tx *db.Tx, a *Answer, to AnswerState, sets string, args ...any) error {
	if sets != "" {
		sets = ", " + sets
	}
	args = append(append([]any{string(to)}, args...), tx.Now, a.ID)
	_, err := tx.ExecContext(ctx, `UPDATE question_answers SET state = ?`+sets+`, updated_at = ? WHERE id = ?`, args...)
	if err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, "question_answer", a.ID,
		audit.Diff(audit.Fields{"state": string(a.State)}, audit.Fields{"state": string(to)}))
}
