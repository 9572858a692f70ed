package presences

import (
	"context"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestDemoSeedAndOccupancy(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		fx.env.InTx(func(ctx context.Context, tx *db.Tx) error { return DemoSeed(ctx, tx, nil, nil) })
		t.Run("only active facilities get presences, within contracted places", func(t *testing.T) {
			if n := count(t, d, `SELECT COUNT(*) FROM presences`); n < 1000 {
				t.Errorf("demo presences = %d; want months of them", n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM presences p JOIN facilities f ON f.id = p.facility_id
				WHERE f.state <> 'active' OR p.present > f.contracted_places OR p.present < 0`); n != 0 {
				t.Errorf("%d demo rows are outside the rules", n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'presence'`); n != 0 {
				t.Errorf("demo seeding wrote %d audit entries", n)
			}
		})
		t.Run("the overview computes one page of facilities at a time", func(t *testing.T) {
			active := count(t, d, `SELECT COUNT(*) FROM facilities WHERE state = 'active'`)
			today := dayOf(time.Now())
			seen := map[int64]bool{}
			for page := 1; page <= (active+statusPage-1)/statusPage+1; page++ {
				list, total, err := statuses(context.Background(), d, scope{all: true}, today, page)
				if err != nil {
					t.Fatal(err)
				}
				if total != active || len(list) > statusPage {
					t.Fatalf("page %d: %d rows of %d; want at most %d of %d", page, len(list), total, statusPage, active)
				}
				for _, s := range list {
					if seen[s.Facility.ID] {
						t.Errorf("facility %s on two pages", s.Facility.Code)
					}
					seen[s.Facility.ID] = true
				}
			}
			if len(seen) != active {
				t.Errorf("the pages show %d facilities; want every active one (%d)", len(seen), active)
			}
		})
		t.Run("the overview shows missing and late days", func(t *testing.T) {
			list, _, err := statuses(context.Background(), d, scope{all: true}, dayOf(time.Now()), 1)
			if err != nil {
				t.Fatal(err)
			}
			missing, late := 0, 0
			for _, s := range list {
				missing, late = missing+s.Missing, late+s.Late
			}
			if missing == 0 || late == 0 {
				t.Errorf("missing %d, late %d; want some of each", missing, late)
			}
		})
		officer := fx.login(t, auth.RolePrefettura, 0)
		month := yesterday().Format("2006-01")
		for _, per := range []string{"struttura", "comune", "ente"} {
			t.Run("occupancy by "+per, func(t *testing.T) {
				res := officer.Get("/presenze/occupazione?mese=" + month + "&per=" + per)
				res.WantStatus(t, http.StatusOK)
				res.WantBody(t, "Occupazione del mese", "Andamento degli ultimi 12 mesi", "%")
			})
		}
		t.Run("the trend's months agree with each month's table", func(t *testing.T) {
			ctx := context.Background()
			last := parseMonth(month, dayOf(time.Now()))
			facs, err := facilitiesIn(ctx, d, scope{all: true}, false)
			if err != nil {
				t.Fatal(err)
			}
			trendRows, err := trend(ctx, d, scope{all: true}, last)
			if err != nil || len(trendRows) != 12 {
				t.Fatalf("trend: %d months, %v; want 12", len(trendRows), err)
			}
			for i, got := range trendRows {
				first := last.AddDate(0, i-11, 0)
				totals, err := monthTotals(ctx, d, scope{all: true}, first)
				if err != nil {
					t.Fatal(err)
				}
				want := total(occupancy(facs, totals, ByFacility))
				if got.Key != first.Format("2006-01") || got.Places != want.Places || got.Days != want.Days ||
					math.Abs(got.Average-want.Average) > 1e-6 {
					t.Errorf("trend %s = %+v; want the month's total %+v", first.Format("2006-01"), got, want)
				}
			}
		})
		t.Run("the database's groups, page by page, are the month grouped in Go", func(t *testing.T) {
			ctx := context.Background()
			first := parseMonth(month, dayOf(time.Now()))
			facs, err := facilitiesIn(ctx, d, scope{all: true}, false)
			if err != nil {
				t.Fatal(err)
			}
			totals, err := monthTotals(ctx, d, scope{all: true}, first)
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range []Grouping{ByFacility, ByMunicipality, ByBody} {
				want := occupancy(facs, totals, g)
				var got []Occupancy
				for offset := 0; offset <= len(want); offset += 4 {
					page, n, err := occupancyRows(ctx, d, scope{all: true}, first, g, 4, offset)
					if err != nil || n != len(want) {
						t.Fatalf("%s: %d groups, %v; want %d", g, n, err, len(want))
					}
					got = append(got, page...)
				}
				if len(got) != len(want) {
					t.Fatalf("%s: pages hold %d groups; want %d", g, len(got), len(want))
				}
				for i := range want {
					if got[i].Key != want[i].Key || got[i].Label != want[i].Label || got[i].Places != want[i].Places ||
						got[i].Days != want[i].Days || math.Abs(got[i].Average-want[i].Average) > 1e-6 {
						t.Errorf("%s row %d = %+v; want %+v", g, i, got[i], want[i])
					}
				}
			}
		})
		t.Run("the export carries the same table", func(t *testing.T) {
			res := officer.Get("/presenze/occupazione/" + month + "/export.csv?per=ente")
			res.WantStatus(t, http.StatusOK)
			if !strings.HasPrefix(res.Body, "periodo;ente;presenze_medie") || !strings.Contains(res.Body, month+";Totale;") {
				t.Errorf("unexpected export:\n%s", res.Body)
			}
		})
		t.Run("a manager's occupancy covers its own body only", func(t *testing.T) {
			mgr := fx.login(t, auth.RoleFacilityManager, fx.ponte)
			res := mgr.Get("/presenze/occupazione/" + month + "/export.csv?per=ente")
			if strings.Contains(res.Body, "Approdo") {
				t.Errorf("another body appears in a manager's export:\n%s", res.Body)
			}
		})
		t.Run("the overview renders", func(t *testing.T) {
			officer.Get("/presenze").WantBody(t, "Stato delle comunicazioni per struttura", "Mancante")
		})
	})
}
