// Package audit keeps the append-only, hash-chained trail of every change.
// Record is called inside the transaction that makes the change, so a change
// without its audit entry (or the reverse) can never be committed.
package audit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Actions recorded in the trail.
const (
	Create = "create"
	Update = "update"
	Delete = "delete"
)

// Actor is who acts: taken from the request context, so services need not
// pass it through every call.
type Actor struct {
	UserID int64
	Email  string
	OrgID  int64
}

type actorKey struct{}

// WithActor returns ctx carrying the acting user.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the acting user of ctx; the zero Actor is the system.
func ActorFrom(ctx context.Context) Actor {
	a, _ := ctx.Value(actorKey{}).(Actor)
	return a
}

// Change is one field's value before and after.
type Change struct {
	Field  string `json:"field"`
	Before any    `json:"before"`
	After  any    `json:"after"`
}

// Entry is one line of the trail.
type Entry struct {
	ID         int64
	At         time.Time
	ActorID    int64
	ActorEmail string
	OrgID      int64
	Action     string
	Entity     string
	EntityID   string
	Changes    string // canonical JSON of []Change
	PrevHash   string
	Hash       string
}

// Record appends an entry for a change of entity/entityID made in tx.
func Record(ctx context.Context, tx *db.Tx, action, entity string, entityID any, changes []Change) error {
	if changes == nil {
		changes = []Change{}
	}
	js, err := json.Marshal(changes)
	if err != nil {
		return fmt.Errorf("audit: encode changes: %w", err)
	}
	a := ActorFrom(ctx)
	e := Entry{At: tx.Now, ActorID: a.UserID, ActorEmail: a.Email, OrgID: a.OrgID,
		Action: action, Entity: entity, EntityID: fmt.Sprint(entityID), Changes: string(js)}
	// Updating the head first takes its row lock: concurrent writers queue
	// here, so each entry sees the hash of the one before it.
	err = tx.QueryRowContext(ctx,
		`UPDATE audit_head SET last_id = last_id + 1 WHERE id = 1 RETURNING last_id, hash`).
		Scan(&e.ID, &e.PrevHash)
	if err != nil {
		return fmt.Errorf("audit: advance head: %w", err)
	}
	e.Hash = e.computeHash()
	_, err = tx.ExecContext(ctx, `INSERT INTO audit_log
		(id, at, actor_id, actor_email, org_id, action, entity, entity_id, changes, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.At, nullID(e.ActorID), e.ActorEmail, nullID(e.OrgID), e.Action, e.Entity,
		e.EntityID, e.Changes, e.PrevHash, e.Hash)
	if err != nil {
		return fmt.Errorf("audit: insert: %w", err)
	}
	if _, err = tx.ExecContext(ctx, `UPDATE audit_head SET hash = ? WHERE id = 1`, e.Hash); err != nil {
		return fmt.Errorf("audit: update head: %w", err)
	}
	return nil
}

// computeHash covers every field of the entry and the previous entry's hash.
func (e Entry) computeHash() string {
	h := sha256.New()
	for _, part := range []string{
		e.PrevHash, strconv.FormatInt(e.ID, 10), e.At.UTC().Format(time.RFC3339Nano),
		strconv.FormatInt(e.ActorID, 10), e.ActorEmail, strconv.FormatInt(e.OrgID, 10),
		e.Action, e.Entity, e.EntityID, e.Changes,
	} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
