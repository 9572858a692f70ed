package main

import (
	"context"
	"testing"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// TestDemoInspectionsInEveryPhase: the demo shows an inspection in each
// phase of its life, so every page of the loop has something to show.
func TestDemoInspectionsInEveryPhase(t *testing.T) {
	m := newTestMain(t, dbtest.Target{Name: "sqlite", DataDir: t.TempDir()})
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, p := range inspections.Phases {
		var n int
		if err := m.DB.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM inspections WHERE state = ?`, p.Value).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("no demo inspection in phase %s", p.Value)
		}
	}
	var followUps int
	if err := m.DB.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM inspections WHERE follow_up_of IS NOT NULL`).Scan(&followUps); err != nil || followUps == 0 {
		t.Errorf("no demo follow-up linked to its inspection (%v)", err)
	}
}
