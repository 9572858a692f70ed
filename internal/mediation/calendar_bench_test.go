package mediation_test

import (
	"context"
	"net/http"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/mediation"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// benchScale is how many mediators and requests the benchmarks load:
// CROCEVIA_BENCH_MEDIATION_MEDIATORS (500) and CROCEVIA_BENCH_MEDIATION_N
// (20,000; 200000 for the national scale), over eight months from April 2026.
func benchScale() (mediators, requests int) {
	mediators, requests = 500, 20000
	if n, err := strconv.Atoi(os.Getenv("CROCEVIA_BENCH_MEDIATION_MEDIATORS")); err == nil && n > 0 {
		mediators = n
	}
	if n, err := strconv.Atoi(os.Getenv("CROCEVIA_BENCH_MEDIATION_N")); err == nil && n > 0 {
		requests = n
	}
	return mediators, requests
}

var benchLanguages = []string{"ar", "zh", "ur", "pa", "ro", "sq", "en", "fr", "es", "uk", "ru", "bn"}

// seedBench loads the mediators, each speaking two languages and free on
// weekdays from 9 to 17, and the requests, spread evenly over the eight
// months and across twenty services, most of them booked.
func seedBench(b *testing.B, d *db.DB, provider int64, orgs []int64) {
	b.Helper()
	ctx := context.Background()
	nMed, nReq := benchScale()
	start := time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC)
	step := time.Duration(int64(8*30*24*time.Hour) / int64(nReq))
	states := []mediation.State{mediation.Confirmed, mediation.Approved, mediation.Assigned, mediation.Reported,
		mediation.Delivered, mediation.Approved, mediation.Sent, mediation.CancelledLate}
	err := d.InTx(ctx, func(tx *db.Tx) error {
		if err := db.ReadyBulk(ctx, tx); err != nil {
			return err
		}
		meds := db.NewBulk(tx, "mediators", []string{"id", "provider_id", "name", "areas", "ical_token", "created_at", "updated_at"}, 500)
		langs := db.NewBulk(tx, "mediator_languages", []string{"mediator_id", "language", "level"}, 1000).After(meds)
		week := db.NewBulk(tx, "mediator_availability", []string{"mediator_id", "weekday", "start_min", "end_min"}, 1000).After(meds)
		reqs := db.NewBulk(tx, "mediation_requests", []string{"org_id", "service_type", "language", "mode", "urgency",
			"starts_at", "ends_at", "state", "mediator_id", "created_at", "updated_at"}, 1000).After(meds)
		for i := 1; i <= nMed; i++ {
			if err := meds.Add(ctx, i, provider, "Mediatore "+strconv.Itoa(i), "health,social", "tok"+strconv.Itoa(i), tx.Now, tx.Now); err != nil {
				return err
			}
			for j, lv := range []string{"native", "C1"} {
				if err := langs.Add(ctx, i, benchLanguages[(i+j*5)%len(benchLanguages)], lv); err != nil {
					return err
				}
			}
			for wd := 1; wd <= 5; wd++ {
				if err := week.Add(ctx, i, wd, 540, 1020); err != nil {
					return err
				}
			}
		}
		for i := range nReq {
			at := start.Add(time.Duration(i) * step)
			st := states[i%len(states)]
			var med any
			if st != mediation.Sent {
				med = i%nMed + 1
			}
			if err := reqs.Add(ctx, orgs[i%len(orgs)], "health", benchLanguages[i%len(benchLanguages)], "in_person", "scheduled",
				at, at.Add(90*time.Minute), string(st), med, tx.Now, tx.Now); err != nil {
				return err
			}
		}
		for _, bk := range []*db.Bulk{meds, langs, week, reqs} {
			if err := bk.Close(ctx); err != nil {
				return err
			}
		}
		return db.SyncIDs(ctx, tx, "mediators")
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCoordinatorWeekCalendar serves the coordinators' week
// calendar, every mediator's bookings, whole pages through the handler:
// go test -bench CoordinatorWeek -run '^$' ./internal/mediation/.
func BenchmarkCoordinatorWeekCalendar(b *testing.B) { benchCalendar(b, "settimana") }

// BenchmarkCoordinatorMonthCalendar is the same for the month grid.
func BenchmarkCoordinatorMonthCalendar(b *testing.B) { benchCalendar(b, "mese") }

func benchCalendar(b *testing.B, view string) {
	for _, tg := range dbtest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			d := dbtest.Open(b, tg)
			env := webtest.New(b, d)
			h, err := mediation.New(mediation.Deps{Web: env.Web, DB: d})
			if err != nil {
				b.Fatal(err)
			}
			env.Mount(h)
			provider := env.Org("Mediazione", auth.KindMediationProvider).ID
			var orgs []int64
			for i := range 20 {
				orgs = append(orgs, env.Org("Servizio "+strconv.Itoa(i), auth.KindHealth).ID)
			}
			seedBench(b, d, provider, orgs)
			c := env.Login(env.UserIn(provider, "coordinatrice@example.org", auth.RoleMediationCoordinator))
			weeks := []string{"2026-05-06", "2026-07-15", "2026-09-09", "2026-10-28"}
			i := 0
			for b.Loop() {
				res := c.Get("/mediazione/calendario?vista=" + view + "&data=" + weeks[i%len(weeks)])
				if res.Status != http.StatusOK {
					b.Fatalf("status %d", res.Status)
				}
				i++
			}
		})
	}
}

// BenchmarkMediatorsForLanguage loads the whole profiles of the active
// speakers of one language, as matching does for each request.
func BenchmarkMediatorsForLanguage(b *testing.B) {
	for _, tg := range dbtest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			d := dbtest.Open(b, tg)
			env := webtest.New(b, d)
			provider := env.Org("Mediazione", auth.KindMediationProvider).ID
			seedBench(b, d, provider, []int64{env.Org("ASL", auth.KindHealth).ID})
			i := 0
			for b.Loop() {
				ms, err := mediation.Mediators(context.Background(), d, mediation.MediatorFilter{
					Language: benchLanguages[i%len(benchLanguages)], Active: true})
				if err != nil || len(ms) == 0 {
					b.Fatalf("%d mediators, %v", len(ms), err)
				}
				i++
			}
		})
	}
}
