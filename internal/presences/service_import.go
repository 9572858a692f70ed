package presences

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Summary counts the rows of a report by what the import would do.
type Summary struct{ New, Update, Unchanged, Invalid int }

func summarise(rows []*Checked) Summary {
	var s Summary
	for _, c := range rows {
		switch {
		case !c.OK():
			s.Invalid++
		case c.Outcome == OutcomeNew:
			s.New++
		case c.Outcome == OutcomeUpdate:
			s.Update++
		default:
			s.Unchanged++
		}
	}
	return s
}

// Import checks rows and, in the same transaction, writes every valid row
// that changes something; invalid rows are left out, unchanged ones are not
// rewritten. Either all those writes happen or none.
func Import(ctx context.Context, d *db.DB, u *auth.User, rows []Row) ([]*Checked, error) {
	var out []*Checked
	err := d.InTx(ctx, func(tx *db.Tx) error {
		var err error
		if out, err = checkRows(ctx, tx, u, rows, dayOf(tx.Now)); err != nil {
			return err
		}
		for _, c := range out {
			if !c.OK() || c.Outcome == OutcomeUnchanged {
				continue
			}
			if err := mayReport(u, c.Facility.BodyID); err != nil {
				return err
			}
			if _, err := save(ctx, tx, u, c.old, c.Presence); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// Preview checks rows without writing anything.
func Preview(ctx context.Context, d *db.DB, u *auth.User, rows []Row) ([]*Checked, error) {
	return checkRows(ctx, d, u, rows, dayOf(time.Now()))
}

// Writes is how many rows a confirmation would write.
func (s Summary) Writes() int { return s.New + s.Update }
