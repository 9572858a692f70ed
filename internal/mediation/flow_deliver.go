package mediation

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// MarkDelivered records that confirmed request id took place; the
// mediator, the service or a coordinator may say so once the slot began.
func (s *Store) MarkDelivered(ctx context.Context, u *auth.User, sc Scope, id int64) error {
	return s.step(ctx, sc, id, func(tx *db.Tx, r *Request) error {
		if !isAssigned(u, sc, r) && !canAct(u, sc, r) {
			return errNotMediator
		}
		if r.State != Confirmed {
			return errWrongState
		}
		if tx.Now.Before(r.Start) {
			return errNotStarted
		}
		return s.apply(ctx, tx, u, r, move{to: Delivered})
	})
}

// DeliveryReport is the mediator's account of a delivery: actual start and end
// (Rome time, as typed) and travel minutes.
type DeliveryReport struct {
	Day       string
	Start     string
	End       string
	TravelMin int
}

// times parses the report; the end may cross midnight.
func (p DeliveryReport) times() (start, end time.Time, err error) {
	f := apperr.Fields{}
	start, e1 := time.ParseInLocation("2006-01-02 15:04", strings.TrimSpace(p.Day)+" "+strings.TrimSpace(p.Start), romeZone)
	end, e2 := time.ParseInLocation("2006-01-02 15:04", strings.TrimSpace(p.Day)+" "+strings.TrimSpace(p.End), romeZone)
	f.Check(e1 == nil, "actual_start", "Indica l'ora di inizio nel formato hh:mm.")
	f.Check(e2 == nil, "actual_end", "Indica l'ora di fine nel formato hh:mm.")
	if e1 == nil && e2 == nil && !end.After(start) {
		end = end.AddDate(0, 0, 1)
	}
	f.Check(e1 != nil || e2 != nil || end.Sub(start) <= maxSlotMin*time.Minute, "actual_end", "Un intervento dura al massimo 12 ore.")
	f.Check(p.TravelMin >= 0 && p.TravelMin <= 480, "travel", "Il tempo di viaggio va da 0 a 480 minuti.")
	return start.UTC(), end.UTC(), f.Err()
}

// Report records the delivery of request id as the mediator reports it:
// the hours it counts follow the funding line's policy, and the booking
// now holds exactly those.
func (s *Store) Report(ctx context.Context, u *auth.User, sc Scope, id int64, p DeliveryReport) error {
	start, end, err := p.times()
	if err != nil {
		return err
	}
	return s.step(ctx, sc, id, func(tx *db.Tx, r *Request) error {
		if !isAssigned(u, sc, r) && !CanCoordinate(u) {
			return errNotMediator
		}
		if r.State != Confirmed && r.State != Delivered {
			return errWrongState
		}
		if tx.Now.Before(start) || tx.Now.Before(r.Start) {
			return errNotStarted
		}
		line, err := lineByID(ctx, tx, r.FundingLineID)
		if err != nil {
			return err
		}
		counted := line.Policy.Count(int(end.Sub(start)/time.Minute), p.TravelMin)
		set := map[string]any{"actual_start": start, "actual_end": end, "travel_min": p.TravelMin,
			"counted_min": counted, "held_min": counted}
		if r.DeliveredAt.IsZero() {
			set["delivered_at"] = end
		}
		if err := s.apply(ctx, tx, u, r, move{to: Reported, set: set}); err != nil {
			return err
		}
		return s.tell(ctx, tx, u, r.ID, "Mediazione da approvare",
			"Intervento del "+rome(start)+" rendicontato: "+budgetHours(counted)+" ore.", r.RequesterID)
	})
}

// SignOff is the requesting service's approval of a delivery.
type SignOff struct {
	Rating  int
	Comment string
}

// Approve signs off reported request id with a rating: its counted hours
// are consumed from the budget.
func (s *Store) Approve(ctx context.Context, u *auth.User, sc Scope, id int64, so SignOff) error {
	so.Comment = strings.TrimSpace(so.Comment)
	f := apperr.Fields{}
	f.Check(so.Rating >= 1 && so.Rating <= 5, "rating", "Dai un voto da 1 a 5.")
	f.Check(utf8.RuneCountInString(so.Comment) <= maxText, "comment", "Il commento è troppo lungo (massimo 2.000 caratteri).")
	if err := f.Err(); err != nil {
		return err
	}
	return s.step(ctx, sc, id, func(tx *db.Tx, r *Request) error {
		if !canAct(u, sc, r) {
			return errNotRequester
		}
		if r.State != Reported {
			return errWrongState
		}
		err := s.apply(ctx, tx, u, r, move{to: Approved, set: map[string]any{"rating": so.Rating, "rating_comment": so.Comment}})
		if err != nil {
			return err
		}
		if err := s.consumed(ctx, tx, r); err != nil {
			return err
		}
		uid, err := mediatorUser(ctx, tx, r.MediatorID)
		if err != nil {
			return err
		}
		return s.tell(ctx, tx, u, r.ID, "Mediazione approvata", "L'intervento del "+rome(r.ActualStart)+" è stato approvato.", uid)
	})
}

// SendBack returns a reported delivery to the mediator with a note, when
// the service disagrees with the times reported.
func (s *Store) SendBack(ctx context.Context, u *auth.User, sc Scope, id int64, note string) error {
	note, err := required(note, "note", "Spiega cosa va corretto nel rendiconto.")
	if err != nil {
		return err
	}
	return s.step(ctx, sc, id, func(tx *db.Tx, r *Request) error {
		if !canAct(u, sc, r) {
			return errNotRequester
		}
		if r.State != Reported {
			return errWrongState
		}
		if err := s.apply(ctx, tx, u, r, move{to: Delivered, note: note, set: map[string]any{"reported_at": nil}}); err != nil {
			return err
		}
		uid, err := mediatorUser(ctx, tx, r.MediatorID)
		if err != nil {
			return err
		}
		return s.tell(ctx, tx, u, r.ID, "Rendiconto da correggere", note, uid)
	})
}

// Cancel withdraws request id before it takes place. A booked request
// cancelled with less notice than the line's policy asks is late, and
// consumes what the policy says.
func (s *Store) Cancel(ctx context.Context, u *auth.User, sc Scope, id int64, reason string) error {
	reason, err := required(reason, "reason", "Indica il motivo dell'annullamento.")
	if err != nil {
		return err
	}
	return s.step(ctx, sc, id, func(tx *db.Tx, r *Request) error {
		if !canAct(u, sc, r) {
			return errNotRequester
		}
		switch r.State {
		case Draft, Sent, Validated, Assigned, Confirmed:
		default:
			return errWrongState
		}
		to, set := CancelledTime, map[string]any{"exit_reason": reason, "held_min": 0}
		if r.FundingLineID != 0 {
			line, err := lineByID(ctx, tx, r.FundingLineID)
			if err != nil {
				return err
			}
			if line.Policy.Late(tx.Now, r.Start) {
				to, set["counted_min"] = CancelledLate, line.Policy.ExitCount()
			}
		}
		if err := s.closeOffers(ctx, tx, r.ID); err != nil {
			return err
		}
		if err := s.apply(ctx, tx, u, r, move{to: to, note: reason, set: set}); err != nil {
			return err
		}
		if to == CancelledLate {
			if err := s.consumed(ctx, tx, r); err != nil {
				return err
			}
		}
		uid, err := mediatorUser(ctx, tx, r.MediatorID)
		if err != nil {
			return err
		}
		return s.tell(ctx, tx, u, r.ID, "Mediazione annullata", r.LanguageName+", "+rome(r.Start)+": "+reason, uid)
	})
}

// NoShow records that the person to be assisted did not come to confirmed
// request id; it consumes what the line's policy says.
func (s *Store) NoShow(ctx context.Context, u *auth.User, sc Scope, id int64, note string) error {
	return s.step(ctx, sc, id, func(tx *db.Tx, r *Request) error {
		if !isAssigned(u, sc, r) && !canAct(u, sc, r) {
			return errNotRequester
		}
		if r.State != Confirmed && r.State != Delivered {
			return errWrongState
		}
		if tx.Now.Before(r.Start) {
			return errNotStarted
		}
		line, err := lineByID(ctx, tx, r.FundingLineID)
		if err != nil {
			return err
		}
		set := map[string]any{"counted_min": line.Policy.ExitCount(), "held_min": 0, "exit_reason": strings.TrimSpace(note)}
		if err := s.apply(ctx, tx, u, r, move{to: NoShow, note: strings.TrimSpace(note), set: set}); err != nil {
			return err
		}
		return s.consumed(ctx, tx, r)
	})
}

// consumed runs after a request consumed hours of its line: the budget
// alerts check whether a threshold was crossed.
func (s *Store) consumed(ctx context.Context, tx *db.Tx, r *Request) error {
	if r.FundingLineID == 0 {
		return nil
	}
	return s.CheckAlerts(ctx, tx, r.FundingLineID)
}
