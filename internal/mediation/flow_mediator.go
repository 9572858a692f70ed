package mediation

import (
	"context"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// isAssigned reports whether u is request r's mediator, within sc.
func isAssigned(u *auth.User, sc Scope, r *Request) bool {
	return u.HasRole(auth.RoleMediator) && sc.Mediator != 0 && r.MediatorID == sc.Mediator
}

// Confirm is the assigned mediator's yes to request id.
func (s *Store) Confirm(ctx context.Context, u *auth.User, sc Scope, id int64) error {
	return s.step(ctx, sc, id, func(tx *db.Tx, r *Request) error {
		if !isAssigned(u, sc, r) && !CanCoordinate(u) {
			return errNotMediator
		}
		if r.State != Assigned {
			return errWrongState
		}
		if err := s.apply(ctx, tx, u, r, move{to: Confirmed}); err != nil {
			return err
		}
		return s.tell(ctx, tx, u, r.ID, "Mediazione confermata",
			r.MediatorName+" sarà presente: "+r.LanguageName+", "+rome(r.Start), r.RequesterID)
	})
}

// Decline is the assigned mediator's no to request id: the booking is
// released and the request goes back to the coordinators for matching.
func (s *Store) Decline(ctx context.Context, u *auth.User, sc Scope, id int64, reason string) error {
	return s.step(ctx, sc, id, func(tx *db.Tx, r *Request) error {
		if !isAssigned(u, sc, r) && !CanCoordinate(u) {
			return errNotMediator
		}
		if r.State != Assigned {
			return errWrongState
		}
		if err := offer(ctx, tx, r.ID, r.MediatorID, "declined"); err != nil {
			return err
		}
		err := s.apply(ctx, tx, u, r, move{to: Validated, note: reason, set: map[string]any{
			"mediator_id": nil, "funding_line_id": nil, "held_min": 0, "overbooked": false, "assigned_at": nil}})
		if err != nil {
			return err
		}
		coords, err := coordinatorIDs(ctx, tx)
		if err != nil {
			return err
		}
		return s.tell(ctx, tx, u, r.ID, "Incarico di mediazione rifiutato",
			r.MediatorName+" non può: "+r.LanguageName+", "+rome(r.Start)+". La richiesta va riassegnata.", coords...)
	})
}

// broadcast offers urgent request r to every matching free mediator at
// once; the first to accept takes it.
func (s *Store) broadcast(ctx context.Context, tx *db.Tx, u *auth.User, r *Request) error {
	cands, _, err := match(ctx, tx, r)
	if err != nil {
		return err
	}
	for _, c := range cands {
		if err := offer(ctx, tx, r.ID, c.ID, ""); err != nil {
			return err
		}
		title := "Richiesta di mediazione urgente: chi accetta per primo la prende"
		if r.Urgency == CodiceRosa {
			title = "Codice rosa: mediazione urgente, chi accetta per primo la prende"
		}
		if err := s.tell(ctx, tx, u, r.ID, title, r.LanguageName+", "+r.Service.Label()+", "+rome(r.Start), c.UserID); err != nil {
			return err
		}
	}
	return nil
}

// Accept takes an urgent request offered to the mediator of sc: the first
// to accept is booked and confirmed at once; the others' offers close.
func (s *Store) Accept(ctx context.Context, u *auth.User, sc Scope, id int64) error {
	if sc.Mediator == 0 || !u.HasRole(auth.RoleMediator) {
		return errNoOffer
	}
	return s.step(ctx, sc, id, func(tx *db.Tx, r *Request) error {
		var answer string
		err := tx.QueryRowContext(ctx, `SELECT answer FROM mediation_offers WHERE request_id = ? AND mediator_id = ?`,
			r.ID, sc.Mediator).Scan(&answer)
		if noRows(err) {
			return errNoOffer
		}
		if err != nil {
			return err
		}
		if answer == "taken" || r.MediatorID != 0 || (r.State != Sent && r.State != Validated) {
			return errTaken
		}
		line, held, err := s.book(ctx, tx, r, sc.Mediator, Booking{})
		if err != nil {
			return err
		}
		if err := offer(ctx, tx, r.ID, sc.Mediator, "accepted"); err != nil {
			return err
		}
		if err := s.closeOffers(ctx, tx, r.ID); err != nil {
			return err
		}
		set := map[string]any{"mediator_id": sc.Mediator, "funding_line_id": line.ID, "held_min": held,
			"assigned_at": tx.Now, "confirmed_at": tx.Now}
		if r.ValidatedAt.IsZero() {
			set["validated_at"] = tx.Now
		}
		if err := s.apply(ctx, tx, u, r, move{to: Confirmed, note: "accettata su chiamata urgente", set: set}); err != nil {
			return err
		}
		coords, err := coordinatorIDs(ctx, tx)
		if err != nil {
			return err
		}
		return s.tell(ctx, tx, u, r.ID, "Mediazione urgente coperta",
			u.Name+" ha accettato: "+r.LanguageName+", "+rome(r.Start), append(coords, r.RequesterID)...)
	})
}
