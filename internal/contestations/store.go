package contestations

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/notify"
)

const entity = "contestation"

var errNotFound = apperr.NotFoundf("Contestazione non trovata.")

// Store keeps contestations. Notices, when set, tells the people concerned
// of each step, in the step's transaction.
type Store struct {
	DB      *db.DB
	Notices *notify.Service
}

const cols = `c.id, c.facility_id, f.code, f.name, c.contract_id, k.cig, k.amount_cents, c.managing_body_id, o.name,
	c.inspection_id, c.state, c.pec_date, c.pec_reference, c.deadline_days, c.reply_deadline, c.notified_at, c.reply_text,
	c.replied_at, c.decision, c.decision_reason, c.decided_at, c.penalty_cents, c.execution_method, c.executed_on,
	c.execution_reference, c.executed_at, COALESCE(c.created_by, 0), COALESCE(u.name, ''), c.created_at, c.updated_at`

const from = ` FROM contestations c JOIN facilities f ON f.id = c.facility_id JOIN contracts k ON k.id = c.contract_id
	JOIN organisations o ON o.id = c.managing_body_id LEFT JOIN users u ON u.id = c.created_by`

func scan(sc db.Scanner) (*Contestation, error) {
	c := &Contestation{}
	var pec, deadline, notified, replied, decided, executedOn, executed sql.NullTime
	err := sc.Scan(&c.ID, &c.FacilityID, &c.FacilityCode, &c.FacilityName, &c.ContractID, &c.CIG, &c.ContractCents,
		&c.BodyID, &c.BodyName, &c.InspectionID, &c.State, &pec, &c.PECReference, &c.DeadlineDays, &deadline, &notified,
		&c.ReplyText, &replied, &c.Decision, &c.DecisionReason, &decided, &c.PenaltyCents, &c.ExecutionMethod,
		&executedOn, &c.ExecutionReference, &executed, &c.CreatedBy, &c.CreatedByName, &c.CreatedAt, &c.UpdatedAt)
	c.PECDate, c.Deadline, c.ExecutedOn = datePtr(pec), datePtr(deadline), datePtr(executedOn)
	c.NotifiedAt, c.RepliedAt, c.DecidedAt, c.ExecutedAt = timePtr(notified), timePtr(replied), timePtr(decided), timePtr(executed)
	return c, err
}

func timePtr(n sql.NullTime) *time.Time {
	if !n.Valid {
		return nil
	}
	t := n.Time
	return &t
}

func datePtr(n sql.NullTime) *time.Time {
	if !n.Valid {
		return nil
	}
	t := day(n.Time)
	return &t
}

// Contestation returns contestation id, with its findings and documents,
// if sc covers it: outside it does not exist.
func (s *Store) Contestation(ctx context.Context, sc Scope, id int64) (*Contestation, error) {
	return load(ctx, s.DB, sc, id)
}

func load(ctx context.Context, q db.Querier, sc Scope, id int64) (*Contestation, error) {
	where, args := sc.clause()
	c, err := scan(q.QueryRowContext(ctx, `SELECT `+cols+from+` WHERE c.id = ? AND `+where, append([]any{id}, args...)...))
	if errors.Is(err, sql.ErrNoRows) || errors.Is(err, db.ErrNotFound) {
		return nil, errNotFound
	}
	if err != nil {
		return nil, err
	}
	if c.Findings, err = findingsOf(ctx, q, id); err != nil {
		return nil, err
	}
	c.Documents, err = documentsOf(ctx, q, id)
	return c, err
}

// Filter narrows the list; nil fields do not filter.
type Filter struct {
	State *State
	// Expired keeps the notified ones whose deadline passed before Now
	// without counter-deductions.
	Expired      bool
	Now          time.Time
	FacilityCode *string
	Limit        int
	Offset       int
}

// List returns a page of the contestations in sc matching fl, the nearest
// reply deadline first, drafts and closed ones after, and their count.
func (s *Store) List(ctx context.Context, sc Scope, fl Filter) ([]*Contestation, int, error) {
	where, args := sc.clause()
	conds := []string{where}
	if fl.State != nil {
		conds, args = append(conds, "c.state = ?"), append(args, string(*fl.State))
	}
	if fl.FacilityCode != nil {
		conds, args = append(conds, "f.code = ?"), append(args, *fl.FacilityCode)
	}
	if fl.Expired {
		conds, args = append(conds, "c.state = ? AND c.reply_deadline < ?"), append(args, string(Notified), day(fl.Now))
	}
	w := ` WHERE ` + strings.Join(conds, " AND ")
	var total int
	if err := s.DB.QueryRowContext(ctx, `SELECT COUNT(*)`+from+w, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+cols+from+w+` ORDER BY CASE WHEN c.state IN ('notified', 'replied', 'penalised')
		THEN 0 ELSE 1 END, c.reply_deadline IS NULL, c.reply_deadline, c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?`,
		append(args, max(fl.Limit, 1), max(fl.Offset, 0))...)
	out, err := db.Collect(rows, err, scan)
	return out, total, err
}

// OpenCount is the number of contestations in sc still open: notified and
// awaiting counter-deductions or a decision, or decided with a penalty not
// yet executed. The dashboard shows it.
func (s *Store) OpenCount(ctx context.Context, sc Scope) (int, error) {
	where, args := sc.clause()
	var n int
	err := s.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM contestations c WHERE c.state IN (?, ?, ?) AND `+where,
		append([]any{string(Notified), string(Replied), string(Penalised)}, args...)...).Scan(&n)
	return n, err
}
