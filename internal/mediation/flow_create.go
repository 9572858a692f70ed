package mediation

import (
	"context"
	"slices"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

var (
	errCannotRequest = apperr.Forbiddenf("Solo gli operatori dei servizi pubblici richiedono una mediazione.")
	errPastSlot      = apperr.Conflictf("L'orario richiesto è già passato.")
)

// Create records the form of u as one request, or one per week when it
// repeats, all in one series. With send the requests are sent at once;
// otherwise they stay drafts. It returns the new IDs in slot order.
func (s *Store) Create(ctx context.Context, u *auth.User, f Form, send bool) ([]int64, error) {
	if !CanRequest(u) {
		return nil, errCannotRequest
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	var ids []int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := f.check(ctx, tx, u); err != nil {
			return err
		}
		slots := f.Slots()
		if slots[0].Start.Before(tx.Now) {
			fe := apperr.Fields{}
			fe.Add("day", "L'orario richiesto è già passato.")
			return fe.Err()
		}
		var series int64
		if len(slots) > 1 {
			var err error
			if series, err = db.InsertID(ctx, tx, `INSERT INTO mediation_series (weeks, created_at) VALUES (?, ?)`,
				len(slots), tx.Now); err != nil {
				return err
			}
		}
		for _, sl := range slots {
			id, err := insertRequest(ctx, tx, u, f, sl, series)
			if err != nil {
				return err
			}
			ids = append(ids, id)
			if send {
				r, err := loadRequest(ctx, tx, Scope{All: true}, id)
				if err != nil {
					return err
				}
				if err := s.send(ctx, tx, u, r); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return ids, err
}

// check resolves the language, the municipality and the requesting
// organisation against the database.
func (f *Form) check(ctx context.Context, tx *db.Tx, u *auth.User) error {
	fe := apperr.Fields{}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM mediation_languages WHERE code = ?`, f.Language).Scan(&n); err != nil {
		return err
	}
	fe.Check(n > 0, "language", "Scegli una lingua dell'elenco.")
	if f.ISTATCode != "" {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM municipalities WHERE istat_code = ?`, f.ISTATCode).Scan(&n); err != nil {
			return err
		}
		fe.Check(n > 0, "municipality", "Scegli un comune dell'elenco.")
	}
	orgs := u.OrgsWithRole(auth.RoleServiceOperator)
	if f.OrgID == 0 && len(orgs) > 0 {
		f.OrgID = orgs[0]
	}
	ok := slices.Contains(orgs, f.OrgID)
	if !ok && CanCoordinate(u) && f.OrgID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations WHERE id = ?`, f.OrgID).Scan(&n); err != nil {
			return err
		}
		ok = n > 0
	}
	fe.Check(ok, "org", "Scegli l'ente che richiede la mediazione.")
	return fe.Err()
}

func insertRequest(ctx context.Context, tx *db.Tx, u *auth.User, f Form, sl Slot, series int64) (int64, error) {
	var istat any
	if f.ISTATCode != "" {
		istat = f.ISTATCode
	}
	id, err := db.InsertID(ctx, tx, `INSERT INTO mediation_requests (series_id, org_id, office, requester_id, referent,
		contact, service_type, kind, language, nationality, mode, urgency, istat_code, place, starts_at, ends_at, reason,
		beneficiary, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullID(series), f.OrgID, f.Office, u.ID, f.Referent, f.Contact, string(f.Service), string(f.Kind), f.Language,
		f.Nationality, string(f.Mode), string(f.Urgency), istat, f.Place, sl.Start, sl.End, f.Reason, f.Beneficiary,
		string(Draft), tx.Now, tx.Now)
	if err != nil {
		return 0, err
	}
	if err := event(ctx, tx, u, id, "", Draft, ""); err != nil {
		return 0, err
	}
	return id, audit.Record(ctx, tx, audit.Create, entity, id, audit.Diff(nil, audit.Fields{
		"org_id": f.OrgID, "service_type": string(f.Service), "language": f.Language, "mode": string(f.Mode),
		"urgency": string(f.Urgency), "starts_at": sl.Start, "ends_at": sl.End, "series_id": series, "state": string(Draft)}))
}

// Send sends draft id: the coordinators are told; an urgent request is
// also offered to every matching free mediator at once.
func (s *Store) Send(ctx context.Context, u *auth.User, sc Scope, id int64) error {
	return s.step(ctx, sc, id, func(tx *db.Tx, r *Request) error {
		if !canAct(u, sc, r) {
			return errNotRequester
		}
		if r.State != Draft {
			return errWrongState
		}
		if r.Start.Before(tx.Now) {
			return errPastSlot
		}
		return s.send(ctx, tx, u, r)
	})
}

func (s *Store) send(ctx context.Context, tx *db.Tx, u *auth.User, r *Request) error {
	if err := s.apply(ctx, tx, u, r, move{to: Sent}); err != nil {
		return err
	}
	coords, err := coordinatorIDs(ctx, tx)
	if err != nil {
		return err
	}
	title := "Nuova richiesta di mediazione"
	if r.Urgency.Broadcast() {
		title = "Richiesta di mediazione urgente"
	}
	body := r.LanguageName + ", " + r.Service.Label() + ", " + rome(r.Start)
	if err := s.tell(ctx, tx, u, r.ID, title, body, coords...); err != nil {
		return err
	}
	if r.Urgency.Broadcast() {
		return s.broadcast(ctx, tx, u, r)
	}
	return nil
}

// canAct reports whether u acts for the service that made request r: an
// operator of its organisation, or a coordinator.
func canAct(u *auth.User, sc Scope, r *Request) bool {
	return CanCoordinate(u) || (u.HasRoleIn(auth.RoleServiceOperator, r.OrgID) && sc.InOrgs(r.OrgID))
}
