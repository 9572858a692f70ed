package presences

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

const presenceCols = `id, facility_id, day, present, arrivals, exits_transfer, exits_voluntary, exits_revoca,
	exits_end, exits_other, absences, unjustified, notes, source, late, reported_by, reported_at, updated_at`

func scanPresence(r db.Scanner) (*Presence, error) {
	p := &Presence{}
	var by sql.NullInt64
	dest := []any{&p.ID, &p.FacilityID, &p.Day}
	for _, c := range p.ptrs() {
		dest = append(dest, c)
	}
	dest = append(dest, &p.Notes, &p.Source, &p.Late, &by, &p.ReportedAt, &p.UpdatedAt)
	if err := r.Scan(dest...); err != nil {
		return nil, err
	}
	p.Day, p.ReportedBy = asDay(p.Day), by.Int64
	return p, nil
}

// presenceOn is facility's report for day, nil when there is none.
func presenceOn(ctx context.Context, q db.Querier, facility int64, day time.Time) (*Presence, error) {
	p, err := scanPresence(q.QueryRowContext(ctx, `SELECT `+presenceCols+` FROM presences
		WHERE facility_id = ? AND day = ?`, facility, day))
	if errors.Is(err, db.ErrNotFound) {
		return nil, nil
	}
	return p, err
}

// presencesBetween lists facility's reports from first to last included, by day.
func presencesBetween(ctx context.Context, q db.Querier, facility int64, first, last time.Time) ([]*Presence, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+presenceCols+` FROM presences
		WHERE facility_id = ? AND day >= ? AND day <= ? ORDER BY day`, facility, first, last)
	return db.Collect(rows, err, scanPresence)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func insertPresence(ctx context.Context, tx *db.Tx, p *Presence) error {
	args := []any{p.FacilityID, p.Day}
	for _, v := range p.values() {
		args = append(args, v)
	}
	args = append(args, p.Notes, string(p.Source), p.Late, nullID(p.ReportedBy), p.ReportedAt, nullID(p.ReportedBy), p.UpdatedAt)
	id, err := db.InsertID(ctx, tx, `INSERT INTO presences (facility_id, day, present, arrivals, exits_transfer,
		exits_voluntary, exits_revoca, exits_end, exits_other, absences, unjustified, notes, source, late,
		reported_by, reported_at, updated_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, args...)
	p.ID = id
	if err != nil {
		return err
	}
	return refreshMonth(ctx, tx, p.FacilityID, p.Day)
}

// updatePresence rewrites the figures of a reported day; who first
// reported it, when, and so whether it was late, stay as they were.
func updatePresence(ctx context.Context, tx *db.Tx, p *Presence, by int64) error {
	args := []any{}
	for _, v := range p.values() {
		args = append(args, v)
	}
	args = append(args, p.Notes, string(p.Source), nullID(by), p.UpdatedAt, p.ID)
	_, err := tx.ExecContext(ctx, `UPDATE presences SET present = ?, arrivals = ?, exits_transfer = ?,
		exits_voluntary = ?, exits_revoca = ?, exits_end = ?, exits_other = ?, absences = ?, unjustified = ?,
		notes = ?, source = ?, updated_by = ?, updated_at = ? WHERE id = ?`, args...)
	if err != nil {
		return err
	}
	return refreshMonth(ctx, tx, p.FacilityID, p.Day)
}
