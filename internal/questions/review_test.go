package questions_test

import (
	"context"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// TestReviewRemindersReachTheOfficeOnce: when a published answer's
// review-by date comes, the validators of its office are told, once; the
// validators of other offices are not.
func TestReviewRemindersReachTheOfficeOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		id := w.mustPublished(t)
		ctx := context.Background()
		reminders := func(userID int64) int {
			return countRows(t, d, `SELECT COUNT(*) FROM notifications WHERE user_id = ? AND title = 'Risposta da rivedere'`, userID)
		}
		review := w.get(t, id).AnswerID
		if _, err := d.ExecContext(ctx, `UPDATE question_answers SET review_by = ? WHERE id = ?`,
			time.Now().UTC().AddDate(0, 0, 10), review); err != nil {
			t.Fatal(err)
		}
		if n, err := w.store.RemindReviews(ctx, time.Now().UTC()); err != nil || n != 0 {
			t.Fatalf("before the date: %d reminders, %v; want none", n, err)
		}
		for range 2 {
			if _, err := w.store.RemindReviews(ctx, time.Now().UTC().AddDate(0, 0, 11)); err != nil {
				t.Fatal(err)
			}
		}
		if got := reminders(w.validator.ID); got != 1 {
			t.Errorf("the office's validator got %d reminders; want 1", got)
		}
		if got := reminders(w.otherValid.ID); got != 0 {
			t.Errorf("another office's validator got %d reminders; want none", got)
		}
	})
}
