package questions

import (
	"context"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Filter narrows the workflow list; nil fields do not filter.
type Filter struct {
	State   *State
	TopicID *int64
	// Late keeps the open questions past their due date at Now.
	Late bool
	// Review keeps the published answers whose review-by date passed at Now.
	Review bool
	// Triage keeps what waits for a coordinator: submitted, in triage,
	// needing information, and assigned to no expert.
	Triage bool
	Now    time.Time
	Limit  int
	Offset int
}

func (fl Filter) conds(where string, args []any) ([]string, []any) {
	conds := []string{where}
	if fl.State != nil {
		conds, args = append(conds, "q.state = ?"), append(args, string(*fl.State))
	}
	if fl.TopicID != nil {
		conds, args = append(conds, "q.topic_id = ?"), append(args, *fl.TopicID)
	}
	if fl.Late {
		conds = append(conds, "q.state IN ("+flowMarks(len(flowOpenStates))+") AND q.due_on < ?")
		args = append(flowAppendStates(args, flowOpenStates), flowDay(fl.Now))
	}
	if fl.Review {
		conds = append(conds, `q.state = ? AND EXISTS (SELECT 1 FROM question_answers ra WHERE ra.id = q.answer_id
			AND ra.review_by IS NOT NULL AND ra.review_by < ?)`)
		args = append(args, string(Published), flowDay(fl.Now).AddDate(0, 0, 1))
	}
	if fl.Triage {
		conds = append(conds, "(q.state IN (?, ?, ?) OR (q.state = ? AND q.expert_id IS NULL))")
		args = append(args, string(Submitted), string(Triage), string(NeedsInfo), string(Assigned))
	}
	return conds, args
}

var flowOpenStates = []State{Submitted, Triage, Assigned, NeedsInfo, Drafted, Validation}

func flowAppendStates(args []any, states []State) []any {
	for _, s := range states {
		args = append(args, string(s))
	}
	return args
}

// List returns a page of the questions in sc matching fl, the nearest due
// date first among the open ones, and their count.
func (s *Store) List(ctx context.Context, sc Scope, fl Filter) ([]*Entry, int, error) {
	where, args := sc.clause()
	conds, args := fl.conds(where, args)
	w := ` WHERE ` + strings.Join(conds, " AND ")
	var total int
	if err := s.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM questions q`+w, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	order := ` ORDER BY CASE WHEN q.state IN (` + flowMarks(len(flowOpenStates)) + `) THEN 0 ELSE 1 END,
		CASE WHEN q.due_on IS NULL THEN 1 ELSE 0 END, q.due_on, q.updated_at DESC, q.id DESC LIMIT ? OFFSET ?`
	args = append(flowAppendStates(args, flowOpenStates), max(fl.Limit, 1), max(fl.Offset, 0))
	rows, err := s.DB.QueryContext(ctx, `SELECT `+flowEntryCols+flowEntryFrom+w+order, args...)
	out, err := db.Collect(rows, err, flowScanEntry)
	return out, total, err
}
