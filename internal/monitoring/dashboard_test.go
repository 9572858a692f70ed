package monitoring_test

import (
	"context"
	"testing"

	"github.com/crocevia/crocevia/internal/monitoring"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestDashboardFigures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d, monitoring.Deps{})
		f, err := w.h.Figures(context.Background(), w.today.Add(15*3600e9))
		if err != nil {
			t.Fatalf("Figures: %v", err)
		}
		check := func(name string, got, want int) {
			t.Helper()
			if got != want {
				t.Errorf("%s = %d; want %d", name, got, want)
			}
		}
		t.Run("the registry counts active facilities only", func(t *testing.T) {
			check("active", f.Active, 4)
			check("authorised places", f.Authorised, 122)
			check("contracted places", f.Contracted, 114)
		})
		t.Run("presences take each facility's latest day within the window", func(t *testing.T) {
			check("reporting facilities", f.Presence.Facilities, 3)
			check("present", f.Presence.Present, 62)
			check("their places", f.Presence.Places, 74)
			if f.Presence.LastDay == nil || !f.Presence.LastDay.Equal(w.today) {
				t.Errorf("last day = %v; want today", f.Presence.LastDay)
			}
			if r := f.Presence.Rate(); r < 83.7 || r > 83.8 {
				t.Errorf("occupancy = %.2f; want 62/74", r)
			}
		})
		t.Run("inspections due in 30 days and facilities past their plan", func(t *testing.T) {
			check("planned soon", f.PlannedSoon, 1)
			check("overdue", f.Overdue, 1)
		})
		t.Run("corrective actions by state, overdue when pending past the deadline", func(t *testing.T) {
			check("open", f.ActionsOpen, 2)
			check("reopened", f.ActionsReopened, 1)
			check("answered", f.ActionsAnswered, 1)
			check("overdue", f.ActionsOverdue, 2)
		})
		t.Run("contracts ending within 60 days, extension included", func(t *testing.T) {
			if len(f.ContractsExpiring) != 2 || f.ContractsExpiring[0].Label != "C1" || f.ContractsExpiring[1].Label != "C3" {
				t.Errorf("expiring contracts = %+v; want C1 then C3", f.ContractsExpiring)
			}
		})
		t.Run("documents expiring within 30 days and expired, of facilities not closed", func(t *testing.T) {
			if len(f.DocsExpiring) != 1 || f.DocsExpiring[0].Code != "AL-CAS-F1" {
				t.Errorf("expiring = %+v; want F1's", f.DocsExpiring)
			}
			if len(f.DocsExpired) != 1 || f.DocsExpired[0].Code != "AL-CAS-F3" {
				t.Errorf("expired = %+v; want F3's", f.DocsExpired)
			}
		})
		t.Run("without a contestations module there is no such figure", func(t *testing.T) {
			if f.Contestations != nil {
				t.Errorf("contestations = %d; want none", *f.Contestations)
			}
		})
	})
}

func TestDashboardPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d, monitoring.Deps{OpenContestations: func(context.Context) (int, error) { return 7, nil }})
		res := w.as(auth.RolePrefettura).Get("/cruscotto")
		res.WantStatus(t, 200)
		res.WantBody(t, "Cruscotto della Prefettura",
			`href="/strutture?state=active"`, `>4</span>`,
			`href="/presenze"`, `>62</span>`, "83,8%",
			`href="/ispezioni?stato=planned"`, `href="/azioni-correttive?state=overdue"`,
			`href="/contestazioni"`, `>7</span>`,
			`href="/contratti/`, `href="/strutture/AL-CAS-F1"`, `href="/strutture/AL-CAS-F3"`)
		for _, role := range []auth.Role{auth.RoleAdmin, auth.RolePrefettura} {
			w.as(role).Get("/cruscotto").WantStatus(t, 200)
		}
		for _, role := range []auth.Role{auth.RoleInspector, auth.RoleFacilityManager, auth.RoleAnalyst, auth.RoleEditor} {
			w.as(role).Get("/cruscotto").WantStatus(t, 404)
		}
		w.env.Anonymous().Get("/cruscotto").WantStatus(t, 303)
	})
}
