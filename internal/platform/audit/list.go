package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Filter narrows the trail for browsing; nil fields do not filter.
type Filter struct {
	Entity   *string
	EntityID *string
	// ActorEmail matches part of the actor's e-mail, ignoring case.
	ActorEmail *string
	Action     *string
	// From is inclusive, To exclusive: a day's entries are [midnight, next midnight).
	From   *time.Time
	To     *time.Time
	Limit  int
	Offset int
}

func (f Filter) where(d db.Dialect) (string, []any) {
	where, args := "1=1", []any{}
	add := func(cond string, v any) {
		where += " AND " + cond
		args = append(args, v)
	}
	if f.Entity != nil {
		add("entity = ?", *f.Entity)
	}
	if f.EntityID != nil {
		add("entity_id = ?", *f.EntityID)
	}
	if f.ActorEmail != nil {
		add("actor_email "+d.CaseInsensitiveLike()+" ?", "%"+strings.TrimSpace(*f.ActorEmail)+"%")
	}
	if f.Action != nil {
		add("action = ?", *f.Action)
	}
	if f.From != nil {
		add("at >= ?", f.From.UTC())
	}
	if f.To != nil {
		add("at < ?", f.To.UTC())
	}
	return where, args
}

// List returns a page of the trail, newest first, and the total matching.
func List(ctx context.Context, q db.Querier, f Filter) ([]Entry, int, error) {
	where, args := f.where(q.Dialect())
	var total int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("audit list: %w", err)
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := q.QueryContext(ctx, `SELECT id, at, actor_id, actor_email, org_id, action,
		entity, entity_id, changes, prev_hash, hash FROM audit_log WHERE `+where+
		` ORDER BY id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	out, err := db.Collect(rows, err, scanEntry)
	if err != nil {
		return nil, 0, fmt.Errorf("audit list: %w", err)
	}
	return out, total, nil
}

// ChangeList decodes the entry's changed fields.
func (e Entry) ChangeList() ([]Change, error) {
	var out []Change
	if err := json.Unmarshal([]byte(e.Changes), &out); err != nil {
		return nil, fmt.Errorf("audit entry %d: decode changes: %w", e.ID, err)
	}
	return out, nil
}
