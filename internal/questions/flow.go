package questions

import (
	"context"
	"maps"
	"slices"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/notify"
)

func flowID(id int64) string { return strconv.FormatInt(id, 10) }

// step runs fn on question id, read within sc in one transaction: every
// transition is one transaction, so the question, its timeline, the audit
// trail, the search index and the notifications never disagree.
func (s *Store) step(ctx context.Context, sc Scope, id int64, fn func(*db.Tx, *Entry) error) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		e, err := flowLoad(ctx, tx, sc, id)
		if err != nil {
			return err
		}
		return fn(tx, e)
	})
}

// move is one transition of question q: the columns set (state among
// them, when it changes), the timeline row and the audit entry.
type move struct {
	to   State
	note string
	set  map[string]any // column → new value, besides state and updated_at
}

func (s *Store) apply(ctx context.Context, tx *db.Tx, u *auth.User, q *Question, m move) error {
	cols, args := "state = ?, updated_at = ?", []any{string(m.to), tx.Now}
	after := audit.Fields{"state": string(m.to)}
	for _, c := range flowSortedKeys(m.set) {
		cols += ", " + c + " = ?"
		args = append(args, m.set[c])
		after[c] = m.set[c]
	}
	if _, err := tx.ExecContext(ctx, `UPDATE questions SET `+cols+` WHERE id = ?`, append(args, q.ID)...); err != nil {
		return err
	}
	if err := flowEvent(ctx, tx, u, q.ID, q.State, m.to, m.note); err != nil {
		return err
	}
	if m.note != "" {
		after["note"] = m.note
	}
	return audit.Record(ctx, tx, audit.Update, flowEntity, q.ID, audit.Diff(audit.Fields{"state": string(q.State)}, after))
}

func flowEvent(ctx context.Context, tx *db.Tx, u *auth.User, id int64, from, to State, note string) error {
	var uid any
	if u != nil {
		uid = u.ID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO question_events (question_id, at, user_id, from_state, to_state, note)
		VALUES (?, ?, ?, ?, ?, ?)`, id, tx.Now, uid, string(from), string(to), note)
	return err
}

func flowSortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

// tell notifies each user of a step of question id (and by e-mail, as the
// notification service does), skipping nobody and the one who acted.
func (s *Store) tell(ctx context.Context, tx *db.Tx, actor *auth.User, id int64, title, body string, users ...int64) error {
	var by int64
	if actor != nil {
		by = actor.ID
	}
	return s.Notices.PostEach(ctx, tx, by, notify.Notice{Title: title, Body: body, Link: flowQuestionURL(id)}, users...)
}

// flowValidators lists the active validators of office.
func flowValidators(ctx context.Context, tx *db.Tx, office int64) ([]int64, error) {
	return db.IDs(ctx, tx, `SELECT DISTINCT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.org_id = ? AND m.role = ? AND u.active = ? ORDER BY m.user_id`, office, string(auth.RoleValidator), true)
}
