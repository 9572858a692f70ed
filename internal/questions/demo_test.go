package questions

import (
	"context"
	"testing"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestDemoSeedCoversEveryState(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		if _, err := demo.Load(context.Background(), d, DemoSeed); err != nil {
			t.Fatal(err)
		}
		if n := qdCount(t, d, `SELECT COUNT(*) FROM questions`); n != 60 {
			t.Errorf("%d questions, want 60", n)
		}
		for _, st := range States {
			if n := qdCount(t, d, `SELECT COUNT(*) FROM questions WHERE state = ?`, st); n == 0 {
				t.Errorf("no demo question %s", st)
			}
		}
		if n := qdCount(t, d, `SELECT COUNT(DISTINCT topic_id) FROM questions`); n != 10 {
			t.Errorf("questions on %d topics, want 10", n)
		}
		t.Run("about 40 published with legal references, found by search", func(t *testing.T) {
			n := qdCount(t, d, `SELECT COUNT(*) FROM questions q WHERE q.state = 'published'
				AND EXISTS (SELECT 1 FROM question_references r WHERE r.answer_id = q.answer_id)`)
			if n != 40 {
				t.Errorf("%d published with references, want 40", n)
			}
			if n := found(t, d, "rinnovare permesso"); n == 0 {
				t.Error("search finds no published demo answer")
			}
		})
		t.Run("some late, some on time, some with a new version in validation", func(t *testing.T) {
			rep, err := BuildReport(context.Background(), d, ReportFilter{})
			if err != nil {
				t.Fatal(err)
			}
			late := rep.Overall.WithDue - rep.Overall.OnTime
			if late == 0 || rep.Overall.OnTime == 0 {
				t.Errorf("%d of the answered late, want some", late)
			}
			if n := qdCount(t, d, `SELECT COUNT(*) FROM question_answers WHERE version = 2 AND state = 'in_validation'`); n != 3 {
				t.Errorf("%d pending second versions, want 3", n)
			}
		})
	})
}
