package monitoring_test

import (
	"context"
	"testing"

	"github.com/crocevia/crocevia/internal/monitoring"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// TestDashboardActionsDueToday: an open and a reopened action whose
// deadline is today count among their states but are not yet late; the
// late ones stay those of the seeded world.
func TestDashboardActionsDueToday(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d, monitoring.Deps{})
		w.env.InTx(func(ctx context.Context, tx *db.Tx) error {
			findings := w.answers(t, tx, "I4", "partial", 2)
			w.action(t, tx, findings[0], "open", 0)
			w.action(t, tx, findings[1], "reopened", 0)
			return nil
		})
		f, err := w.h.Figures(context.Background(), w.today.Add(15*3600e9))
		if err != nil {
			t.Fatalf("Figures: %v", err)
		}
		if f.ActionsOpen != 3 || f.ActionsReopened != 2 || f.ActionsAnswered != 1 || f.ActionsOverdue != 2 {
			t.Errorf("open %d, reopened %d, answered %d, late %d; want 3, 2, 1, 2",
				f.ActionsOpen, f.ActionsReopened, f.ActionsAnswered, f.ActionsOverdue)
		}
	})
}
