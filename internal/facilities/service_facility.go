package facilities

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Facility returns the facility with code if u may see it; otherwise it
// does not exist.
func (s *Store) Facility(ctx context.Context, u *auth.User, code string) (*Facility, error) {
	return facilityByCode(ctx, s.DB, ListScope(u), code)
}

// Facilities returns one page of the facilities u may see matching fl.
func (s *Store) Facilities(ctx context.Context, u *auth.User, fl Filter) ([]*Facility, int, error) {
	return listFacilities(ctx, s.DB, ListScope(u), fl)
}

// CreateFacility registers f with a new permanent code. f.State and
// f.StateSince say where it starts (proposed, today, when unset).
func (s *Store) CreateFacility(ctx context.Context, u *auth.User, f *Facility) error {
	if !CanManage(u) {
		return errForbidden
	}
	if f.State == "" {
		f.State = StateProposed
	}
	if err := f.Validate(); err != nil {
		return err
	}
	if !f.State.Valid() {
		return apperr.Fields{"state": "Scegli lo stato."}.Err()
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error { return createFacility(ctx, tx, f) })
}

// createFacility writes a validated facility with its first history
// periods and its audit entry; the demo seeder calls it directly.
func createFacility(ctx context.Context, tx *db.Tx, f *Facility) error {
	if f.StateSince.IsZero() {
		f.StateSince = tx.Now
	}
	f.StateSince = day(f.StateSince)
	markStateDates(f)
	var err error
	if f.BodyName, err = bodyName(ctx, tx, f.BodyID); err != nil {
		return err
	}
	if f.Code, err = nextCode(ctx, tx, f.System); err != nil {
		return err
	}
	if err := insertFacility(ctx, tx, f); err != nil {
		return err
	}
	if err := recordChanges(ctx, tx, nil, f, f.StateSince); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Create, "facility", f.ID, audit.Diff(nil, f.auditFields()))
}

// markStateDates keeps the opening and closing dates in step with the state.
func markStateDates(f *Facility) {
	since := f.StateSince
	if f.State == StateActive && f.OpenedOn == nil {
		f.OpenedOn = &since
	}
	if f.State == StateClosed {
		f.ClosedOn = &since
	}
}

// bodyName is the name of the active managing body id, or a field error.
func bodyName(ctx context.Context, q db.Querier, id int64) (string, error) {
	if err := isEnteGestore(ctx, q, id); err != nil {
		return "", err
	}
	var name string
	err := q.QueryRowContext(ctx, `SELECT name FROM organisations WHERE id = ?`, id).Scan(&name)
	return name, err
}

// UpdateFacility changes the registry data of the facility with code to
// those of in (everything but code and state), keeping history and audit.
func (s *Store) UpdateFacility(ctx context.Context, u *auth.User, code string, in *Facility) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		before, err := facilityByCode(ctx, tx, ListScope(u), code)
		if err != nil {
			return err
		}
		if !CanEdit(u, before) {
			return errForbidden
		}
		after := *before
		after.Name, after.System, after.Typology, after.Guests = in.Name, in.System, in.Typology, in.Guests
		after.Address, after.ISTATCode, after.BodyID = in.Address, in.ISTATCode, in.BodyID
		after.AuthorisedPlaces, after.ContractedPlaces = in.AuthorisedPlaces, in.ContractedPlaces
		if err := after.Validate(); err != nil {
			return err
		}
		if after.BodyName, err = bodyName(ctx, tx, after.BodyID); err != nil {
			return err
		}
		return saveChange(ctx, tx, before, &after, tx.Now)
	})
}

// saveChange writes after over before with its history and audit entry.
func saveChange(ctx context.Context, tx *db.Tx, before, after *Facility, on time.Time) error {
	if err := updateFacility(ctx, tx, after); err != nil {
		return err
	}
	if err := recordChanges(ctx, tx, before, after, on); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, "facility", after.ID, audit.Diff(before.auditFields(), after.auditFields()))
}

// ChangeState moves the facility with code to state next from day on.
func (s *Store) ChangeState(ctx context.Context, u *auth.User, code string, next State, on time.Time) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		before, err := facilityByCode(ctx, tx, ListScope(u), code)
		if err != nil {
			return err
		}
		if !CanEdit(u, before) {
			return errForbidden
		}
		e := apperr.Fields{}
		e.Check(before.State.CanMoveTo(next), "state", "Questo cambio di stato non è consentito.")
		e.Check(!on.IsZero(), "since", "Indica la data del cambio di stato.")
		e.Check(on.IsZero() || !day(on).Before(before.StateSince), "since", "La data non può precedere quella dello stato attuale.")
		e.Check(!day(on).After(day(tx.Now)), "since", "La data non può essere futura.")
		if err := e.Err(); err != nil {
			return err
		}
		after := *before
		after.State, after.StateSince = next, day(on)
		markStateDates(&after)
		return saveChange(ctx, tx, before, &after, on)
	})
}
