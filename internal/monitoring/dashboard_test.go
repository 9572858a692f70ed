package monitoring_test

import (
	"context"
	"testing"
	"time"

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

// TestPresenceWindowAcrossMonths: on every day of the six weeks after the
// seed, with the window crossing a month's end on some of them, each active
// facility counts with its latest day within the window, as worked out here
// from the seed's presences.
func TestPresenceWindowAcrossMonths(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d, monitoring.Deps{})
		latest := map[string][2]int{"F1": {-1, 3}, "F2": {-3, 9}, "F3": {-20, 40}, "F4": {0, 50}}
		earlier := map[string][2]int{"F1": {-2, 4}, "F2": {-10, 10}, "F4": {-1, 55}}
		for offset := range 42 {
			wantFacilities, wantPresent := 0, 0
			for fac, l := range latest {
				if offset-l[0] <= monitoring.PresenceWindow {
					wantFacilities, wantPresent = wantFacilities+1, wantPresent+l[1]
				} else if e, ok := earlier[fac]; ok && offset-e[0] <= monitoring.PresenceWindow {
					t.Fatalf("seed changed: %s's earlier day is within a window its latest is not", fac)
				}
			}
			f, err := w.h.Figures(context.Background(), w.day(offset).Add(9*3600e9))
			if err != nil {
				t.Fatal(err)
			}
			if f.Presence.Facilities != wantFacilities || f.Presence.Present != wantPresent {
				t.Errorf("on %s: %d facilities with %d guests; want %d with %d", w.day(offset).Format("2006-01-02"),
					f.Presence.Facilities, f.Presence.Present, wantFacilities, wantPresent)
			}
		}
	})
}

// TestPresenceWindowCountsAFacilityOnce: when the window crosses a month's
// end, a facility that reported on both sides counts once, with its latest
// day.
func TestPresenceWindowCountsAFacilityOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d, monitoring.Deps{})
		first := time.Date(w.today.Year(), w.today.Month(), 1, 0, 0, 0, 0, time.UTC)
		w.env.InTx(func(ctx context.Context, tx *db.Tx) error {
			w.facility(t, tx, "F7", "apartment", "men", "006004", 20, 20, "A", "active")
			for i, present := range []int{10, 11, 12, 13} { // the last three days of a month and the first of the next
				w.presence(t, tx, "F7", int(first.Sub(w.today).Hours()/24)-3+i, present)
			}
			return nil
		})
		for k := range 10 {
			got, err := monitoring.LatestPresences(context.Background(), d, first.AddDate(0, 0, k))
			if err != nil {
				t.Fatal(err)
			}
			want := monitoring.Presence{Facilities: 1, Present: 13, Places: 20}
			if k > monitoring.PresenceWindow {
				want = monitoring.Presence{}
			}
			p := got["006004"]
			if p.Facilities != want.Facilities || p.Present != want.Present || p.Places != want.Places {
				t.Errorf("%d days into the month: %+v; want %+v", k, p, want)
			}
		}
	})
}
