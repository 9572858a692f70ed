package contestations

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Decide closes the contestation: archived, or with the penalty computed
// from its findings. It waits for the counter-deductions or their deadline.
func (s *Store) Decide(ctx context.Context, u *auth.User, id int64, penalty bool, reason string) error {
	if !CanManage(u) {
		return errForbidden
	}
	reason = strings.TrimSpace(reason)
	return s.step(ctx, u, Scope{All: true}, id, func(tx *db.Tx, c *Contestation) error {
		switch {
		case c.Decided() || c.State == Draft:
			return apperr.Conflictf("La contestazione non è in attesa di decisione.")
		case c.State == Notified && !c.DeadlinePassed(tx.Now):
			return errEarly
		case penalty && c.Total() <= 0:
			return errNoPenalty
		}
		f := apperr.Fields{}
		f.Check(reason != "", "reason", "Motiva la decisione.")
		f.Check(utf8.RuneCountInString(reason) <= maxText, "reason", "La motivazione è troppo lunga (massimo 20.000 caratteri).")
		if err := f.Err(); err != nil {
			return err
		}
		state, decision, amount := Archived, "archived", int64(0)
		if penalty {
			state, decision, amount = Penalised, "penalty", c.Total()
		}
		_, err := tx.ExecContext(ctx, `UPDATE contestations SET state = ?, decision = ?, decision_reason = ?, penalty_cents = ?,
			decided_at = ?, decided_by = ? WHERE id = ?`, string(state), decision, reason, amount, tx.Now, u.ID, id)
		if err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Update, entity, id, audit.Diff(audit.Fields{"state": string(c.State)},
			audit.Fields{"state": string(state), "decision": decision, "decision_reason": reason, "penalty_cents": amount})); err != nil {
			return err
		}
		msg := "La contestazione su " + c.FacilityCode + " è stata archiviata."
		if penalty {
			msg = "Sulla contestazione per " + c.FacilityCode + " è stata applicata una penale."
		}
		return s.tellBody(ctx, tx, c, "Decisione sulla contestazione di addebito", msg)
	})
}

// Execution records how an applied penalty was recovered.
type Execution struct {
	Method    Method
	On        time.Time
	Reference string
}

// Execute records the recovery of penalised id's penalty.
func (s *Store) Execute(ctx context.Context, u *auth.User, id int64, e Execution) error {
	if !CanManage(u) {
		return errForbidden
	}
	e.Reference = strings.TrimSpace(e.Reference)
	return s.step(ctx, u, Scope{All: true}, id, func(tx *db.Tx, c *Contestation) error {
		if c.State != Penalised {
			return errNotPenalty
		}
		f := apperr.Fields{}
		f.Check(e.Method == ByInvoice || e.Method == ByGuarantee, "method", "Scegli come è stata recuperata la penale.")
		f.Check(!e.On.IsZero(), "executed_on", "Indica la data dell'esecuzione.")
		f.Check(e.On.IsZero() || !day(e.On).After(day(tx.Now)), "executed_on", "La data dell'esecuzione non può essere futura.")
		f.Check(e.Reference != "", "execution_reference", "Indica il riferimento della fattura o della cauzione.")
		f.Check(utf8.RuneCountInString(e.Reference) <= 200, "execution_reference", "Il riferimento è troppo lungo (massimo 200 caratteri).")
		if err := f.Err(); err != nil {
			return err
		}
		on := day(e.On)
		_, err := tx.ExecContext(ctx, `UPDATE contestations SET state = ?, execution_method = ?, executed_on = ?,
			execution_reference = ?, executed_at = ?, executed_by = ? WHERE id = ?`,
			string(Executed), string(e.Method), on, e.Reference, tx.Now, u.ID, id)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Update, entity, id, audit.Diff(audit.Fields{"state": string(Penalised)},
			audit.Fields{"state": string(Executed), "execution_method": string(e.Method),
				"executed_on": on.Format(time.DateOnly), "execution_reference": e.Reference}))
	})
}

var errNoDecision = &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
	Fields: map[string]string{"decision": "Scegli se archiviare o applicare la penale."}}
