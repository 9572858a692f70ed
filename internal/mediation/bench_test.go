package mediation_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/mediation"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// The benchmarks run on the national-scale data (500 mediators, 200,000
// requests over three years), loaded once per database per benchmark:
//
//	go test ./internal/mediation -run '^$' -bench National -benchtime 50x
//
// CROCEVIA_BENCH_MEDIATION_N sets a smaller number of requests (the
// mediators shrink in proportion) for a quick run.
func benchSize() mediation.NationalSize {
	sz := mediation.National
	if n, err := strconv.Atoi(os.Getenv("CROCEVIA_BENCH_MEDIATION_N")); err == nil && n > 0 {
		sz = mediation.NationalSize{Mediators: max(20, sz.Mediators*n/sz.Requests), Requests: n}
	}
	return sz
}

// benchWorld is a database with the national data and the module mounted,
// with a coordinator logged in.
type benchWorld struct {
	d     *db.DB
	store *mediation.Store
	coord *webtest.Client
}

func benchWorlds(b *testing.B, fn func(b *testing.B, w *benchWorld)) {
	for _, tg := range dbtest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			d := dbtest.Open(b, tg)
			start := time.Now()
			if err := demo.LoadNational(context.Background(), d, io.Discard, mediation.NationalSeedAt(benchSize())); err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: %d requests loaded in %s", tg.Name, benchSize().Requests, time.Since(start).Round(time.Millisecond))
			env := webtest.New(b, d)
			h, err := mediation.New(mediation.Deps{Web: env.Web, DB: d})
			if err != nil {
				b.Fatal(err)
			}
			env.Mount(h)
			provider := env.Org("Mediazione di prova", auth.KindMediationProvider).ID
			coord := env.Login(env.UserIn(provider, "coordinatrice@example.org", auth.RoleMediationCoordinator))
			fn(b, &benchWorld{d: d, store: h.Store(), coord: coord})
		})
	}
}

// reportPercentiles adds p50, p95 and p99 of the timed calls to the output.
func reportPercentiles(b *testing.B, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	at := func(p float64) float64 { return float64(ds[int(float64(len(ds)-1)*p)].Microseconds()) / 1000 }
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

// timed runs fn once per iteration and reports the percentiles.
func timed(b *testing.B, fn func(i int)) {
	ds := make([]time.Duration, 0, b.N)
	i := 0
	for b.Loop() {
		start := time.Now()
		fn(i)
		ds = append(ds, time.Since(start))
		i++
	}
	reportPercentiles(b, ds)
}

// BenchmarkNationalMatching ranks the candidates of open requests, each
// in another language and slot, as the coordinator's request page does.
func BenchmarkNationalMatching(b *testing.B) {
	benchWorlds(b, func(b *testing.B, w *benchWorld) {
		ctx := context.Background()
		open, _, err := w.store.List(ctx, mediation.Scope{All: true}, mediation.Filter{State: ptrState(mediation.Validated), Limit: 200})
		if err != nil || len(open) == 0 {
			b.Fatalf("%d validated requests: %v", len(open), err)
		}
		cands := 0
		timed(b, func(i int) {
			cs, _, err := w.store.Match(ctx, open[i%len(open)])
			if err != nil {
				b.Fatal(err)
			}
			cands += len(cs)
		})
		b.ReportMetric(float64(cands)/float64(b.N), "candidates/op")
	})
}

// BenchmarkNationalWeekCalendar serves the coordinators' week calendar,
// every mediator's bookings, whole pages through the handler, for weeks
// of the last year.
func BenchmarkNationalWeekCalendar(b *testing.B) { benchCalendar(b, "settimana") }

// BenchmarkNationalMonthCalendar is the same for the month grid.
func BenchmarkNationalMonthCalendar(b *testing.B) { benchCalendar(b, "mese") }

func benchCalendar(b *testing.B, view string) {
	benchWorlds(b, func(b *testing.B, w *benchWorld) {
		timed(b, func(i int) {
			day := time.Now().AddDate(0, 0, -7*(i%52)).Format(time.DateOnly)
			if res := w.coord.Get("/mediazione/calendario?vista=" + view + "&data=" + day); res.Status != http.StatusOK {
				b.Fatalf("status %d", res.Status)
			}
		})
	})
}

// BenchmarkNationalRequestList serves the coordinators' request list.
func BenchmarkNationalRequestList(b *testing.B) {
	benchWorlds(b, func(b *testing.B, w *benchWorld) {
		timed(b, func(i int) {
			if res := w.coord.Get("/mediazione?page=" + strconv.Itoa(1+i%20)); res.Status != http.StatusOK {
				b.Fatalf("status %d", res.Status)
			}
		})
	})
}

// BenchmarkNationalMonthlyReport serves the report of last month, every
// grouping, through the handler.
func BenchmarkNationalMonthlyReport(b *testing.B) {
	benchWorlds(b, func(b *testing.B, w *benchWorld) {
		month := time.Now().AddDate(0, -1, 0).Format("2006-01")
		timed(b, func(int) {
			if res := w.coord.Get("/mediazione/report?dal=" + month + "&al=" + month); res.Status != http.StatusOK {
				b.Fatalf("status %d", res.Status)
			}
		})
	})
}

// BenchmarkNationalYearReport is the report of the last twelve months.
func BenchmarkNationalYearReport(b *testing.B) {
	benchWorlds(b, func(b *testing.B, w *benchWorld) {
		from, to := time.Now().AddDate(-1, 0, 0).Format("2006-01"), time.Now().AddDate(0, -1, 0).Format("2006-01")
		timed(b, func(int) {
			if res := w.coord.Get("/mediazione/report?dal=" + from + "&al=" + to); res.Status != http.StatusOK {
				b.Fatalf("status %d", res.Status)
			}
		})
	})
}

// BenchmarkNationalBudget serves the budget page: every line's balance,
// the burn-down chart and forecast, the ledger's first page.
func BenchmarkNationalBudget(b *testing.B) {
	benchWorlds(b, func(b *testing.B, w *benchWorld) {
		timed(b, func(int) {
			if res := w.coord.Get("/mediazione/budget"); res.Status != http.StatusOK {
				b.Fatalf("status %d", res.Status)
			}
		})
	})
}

func ptrState(s mediation.State) *mediation.State { return &s }
