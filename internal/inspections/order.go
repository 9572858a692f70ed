package inspections

import (
	"context"
	"errors"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// swap exchanges the position of row id with its neighbour in the same
// scope (the previous one when up, else the next). At either end there is
// nothing to swap with, and nothing changes. table and scope are constants
// of this package, never user input.
func swap(ctx context.Context, tx *db.Tx, table, scope string, scopeID, id int64, pos int, up bool, entity string) error {
	cmp, order := ">", "ASC"
	if up {
		cmp, order = "<", "DESC"
	}
	var otherID int64
	var otherPos int
	err := tx.QueryRowContext(ctx, `SELECT id, position FROM `+table+` WHERE `+scope+` = ? AND position `+cmp+` ?
		ORDER BY position `+order+` LIMIT 1`, scopeID, pos).Scan(&otherID, &otherPos)
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, m := range []struct {
		id       int64
		from, to int
	}{{id, pos, otherPos}, {otherID, otherPos, pos}} {
		if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET position = ? WHERE id = ?`, m.to, m.id); err != nil {
			return err
		}
		err := audit.Record(ctx, tx, audit.Update, entity, m.id,
			audit.Diff(audit.Fields{"position": m.from}, audit.Fields{"position": m.to}))
		if err != nil {
			return err
		}
	}
	return nil
}
