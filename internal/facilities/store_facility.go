package facilities

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

const facilityColumns = `f.id, f.code, f.name, f.system_type, f.typology, f.guests, f.address, f.istat_code, m.name,
	f.authorised_places, f.contracted_places, f.managing_body_id, o.name, f.state, f.state_since, f.opened_on, f.closed_on,
	f.created_at, f.updated_at`

const facilityFrom = ` FROM facilities f JOIN municipalities m ON m.istat_code = f.istat_code
	JOIN organisations o ON o.id = f.managing_body_id`

func scanFacility(row db.Scanner) (*Facility, error) {
	f := &Facility{}
	var guests string
	var opened, closed nullDate
	err := row.Scan(&f.ID, &f.Code, &f.Name, &f.System, &f.Typology, &guests, &f.Address, &f.ISTATCode, &f.Municipality,
		&f.AuthorisedPlaces, &f.ContractedPlaces, &f.BodyID, &f.BodyName, &f.State, &f.StateSince, &opened, &closed,
		&f.CreatedAt, &f.UpdatedAt)
	if err != nil {
		return nil, err
	}
	f.Guests = parseGuests(guests)
	f.OpenedOn, f.ClosedOn, f.StateSince = opened.ptr(), closed.ptr(), day(f.StateSince)
	return f, nil
}

// nullDate scans a nullable date column.
type nullDate struct{ sql.NullTime }

func (n nullDate) ptr() *time.Time {
	if !n.Valid {
		return nil
	}
	v := day(n.Time)
	return &v
}

// facilityByCode loads the facility with code within scope: outside it the
// facility does not exist, whatever the code.
func facilityByCode(ctx context.Context, q db.Querier, sc Scope, code string) (*Facility, error) {
	where, args := sc.clause("f.managing_body_id")
	f, err := scanFacility(q.QueryRowContext(ctx, `SELECT `+facilityColumns+facilityFrom+
		` WHERE f.code = ? AND `+where, append([]any{strings.ToUpper(code)}, args...)...))
	return f, notFound(err, errFacilityNotFound)
}

// listFacilities returns one page of the facilities matching filter in scope
// and the number of all matches.
func listFacilities(ctx context.Context, q db.Querier, sc Scope, fl Filter) ([]*Facility, int, error) {
	where, args := sc.clause("f.managing_body_id")
	conds := []string{where}
	if fl.ISTATCode != nil {
		conds, args = append(conds, "f.istat_code = ?"), append(args, *fl.ISTATCode)
	}
	if fl.BodyID != nil {
		conds, args = append(conds, "f.managing_body_id = ?"), append(args, *fl.BodyID)
	}
	if fl.System != nil {
		conds, args = append(conds, "f.system_type = ?"), append(args, string(*fl.System))
	}
	if fl.State != nil {
		conds, args = append(conds, "f.state = ?"), append(args, string(*fl.State))
	}
	if fl.Text != nil {
		like := q.Dialect().CaseInsensitiveLike()
		pat := "%" + escapeLike(*fl.Text) + "%"
		conds = append(conds, "(f.name "+like+" ? ESCAPE '\\' OR f.code "+like+" ? ESCAPE '\\')")
		args = append(args, pat, pat)
	}
	cond := " WHERE " + strings.Join(conds, " AND ")
	var total int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM facilities f`+cond, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+facilityColumns+facilityFrom+cond+` ORDER BY f.name, f.code LIMIT ? OFFSET ?`,
		append(args, fl.Limit, fl.Offset)...)
	out, err := db.Collect(rows, err, scanFacility)
	return out, total, err
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.TrimSpace(s))
}

func insertFacility(ctx context.Context, tx *db.Tx, f *Facility) error {
	id, err := db.InsertID(ctx, tx, `INSERT INTO facilities (code, name, system_type, typology, guests, address, istat_code,
		authorised_places, contracted_places, managing_body_id, state, state_since, opened_on, closed_on, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.Code, f.Name, string(f.System), string(f.Typology), f.GuestsText(), f.Address, f.ISTATCode,
		f.AuthorisedPlaces, f.ContractedPlaces, f.BodyID, string(f.State), f.StateSince, f.OpenedOn, f.ClosedOn, tx.Now, tx.Now)
	if err != nil {
		return badReference(err, "istat_code", "Nessun Comune ha questo codice ISTAT.")
	}
	f.ID, f.CreatedAt, f.UpdatedAt = id, tx.Now, tx.Now
	return nil
}

func updateFacility(ctx context.Context, tx *db.Tx, f *Facility) error {
	_, err := tx.ExecContext(ctx, `UPDATE facilities SET name = ?, system_type = ?, typology = ?, guests = ?, address = ?,
		istat_code = ?, authorised_places = ?, contracted_places = ?, managing_body_id = ?, state = ?, state_since = ?,
		opened_on = ?, closed_on = ?, updated_at = ? WHERE id = ?`,
		f.Name, string(f.System), string(f.Typology), f.GuestsText(), f.Address, f.ISTATCode, f.AuthorisedPlaces,
		f.ContractedPlaces, f.BodyID, string(f.State), f.StateSince, f.OpenedOn, f.ClosedOn, tx.Now, f.ID)
	f.UpdatedAt = tx.Now
	return badReference(err, "istat_code", "Nessun Comune ha questo codice ISTAT.")
}
