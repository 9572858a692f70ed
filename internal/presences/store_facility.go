package presences

import (
	"context"
	"errors"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Facility is what presences need of a registry facility.
type Facility struct {
	ID               int64
	Code             string
	Name             string
	State            string
	ISTATCode        string
	Municipality     string
	AuthorisedPlaces int
	ContractedPlaces int
	BodyID           int64
	BodyName         string
	Since            time.Time // the later of state_since and opened_on
	ClosedOn         *time.Time
}

// Active reports whether the facility is expected to report every day.
func (f *Facility) Active() bool { return f.State == "active" }

const facilityCols = `f.id, f.code, f.name, f.state, f.istat_code, m.name, f.authorised_places, f.contracted_places,
	f.managing_body_id, o.name, f.state_since, f.opened_on, f.closed_on
	FROM facilities f JOIN organisations o ON o.id = f.managing_body_id
	JOIN municipalities m ON m.istat_code = f.istat_code`

func scanFacility(r db.Scanner) (*Facility, error) {
	f := &Facility{}
	var opened, closed *time.Time
	err := r.Scan(&f.ID, &f.Code, &f.Name, &f.State, &f.ISTATCode, &f.Municipality, &f.AuthorisedPlaces,
		&f.ContractedPlaces, &f.BodyID, &f.BodyName, &f.Since, &opened, &closed)
	if err != nil {
		return nil, err
	}
	f.Since = asDay(laterOf(f.Since, opened))
	if closed != nil {
		c := asDay(*closed)
		f.ClosedOn = &c
	}
	return f, nil
}

// facilityByCode finds the facility code within sc; outside it the
// facility does not exist.
func facilityByCode(ctx context.Context, q db.Querier, sc scope, code string) (*Facility, error) {
	where, args := sc.clause("f.managing_body_id")
	f, err := scanFacility(q.QueryRowContext(ctx, `SELECT `+facilityCols+` WHERE f.code = ? AND `+where,
		append([]any{code}, args...)...))
	if errors.Is(err, db.ErrNotFound) {
		return nil, apperr.NotFoundf("Struttura non trovata")
	}
	return f, err
}

// FacilityFor finds the facility code among those u may see; any other is
// not found. With Report it serves callers outside this package, such as
// the JSON API.
func FacilityFor(ctx context.Context, q db.Querier, u *auth.User, code string) (*Facility, error) {
	return facilityByCode(ctx, q, scopeOf(u), code)
}

// activePage lists the active facilities within sc on page (by name,
// statusPage at a time) and counts them all.
func activePage(ctx context.Context, q db.Querier, sc scope, page int) ([]*Facility, int, error) {
	where, args := sc.clause("f.managing_body_id")
	where += " AND f.state = 'active'"
	var total int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM facilities f WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+facilityCols+` WHERE `+where+` ORDER BY f.name, f.code LIMIT ? OFFSET ?`,
		append(args, statusPage, (max(page, 1)-1)*statusPage)...)
	out, err := db.Collect(rows, err, scanFacility)
	return out, total, err
}

// facilitiesIn lists the facilities within sc, active ones only when
// activeOnly, by name.
func facilitiesIn(ctx context.Context, q db.Querier, sc scope, activeOnly bool) ([]*Facility, error) {
	where, args := sc.clause("f.managing_body_id")
	if activeOnly {
		where += " AND f.state = 'active'"
	}
	rows, err := q.QueryContext(ctx, `SELECT `+facilityCols+` WHERE `+where+` ORDER BY f.name, f.code`, args...)
	return db.Collect(rows, err, scanFacility)
}
