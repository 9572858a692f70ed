package facilities

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Fields kept by period in facility_history.
const (
	HistBody       = "managing_body"
	HistAuthorised = "authorised_places"
	HistContracted = "contracted_places"
	HistState      = "state"
	HistPrice      = "price"
)

var historyLabels = map[string]string{
	HistBody:       "Ente gestore",
	HistAuthorised: "Posti autorizzati",
	HistContracted: "Posti in convenzione",
	HistState:      "Stato",
	HistPrice:      "Prezzo per ospite al giorno",
}

// Period is one value a tracked field held from ValidFrom until ValidTo
// (nil: still in force). Label is the value as shown to people.
type Period struct {
	Field     string
	Value     string
	Label     string
	ValidFrom time.Time
	ValidTo   *time.Time
}

// FieldLabel is the tracked field's Italian name.
func (p *Period) FieldLabel() string { return historyLabels[p.Field] }

// tracked is a facility's values kept by period, as field → value, label.
func tracked(f *Facility) map[string][2]string {
	return map[string][2]string{
		HistBody:       {strconv.FormatInt(f.BodyID, 10), f.BodyName},
		HistAuthorised: {strconv.Itoa(f.AuthorisedPlaces), strconv.Itoa(f.AuthorisedPlaces)},
		HistContracted: {strconv.Itoa(f.ContractedPlaces), strconv.Itoa(f.ContractedPlaces)},
		HistState:      {string(f.State), f.State.Label()},
	}
}

// recordChanges opens a new period, from day on, for every tracked value
// that differs between before (nil on creation) and after.
func recordChanges(ctx context.Context, tx *db.Tx, before, after *Facility, on time.Time) error {
	now := tracked(after)
	var was map[string][2]string
	if before != nil {
		was = tracked(before)
	}
	for _, field := range []string{HistState, HistBody, HistAuthorised, HistContracted} {
		if was != nil && was[field][0] == now[field][0] {
			continue
		}
		from := on
		if field == HistState {
			from = after.StateSince
		}
		if err := recordPeriod(ctx, tx, after.ID, field, now[field][0], now[field][1], from); err != nil {
			return err
		}
	}
	return nil
}

// recordPeriod closes the field's current period and opens one with value
// from day from. A second change on the same day corrects that day's
// period instead of leaving an empty one behind.
func recordPeriod(ctx context.Context, tx *db.Tx, facilityID int64, field, value, label string, from time.Time) error {
	from = day(from)
	var id int64
	var start time.Time
	err := tx.QueryRowContext(ctx, `SELECT id, valid_from FROM facility_history
		WHERE facility_id = ? AND field = ? AND valid_to IS NULL`, facilityID, field).Scan(&id, &start)
	switch {
	case errors.Is(err, db.ErrNotFound):
	case err != nil:
		return err
	case !day(start).Before(from):
		_, err = tx.ExecContext(ctx, `UPDATE facility_history SET value = ?, label = ? WHERE id = ?`, value, label, id)
		return err
	default:
		if _, err := tx.ExecContext(ctx, `UPDATE facility_history SET valid_to = ? WHERE id = ?`, from, id); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO facility_history (facility_id, field, value, label, valid_from)
		VALUES (?, ?, ?, ?, ?)`, facilityID, field, value, label, from)
	return err
}

// History is the facility's timeline, latest first.
func (s *Store) History(ctx context.Context, facilityID int64) ([]Period, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT field, value, label, valid_from, valid_to FROM facility_history
		WHERE facility_id = ? ORDER BY valid_from DESC, id DESC`, facilityID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Period
	for rows.Next() {
		var p Period
		var to nullDate
		if err := rows.Scan(&p.Field, &p.Value, &p.Label, &p.ValidFrom, &to); err != nil {
			return nil, err
		}
		p.ValidFrom, p.ValidTo = day(p.ValidFrom), to.ptr()
		out = append(out, p)
	}
	return out, rows.Err()
}
