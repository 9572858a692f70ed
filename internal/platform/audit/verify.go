package audit

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Broken describes the first entry whose hash or link does not match.
type Broken struct {
	ID     int64
	Reason string
}

// Verify recomputes the whole chain in order. It returns nil when every
// entry's hash matches its content and the previous entry's hash, and the
// number of entries checked.
func Verify(ctx context.Context, d *db.DB) (*Broken, int, error) {
	rows, err := d.QueryContext(ctx, `SELECT id, at, actor_id, actor_email, org_id, action,
		entity, entity_id, changes, prev_hash, hash FROM audit_log ORDER BY id`)
	if err != nil {
		return nil, 0, fmt.Errorf("audit verify: %w", err)
	}
	defer rows.Close()
	prev, prevID, n := "", int64(0), 0
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, n, err
		}
		n++
		switch {
		case e.ID != prevID+1:
			return &Broken{ID: e.ID, Reason: fmt.Sprintf("entry missing before %d", e.ID)}, n, nil
		case e.PrevHash != prev:
			return &Broken{ID: e.ID, Reason: "link to the previous entry does not match"}, n, nil
		case e.computeHash() != e.Hash:
			return &Broken{ID: e.ID, Reason: "content does not match its hash"}, n, nil
		}
		prev, prevID = e.Hash, e.ID
	}
	if err := rows.Err(); err != nil {
		return nil, n, err
	}
	var headID int64
	var headHash string
	if err := d.QueryRowContext(ctx, `SELECT last_id, hash FROM audit_head WHERE id = 1`).Scan(&headID, &headHash); err != nil {
		return nil, n, err
	}
	if headID != prevID || headHash != prev {
		return &Broken{ID: headID, Reason: "the last entries were removed"}, n, nil
	}
	return nil, n, nil
}

func scanEntry(rows db.Scanner) (Entry, error) {
	var e Entry
	var actor, org sql.NullInt64
	err := rows.Scan(&e.ID, &e.At, &actor, &e.ActorEmail, &org, &e.Action, &e.Entity,
		&e.EntityID, &e.Changes, &e.PrevHash, &e.Hash)
	e.ActorID, e.OrgID = actor.Int64, org.Int64
	return e, err
}
