package mediation

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

var (
	errNoLineForSlot = apperr.Conflictf("Nessuna linea di finanziamento attiva copre la data dell'intervento.")
	errDoubleBooked  = apperr.Conflictf("La mediatrice o il mediatore è già impegnato in quell'orario.")
	errNotSuitable   = apperr.Conflictf("La mediatrice o il mediatore non parla la lingua o non lavora nella modalità richiesta.")
	errNoOffer       = apperr.Forbiddenf("Questa richiesta non ti è stata proposta.")
	errTaken         = apperr.Conflictf("Un'altra mediatrice o un altro mediatore ha già accettato la richiesta.")
)

// Validate accepts sent request id for matching: the coordinator checked
// it is admissible.
func (s *Store) Validate(ctx context.Context, u *auth.User, id int64) error {
	if !CanCoordinate(u) {
		return errNotCoordinator
	}
	return s.step(ctx, Scope{All: true}, id, func(tx *db.Tx, r *Request) error {
		if r.State != Sent {
			return errWrongState
		}
		return s.apply(ctx, tx, u, r, move{to: Validated})
	})
}

// Refuse closes request id with a reason the service reads.
func (s *Store) Refuse(ctx context.Context, u *auth.User, id int64, reason string) error {
	if !CanCoordinate(u) {
		return errNotCoordinator
	}
	reason, err := required(reason, "reason", "Indica il motivo del rifiuto.")
	if err != nil {
		return err
	}
	return s.step(ctx, Scope{All: true}, id, func(tx *db.Tx, r *Request) error {
		if r.State != Sent && r.State != Validated {
			return errWrongState
		}
		if err := s.closeOffers(ctx, tx, r.ID); err != nil {
			return err
		}
		if err := s.apply(ctx, tx, u, r, move{to: Refused, note: reason, set: map[string]any{"exit_reason": reason}}); err != nil {
			return err
		}
		return s.tell(ctx, tx, u, r.ID, "Richiesta di mediazione rifiutata", reason, r.RequesterID)
	})
}

// Booking is a coordinator's assignment of a mediator. Override books
// beyond the budget; its reason goes to the audit trail.
type Booking struct {
	MediatorID int64
	Override   bool
	Reason     string
}

// Assign books mediator b.MediatorID for validated request id: the
// mediator must speak the language, work in the mode and be free for the
// slot, and the hours must fit the funding line (and the organisation's
// allocation) unless overridden.
func (s *Store) Assign(ctx context.Context, u *auth.User, id int64, b Booking) error {
	if !CanCoordinate(u) {
		return errNotCoordinator
	}
	b.Reason = strings.TrimSpace(b.Reason)
	if b.Override && b.Reason == "" {
		f := apperr.Fields{}
		f.Add("override_reason", "Indica perché si prenota oltre il budget.")
		return f.Err()
	}
	return s.step(ctx, Scope{All: true}, id, func(tx *db.Tx, r *Request) error {
		if r.State != Validated && r.State != Sent {
			return errWrongState
		}
		line, held, err := s.book(ctx, tx, r, b.MediatorID, b)
		if err != nil {
			return err
		}
		if err := offer(ctx, tx, r.ID, b.MediatorID, "accepted"); err != nil {
			return err
		}
		set := map[string]any{"mediator_id": b.MediatorID, "funding_line_id": line.ID, "held_min": held, "overbooked": b.Override}
		if r.State == Sent {
			set["validated_at"] = tx.Now
		}
		if err := s.apply(ctx, tx, u, r, move{to: Assigned, set: set}); err != nil {
			return err
		}
		uid, err := mediatorUser(ctx, tx, b.MediatorID)
		if err != nil {
			return err
		}
		return s.tell(ctx, tx, u, r.ID, "Nuovo incarico di mediazione da confermare",
			r.LanguageName+", "+r.Service.Label()+", "+rome(r.Start), uid)
	})
}

// book checks that mediator mid may take request r and that its hours fit
// the budget, locking the mediator and the funding line for the rest of
// the transaction so that two bookings cannot both pass the checks.
func (s *Store) book(ctx context.Context, tx *db.Tx, r *Request, mid int64, b Booking) (*FundingLine, int, error) {
	if err := lockRow(ctx, tx, "mediators", mid); err != nil {
		return nil, 0, err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM mediators m JOIN mediator_languages l ON l.mediator_id = m.id
		WHERE m.id = ? AND m.active = ? AND l.language = ? AND (`+modeColumn(r.Mode)+` = ?)`,
		mid, true, r.Language, true).Scan(&n); err != nil {
		return nil, 0, err
	}
	if n == 0 {
		return nil, 0, errNotSuitable
	}
	if busy, err := overlaps(ctx, tx, mid, r.Start, r.End, r.ID); err != nil || busy {
		return nil, 0, firstErr(err, errDoubleBooked)
	}
	line, err := lineFor(ctx, tx, r.Start)
	if err != nil || line == nil {
		return nil, 0, firstErr(err, errNoLineForSlot)
	}
	if err := lockRow(ctx, tx, "mediation_funding_lines", line.ID); err != nil {
		return nil, 0, err
	}
	held := line.Policy.Count(r.Minutes(), 0)
	if err := s.checkBudget(ctx, tx, line, r, held, b); err != nil {
		return nil, 0, err
	}
	return line, held, nil
}

// checkBudget refuses a booking of held minutes beyond what remains of the
// line or of the organisation's allocation, unless b overrides it; an
// override is recorded in the audit trail with its reason.
func (s *Store) checkBudget(ctx context.Context, tx *db.Tx, line *FundingLine, r *Request, held int, b Booking) error {
	total, _, err := balanceOf(ctx, tx, line, 0)
	if err != nil {
		return err
	}
	alloc, hasAlloc, err := balanceOf(ctx, tx, line, r.OrgID)
	if err != nil {
		return err
	}
	fits := total.Fits(held) && (!hasAlloc || alloc.Fits(held))
	if fits {
		return nil
	}
	if !b.Override {
		return apperr.Conflictf("Le ore richieste superano il budget residuo: serve l'autorizzazione del coordinamento.")
	}
	return audit.Record(ctx, tx, "override", entity, r.ID, audit.Diff(nil, audit.Fields{
		"budget_override": b.Reason, "funding_line_id": line.ID, "held_min": held,
		"remaining_min": total.RemainingMin(), "allocation_remaining_min": alloc.RemainingMin()}))
}

func modeColumn(m Mode) string {
	switch m {
	case Phone:
		return "m.phone_mode"
	case Video:
		return "m.video"
	}
	return "m.in_person"
}

// lockRow locks row id of table until the transaction ends. On SQLite the
// transaction already holds the database's write lock from its start.
func lockRow(ctx context.Context, tx *db.Tx, table string, id int64) error {
	var got int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM `+table+` WHERE id = ?`+tx.Dialect().ForUpdate(), id).Scan(&got)
	if noRows(err) {
		return apperr.NotFoundf("Elemento non trovato.")
	}
	return err
}

func firstErr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}

// offer records that request id was offered to mediator mid; answer
// "accepted" when a coordinator booked them directly.
func offer(ctx context.Context, tx *db.Tx, id, mid int64, answer string) error {
	var at any
	if answer != "" {
		at = tx.Now
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO mediation_offers (request_id, mediator_id, offered_at, answer, answered_at)
		VALUES (?, ?, ?, ?, ?)`+tx.Dialect().Upsert("request_id, mediator_id", "answer = excluded.answer, answered_at = excluded.answered_at"),
		id, mid, tx.Now, answer, at)
	return err
}

// closeOffers marks the pending offers of request id as taken: nobody can
// accept them any more.
func (s *Store) closeOffers(ctx context.Context, tx *db.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE mediation_offers SET answer = 'taken', answered_at = ? WHERE request_id = ? AND answer = ''`,
		tx.Now, id)
	return err
}

// required trims s and reports msg on field when it is empty or too long.
func required(s, field, msg string) (string, error) {
	s = strings.TrimSpace(s)
	f := apperr.Fields{}
	f.Check(s != "", field, msg)
	f.Check(utf8.RuneCountInString(s) <= maxText, field, "Il testo è troppo lungo (massimo 2.000 caratteri).")
	return s, f.Err()
}
