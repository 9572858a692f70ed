package questions

import (
	"context"
	"database/sql"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

var errFlowNotCoordinator = apperr.Forbiddenf("Solo il coordinamento delle domande gestisce gli argomenti.")

// Topics lists the topics in display order with their routing.
func (s *Store) Topics(ctx context.Context) ([]Topic, error) {
	return flowTopics(ctx, s.DB)
}

func flowTopics(ctx context.Context, q db.Querier) ([]Topic, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, slug, name, position, COALESCE(office_id, 0), due_days
		FROM question_topics ORDER BY position, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Topic
	for rows.Next() {
		var t Topic
		if err := rows.Scan(&t.ID, &t.Slug, &t.Name, &t.Position, &t.OfficeID, &t.DueDays); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func flowTopic(ctx context.Context, q db.Querier, id int64) (*Topic, error) {
	var t Topic
	err := q.QueryRowContext(ctx, `SELECT id, slug, name, position, COALESCE(office_id, 0), due_days
		FROM question_topics WHERE id = ?`, id).Scan(&t.ID, &t.Slug, &t.Name, &t.Position, &t.OfficeID, &t.DueDays)
	if flowNoRows(err) {
		return nil, nil
	}
	return &t, err
}

// Routing is a topic's new office and default days to answer.
type Routing struct {
	OfficeID int64
	DueDays  int
}

// SetRouting changes the routing of the topics by ID; a bad row leaves
// every topic as it was.
func (s *Store) SetRouting(ctx context.Context, u *auth.User, by map[int64]Routing) error {
	if !CanTriage(u) {
		return errFlowNotCoordinator
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		topics, err := flowTopics(ctx, tx)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		for _, t := range topics {
			r, ok := by[t.ID]
			if !ok {
				continue
			}
			key := flowID(t.ID)
			f.Check(r.DueDays >= 1 && r.DueDays <= 365, "days_"+key, "Indica un numero di giorni tra 1 e 365.")
			okOffice, err := flowOrgExists(ctx, tx, r.OfficeID)
			if err != nil {
				return err
			}
			f.Check(okOffice, "office_"+key, "Scegli un ufficio dell'elenco.")
			if r == (Routing{t.OfficeID, t.DueDays}) {
				continue
			}
			if err := flowUpdateRouting(ctx, tx, t, r); err != nil {
				return err
			}
		}
		return f.Err()
	})
}

func flowUpdateRouting(ctx context.Context, tx *db.Tx, t Topic, r Routing) error {
	_, err := tx.ExecContext(ctx, `UPDATE question_topics SET office_id = ?, due_days = ? WHERE id = ?`,
		flowNullID(r.OfficeID), r.DueDays, t.ID)
	if err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, "question_topic", t.ID, audit.Diff(
		audit.Fields{"office_id": t.OfficeID, "due_days": t.DueDays},
		audit.Fields{"office_id": r.OfficeID, "due_days": r.DueDays}))
}

// flowOrgExists accepts 0 (no office) or an active organisation.
func flowOrgExists(ctx context.Context, q db.Querier, id int64) (bool, error) {
	if id == 0 {
		return true, nil
	}
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations WHERE id = ? AND active = ?`, id, true).Scan(&n)
	return n > 0, err
}

func flowNullID(id int64) any {
	if id == 0 {
		return sql.NullInt64{}
	}
	return id
}
