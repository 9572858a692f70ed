package questions

import (
	"context"
	"time"

	"github.com/riverqueue/river"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// dueReview is a published answer whose review-by date has come.
type dueReview struct {
	question, answer, office int64
	title                    string
}

// RemindReviews tells the validators of each question's office, once per
// answer version, that a published answer's review-by date has come: the
// law it cites may have changed. It returns how many answers it reminded of.
func (s *Store) RemindReviews(ctx context.Context, today time.Time) (int, error) {
	due, err := s.dueReviews(ctx, today)
	if err != nil {
		return 0, err
	}
	for _, r := range due {
		err := s.DB.InTx(ctx, func(tx *db.Tx) error {
			validators, err := flowValidators(ctx, tx, r.office)
			if err != nil {
				return err
			}
			if err := s.tell(ctx, tx, nil, r.question, "Risposta da rivedere",
				"È arrivata la data di revisione della risposta a «"+r.title+"»: verifica che sia ancora valida.",
				validators...); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `UPDATE question_answers SET review_reminded_on = ? WHERE id = ?`, today, r.answer)
			return err
		})
		if err != nil {
			return 0, err
		}
	}
	return len(due), nil
}

func (s *Store) dueReviews(ctx context.Context, today time.Time) ([]dueReview, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT q.id, a.id, q.office_id, q.title FROM questions q
		JOIN question_answers a ON a.id = q.answer_id
		WHERE q.state = ? AND q.office_id IS NOT NULL AND a.review_by IS NOT NULL AND a.review_by <= ?
		AND a.review_reminded_on IS NULL ORDER BY q.id`, Published, today)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dueReview
	for rows.Next() {
		var r dueReview
		if err := rows.Scan(&r.question, &r.answer, &r.office, &r.title); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReviewArgs is the daily job that runs RemindReviews.
type ReviewArgs struct{}

// Kind names the job in the queue.
func (ReviewArgs) Kind() string { return "questions.review" }

type reviewWorker struct {
	river.WorkerDefaults[ReviewArgs]
	store *Store
}

func (w *reviewWorker) Work(ctx context.Context, _ *river.Job[ReviewArgs]) error {
	_, err := w.store.RemindReviews(ctx, time.Now().UTC())
	return err
}

// ReviewJob registers the reminder's worker for s and returns its daily
// schedule.
func ReviewJob(workers *river.Workers, s *Store) *river.PeriodicJob {
	river.AddWorker(workers, &reviewWorker{store: s})
	return river.NewPeriodicJob(river.PeriodicInterval(24*time.Hour),
		func() (river.JobArgs, *river.InsertOpts) { return ReviewArgs{}, nil },
		&river.PeriodicJobOpts{RunOnStart: true})
}
