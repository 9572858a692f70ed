package questions

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

var (
	errFlowNotTriage  = apperr.Forbiddenf("Solo il coordinamento delle domande smista le domande.")
	errFlowNotPending = apperr.Conflictf("La domanda non è più in attesa di smistamento.")
	errFlowNotNeeded  = apperr.Conflictf("Alla domanda non sono state chieste informazioni.")
	errFlowCannotInfo = apperr.Forbiddenf("Solo chi ha fatto la domanda, o la sua organizzazione, aggiunge le informazioni.")
)

// flowTriageable are the states a coordinator may still route from.
func flowTriageable(s State) bool {
	return s == Submitted || s == Triage || s == NeedsInfo || s == Assigned
}

// Assignment routes a question: the competent office, the expert who
// drafts the answer, the due date.
type Assignment struct {
	OfficeID int64
	ExpertID int64
	DueOn    time.Time
}

// Assign routes question id to an office and an expert with a due date.
// The asker and the expert are told.
func (s *Store) Assign(ctx context.Context, u *auth.User, id int64, a Assignment) error {
	if !CanTriage(u) {
		return errFlowNotTriage
	}
	return s.step(ctx, Scope{All: true}, id, func(tx *db.Tx, e *Entry) error {
		if !flowTriageable(e.State) {
			return errFlowNotPending
		}
		if err := a.check(ctx, tx, tx.Now); err != nil {
			return err
		}
		due := flowDay(a.DueOn)
		err := s.apply(ctx, tx, u, e.Question, move{to: Assigned, set: map[string]any{
			"office_id": a.OfficeID, "expert_id": a.ExpertID, "due_on": due, "info_request": ""}})
		if err != nil {
			return err
		}
		if err := s.tell(ctx, tx, u, id, "Domanda presa in carico",
			"La tua domanda «"+e.Title+"» è stata assegnata: risposta attesa entro il "+due.Format("02/01/2006")+".", e.AskerID); err != nil {
			return err
		}
		return s.tell(ctx, tx, u, id, "Nuova domanda assegnata",
			"Ti è stata assegnata la domanda «"+e.Title+"», da rispondere entro il "+due.Format("02/01/2006")+".", a.ExpertID)
	})
}

func (a Assignment) check(ctx context.Context, tx *db.Tx, now time.Time) error {
	f := apperr.Fields{}
	okOffice, err := flowOrgExists(ctx, tx, a.OfficeID)
	if err != nil {
		return err
	}
	f.Check(a.OfficeID != 0 && okOffice, "office", "Scegli l'ufficio competente.")
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.user_id = ? AND m.role = ? AND u.active = ?`, a.ExpertID, string(auth.RoleExpert), true).Scan(&n); err != nil {
		return err
	}
	f.Check(n > 0, "expert", "Scegli un esperto dell'elenco.")
	f.Check(!a.DueOn.IsZero(), "due_on", "Indica la scadenza.")
	f.Check(a.DueOn.IsZero() || !flowDay(a.DueOn).Before(flowDay(now)), "due_on", "La scadenza non può essere passata.")
	return f.Err()
}

// Merge closes question id as a duplicate of another question, which
// stays: id is archived with merged_into set.
func (s *Store) Merge(ctx context.Context, u *auth.User, id, into int64) error {
	if !CanTriage(u) {
		return errFlowNotTriage
	}
	return s.step(ctx, Scope{All: true}, id, func(tx *db.Tx, e *Entry) error {
		if !flowTriageable(e.State) {
			return errFlowNotPending
		}
		target, err := flowLoad(ctx, tx, Scope{All: true}, into)
		if err != nil && apperr.KindOf(err) != apperr.NotFound {
			return err
		}
		if target == nil || into == id || target.State == Archived || target.State == Rejected {
			return apperr.Fields{"into": "Indica il numero di un'altra domanda aperta o pubblicata."}.Err()
		}
		note := "Unita alla domanda n. " + flowID(into)
		if err := s.apply(ctx, tx, u, e.Question, move{to: Archived, note: note, set: map[string]any{"merged_into": into}}); err != nil {
			return err
		}
		if err := Reindex(ctx, tx, id); err != nil {
			return err
		}
		return s.tell(ctx, tx, u, id, "Domanda unita a un'altra",
			"La tua domanda «"+e.Title+"» tratta lo stesso caso della domanda n. "+flowID(into)+": seguirà quella.", e.AskerID)
	})
}

// Reject closes question id with a reason the asker reads.
func (s *Store) Reject(ctx context.Context, u *auth.User, id int64, reason string) error {
	if !CanTriage(u) {
		return errFlowNotTriage
	}
	reason = strings.TrimSpace(reason)
	return s.step(ctx, Scope{All: true}, id, func(tx *db.Tx, e *Entry) error {
		if !flowTriageable(e.State) {
			return errFlowNotPending
		}
		if err := flowCheckText("reason", reason, "Scrivi il motivo."); err != nil {
			return err
		}
		if err := s.apply(ctx, tx, u, e.Question, move{to: Rejected, note: reason, set: map[string]any{"reject_reason": reason}}); err != nil {
			return err
		}
		return s.tell(ctx, tx, u, id, "Domanda respinta", "La tua domanda «"+e.Title+"» è stata respinta: "+reason, e.AskerID)
	})
}

func flowCheckText(field, text, missing string) error {
	f := apperr.Fields{}
	f.Check(text != "", field, missing)
	f.Check(utf8.RuneCountInString(text) <= flowMaxText, field, "Il testo è troppo lungo (massimo 20.000 caratteri).")
	return f.Err()
}

// RequestInfo asks the asker of question id for more information: a
// coordinator during triage, or the assigned expert.
func (s *Store) RequestInfo(ctx context.Context, u *auth.User, id int64, request string) error {
	request = strings.TrimSpace(request)
	return s.step(ctx, ScopeOf(u), id, func(tx *db.Tx, e *Entry) error {
		if !CanDraft(u, e.Question) {
			return errFlowNotTriage
		}
		if !flowTriageable(e.State) && e.State != Drafted {
			return errFlowNotPending
		}
		if err := flowCheckText("info_request", request, "Scrivi che cosa serve sapere."); err != nil {
			return err
		}
		if err := s.apply(ctx, tx, u, e.Question, move{to: NeedsInfo, note: request, set: map[string]any{"info_request": request}}); err != nil {
			return err
		}
		return s.tell(ctx, tx, u, id, "Servono informazioni sulla tua domanda",
			"Per rispondere a «"+e.Title+"» serve sapere: "+request, e.AskerID)
	})
}

// AddInfo appends the asker's information to question id and returns it
// to the expert, or to triage when none is assigned yet.
func (s *Store) AddInfo(ctx context.Context, u *auth.User, id int64, info string) error {
	info = strings.TrimSpace(info)
	return s.step(ctx, ScopeOf(u), id, func(tx *db.Tx, e *Entry) error {
		if e.State != NeedsInfo {
			return errFlowNotNeeded
		}
		if !CanAddInfo(u, e.Question) {
			return errFlowCannotInfo
		}
		if err := flowCheckText("info", info, "Scrivi le informazioni richieste."); err != nil {
			return err
		}
		to := Triage
		if e.ExpertID != 0 {
			to = Assigned
		}
		body := e.Body + "\n\n— Informazioni aggiunte il " + tx.Now.Format("02/01/2006") + ":\n" + info
		if utf8.RuneCountInString(body) > 2*flowMaxText {
			return apperr.Fields{"info": "Il testo è troppo lungo (massimo 20.000 caratteri)."}.Err()
		}
		if err := s.apply(ctx, tx, u, e.Question, move{to: to, note: info, set: map[string]any{"body": body, "info_request": ""}}); err != nil {
			return err
		}
		return s.tell(ctx, tx, u, id, "Informazioni aggiunte", "Sono arrivate le informazioni richieste su «"+e.Title+"».", e.ExpertID)
	})
}
