package mediation

import (
	"context"
	"strconv"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// What a mediator changes of their own profile, as the coordinators do of
// any: the weekly availability, leave and the feed's secret.

// editableMediator loads mediator id for a change of availability, leave or feed
// secret by u: the coordinators and the mediator themselves; to anyone
// else the mediator does not exist.
func editableMediator(ctx context.Context, tx *db.Tx, u *auth.User, id int64) (*Mediator, error) {
	m, err := loadMediator(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if !CanEditAvailability(u, m) {
		return nil, errNoMediator
	}
	return m, nil
}

// SetAvailability replaces mediator id's weekly windows.
func (s *Store) SetAvailability(ctx context.Context, u *auth.User, id int64, ws []Window) error {
	if err := validWindows(ws); err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		m, err := editableMediator(ctx, tx, u, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM mediator_availability WHERE mediator_id = ?`, id); err != nil {
			return err
		}
		for _, w := range ws {
			if _, err := tx.ExecContext(ctx, `INSERT INTO mediator_availability (mediator_id, weekday, start_min, end_min)
				VALUES (?, ?, ?, ?)`, id, w.Weekday, w.StartMin, w.EndMin); err != nil {
				return err
			}
		}
		if err := touchMediator(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Update, mediatorEntity, id,
			audit.Diff(audit.Fields{"weekly": windowsText(m.Weekly)}, audit.Fields{"weekly": windowsText(ws)}))
	})
}

func windowsText(ws []Window) string {
	parts := make([]string, 0, len(ws))
	for _, w := range ws {
		parts = append(parts, strconv.Itoa(w.Weekday)+" "+windowClock(w.StartMin)+"-"+windowClock(w.EndMin))
	}
	return strings.Join(parts, ", ")
}

func touchMediator(ctx context.Context, tx *db.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE mediators SET updated_at = ? WHERE id = ?`, tx.Now, id)
	return err
}

// AddLeave records a period of leave of mediator id and returns its ID.
func (s *Store) AddLeave(ctx context.Context, u *auth.User, id int64, lf LeaveForm) (int64, error) {
	l, err := lf.parse()
	if err != nil {
		return 0, err
	}
	var lid int64
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := editableMediator(ctx, tx, u, id); err != nil {
			return err
		}
		if lid, err = db.InsertID(ctx, tx, `INSERT INTO mediator_leave (mediator_id, from_day, to_day, note) VALUES (?, ?, ?, ?)`,
			id, l.From, l.To, l.Note); err != nil {
			return err
		}
		if err := touchMediator(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Create, "mediator_leave", lid, audit.Diff(nil, audit.Fields{
			"mediator_id": id, "from": l.From.Format("2006-01-02"), "to": l.To.Format("2006-01-02"), "note": l.Note}))
	})
	return lid, err
}

// RemoveLeave deletes period leaveID of mediator id's leave.
func (s *Store) RemoveLeave(ctx context.Context, u *auth.User, id, leaveID int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		m, err := editableMediator(ctx, tx, u, id)
		if err != nil {
			return err
		}
		for _, l := range m.Leave {
			if l.ID != leaveID {
				continue
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM mediator_leave WHERE id = ? AND mediator_id = ?`, leaveID, id); err != nil {
				return err
			}
			if err := touchMediator(ctx, tx, id); err != nil {
				return err
			}
			return audit.Record(ctx, tx, audit.Delete, "mediator_leave", leaveID, audit.Diff(audit.Fields{
				"mediator_id": id, "from": l.From.Format("2006-01-02"), "to": l.To.Format("2006-01-02"), "note": l.Note}, nil))
		}
		return errNoLeave
	})
}

// RegenerateToken gives mediator id's calendar feed a new secret: the
// old address stops working.
func (s *Store) RegenerateToken(ctx context.Context, u *auth.User, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := editableMediator(ctx, tx, u, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE mediators SET ical_token = ?, updated_at = ? WHERE id = ?`,
			newICalToken(), tx.Now, id); err != nil {
			return err
		}
		// The secret itself never goes in the trail.
		return audit.Record(ctx, tx, audit.Update, mediatorEntity, id,
			[]audit.Change{{Field: "ical_token", Before: "(segreto)", After: "(nuovo segreto)"}})
	})
}
