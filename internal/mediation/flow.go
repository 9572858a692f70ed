package mediation

import (
	"context"
	"maps"
	"slices"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/notify"
)

var (
	errNotCoordinator = apperr.Forbiddenf("Solo il coordinamento della mediazione può farlo.")
	errWrongState     = apperr.Conflictf("La richiesta non è nello stato che permette questa azione.")
	errNotRequester   = apperr.Forbiddenf("Solo il servizio che ha fatto la richiesta, o il coordinamento, può farlo.")
	errNotMediator    = apperr.Forbiddenf("Solo la mediatrice o il mediatore assegnato, o il coordinamento, può farlo.")
	errNotStarted     = apperr.Conflictf("L'intervento non è ancora iniziato.")
)

// step runs fn on request id, read within sc, in one transaction: the
// request, its timeline, the audit trail, the budget and the notifications
// never disagree.
func (s *Store) step(ctx context.Context, sc Scope, id int64, fn func(*db.Tx, *Request) error) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		r, err := loadRequest(ctx, tx, sc, id)
		if err != nil {
			return err
		}
		return fn(tx, r)
	})
}

// move is one transition: the state it leads to, the columns it sets, the
// note for the timeline. The state's own timestamp is set by apply.
type move struct {
	to   State
	note string
	set  map[string]any
}

// stamps names the column each state stamps when reached.
var stamps = map[State]string{
	Sent: "sent_at", Validated: "validated_at", Assigned: "assigned_at", Confirmed: "confirmed_at",
	Delivered: "delivered_at", Reported: "reported_at", Approved: "approved_at",
	Refused: "closed_at", CancelledTime: "closed_at", CancelledLate: "closed_at", NoShow: "closed_at",
}

// apply writes move m of request r, its timeline row and audit entry.
// from is checked again in the UPDATE, so two people acting at once
// cannot both move the request.
func (s *Store) apply(ctx context.Context, tx *db.Tx, u *auth.User, r *Request, m move) error {
	set := maps.Clone(m.set)
	if set == nil {
		set = map[string]any{}
	}
	if c, ok := stamps[m.to]; ok && m.to != r.State {
		if _, given := set[c]; !given {
			set[c] = tx.Now
		}
	}
	cols, args := "state = ?, updated_at = ?", []any{string(m.to), tx.Now}
	after := audit.Fields{"state": string(m.to)}
	for _, c := range slices.Sorted(maps.Keys(set)) {
		cols += ", " + c + " = ?"
		args = append(args, set[c])
		after[c] = set[c]
	}
	res, err := tx.ExecContext(ctx, `UPDATE mediation_requests SET `+cols+` WHERE id = ? AND state = ?`,
		append(args, r.ID, string(r.State))...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return errWrongState
	}
	if err := event(ctx, tx, u, r.ID, r.State, m.to, m.note); err != nil {
		return err
	}
	if m.note != "" {
		after["note"] = m.note
	}
	before := audit.Fields{"state": string(r.State)}
	r.State = m.to
	return audit.Record(ctx, tx, audit.Update, entity, r.ID, audit.Diff(before, after))
}

func event(ctx context.Context, tx *db.Tx, u *auth.User, id int64, from, to State, note string) error {
	var uid any
	if u != nil {
		uid = u.ID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO mediation_events (request_id, at, user_id, from_state, to_state, note)
		VALUES (?, ?, ?, ?, ?, ?)`, id, tx.Now, uid, string(from), string(to), note)
	return err
}

// tell notifies each user of a step of request id, skipping nobody and
// the one who acted.
func (s *Store) tell(ctx context.Context, tx *db.Tx, actor *auth.User, id int64, title, body string, users ...int64) error {
	var by int64
	if actor != nil {
		by = actor.ID
	}
	return s.Notices.PostEach(ctx, tx, by, notify.Notice{Title: title, Body: body, Link: RequestURL(id)}, users...)
}

// coordinatorIDs lists the active mediation coordinators.
func coordinatorIDs(ctx context.Context, q db.Querier) ([]int64, error) {
	return db.IDs(ctx, q, `SELECT DISTINCT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.role = ? AND u.active = ? ORDER BY m.user_id`, string(auth.RoleMediationCoordinator), true)
}

// mediatorUser is the login of mediator id, 0 when they have none.
func mediatorUser(ctx context.Context, q db.Querier, id int64) (int64, error) {
	var uid int64
	err := q.QueryRowContext(ctx, `SELECT COALESCE(user_id, 0) FROM mediators WHERE id = ?`, id).Scan(&uid)
	if noRows(err) {
		return 0, nil
	}
	return uid, err
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
