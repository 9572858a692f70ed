package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/settings"
)

// nationalPages are the pages measured at the national scale, asked as the
// demo Prefettura officer. {facility} stands for the code of the largest
// synthetic facility, the one with the longest history, {contract} for a
// contract covering it and {month} for last month. To measure one more
// page, add its path here.
var nationalPages = []string{
	"/strutture?state=active&system_type=cas&page=2",
	"/strutture/{facility}",
	"/cruscotto",
	"/riconciliazione/{contract}/{month}",
	"/riconciliazione?mese={month}",
	"/presenze",
	"/presenze/{facility}",
	"/presenze/occupazione",
	"/ispezioni",
	"/azioni-correttive",
	"/contratti",
	"/comuni/tetti",
	"/mappa",
	"/analisi/tipologie",
	"/contestazioni",
	"/strutture",
	"/contratti/{contract}",
	"/ispezioni/{inspection}",
	"/ispezioni/piani",
	"/azioni-correttive/{action}",
	"/comuni/tetti/006003",
	"/mappa/dati.json",
	"/ispezioni/checklist",
	"/ispezioni/nuova",
	"/contestazioni/nuova",
}

// The national benchmarks run on a data set loaded once and then reused:
//
//   - SQLite: the data folder $CROCEVIA_BENCH_DATA, by default
//     $TMPDIR/crocevia-bench-national;
//   - PostgreSQL: the database at $CROCEVIA_BENCH_POSTGRES, skipped when unset.
//
// Loading takes minutes, so a benchmark never does it by surprise: when a
// database has no national data yet it is loaded only if
// CROCEVIA_BENCH_SEED=1, and otherwise the benchmark is skipped with a note
// saying how to load it (that, or `crocevia demo --scale national`).
type nationalTarget struct{ name, dataDir, url string }

func nationalTargets() []nationalTarget {
	dir := os.Getenv("CROCEVIA_BENCH_DATA")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "crocevia-bench-national")
	}
	out := []nationalTarget{{name: "sqlite", dataDir: dir}}
	if u := os.Getenv("CROCEVIA_BENCH_POSTGRES"); u != "" {
		out = append(out, nationalTarget{name: "postgres", dataDir: filepath.Join(os.TempDir(), "crocevia-bench-national-pg"), url: u})
	}
	return out
}

// nationalMain opens a demo Main on tg's national data set, loading it
// first when allowed, and gives a session cookie of the Prefettura officer
// and the code of the largest synthetic facility.
func nationalMain(b *testing.B, tg nationalTarget) (*Main, *http.Cookie, string) {
	b.Helper()
	ctx := context.Background()
	cfg := DefaultConfig()
	cfg.DataDir, cfg.DatabaseURL, cfg.Demo, cfg.LogLevel = tg.dataDir, tg.url, true, "error"
	m := NewMain(cfg, &bytes.Buffer{})
	if err := m.Open(ctx); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { m.Close() })
	if !settings.Flag(ctx, m.DB, settings.SyntheticData) {
		if os.Getenv("CROCEVIA_BENCH_SEED") != "1" {
			b.Skipf("%s: no national data set yet; run once with CROCEVIA_BENCH_SEED=1 (a few minutes) "+
				"or load it with `crocevia demo --scale national`", tg.name)
		}
		if err := loadNational(ctx, m, os.Stderr); err != nil {
			b.Fatal(err)
		}
	}
	u, err := m.Auth.UserByEmail(ctx, m.DB, demoEmail(auth.RolePrefettura))
	if err != nil {
		b.Fatal(err)
	}
	tok, _, err := m.Auth.CreateSession(ctx, u.ID, true, "127.0.0.1", "bench-national")
	if err != nil {
		b.Fatal(err)
	}
	var code string
	err = m.DB.QueryRowContext(ctx, `SELECT f.code FROM facilities f JOIN organisations o ON o.id = f.managing_body_id
		WHERE o.synthetic = ? ORDER BY f.id LIMIT 1`, true).Scan(&code)
	if err != nil {
		b.Fatal(err)
	}
	return m, &http.Cookie{Name: "crocevia_session", Value: tok}, code
}

// placeholders fills in a page path for the national data set of m.
func placeholders(b *testing.B, m *Main, code string) *strings.Replacer {
	b.Helper()
	var contract string
	err := m.DB.QueryRowContext(context.Background(), `SELECT CAST(MIN(cf.contract_id) AS TEXT) FROM contract_facilities cf
		JOIN facilities f ON f.id = cf.facility_id WHERE f.code = ?`, code).Scan(&contract)
	if err != nil {
		b.Fatal(err)
	}
	var inspection, action string
	err = m.DB.QueryRowContext(context.Background(), `SELECT CAST(MAX(i.id) AS TEXT), CAST(MAX(a.id) AS TEXT)
		FROM inspections i JOIN facilities f ON f.id = i.facility_id LEFT JOIN corrective_actions a ON a.inspection_id = i.id
		WHERE f.code = ?`, code).Scan(&inspection, &action)
	if err != nil {
		b.Fatal(err)
	}
	month := time.Now().AddDate(0, -1, 0).Format("2006-01")
	return strings.NewReplacer("{facility}", code, "{contract}", contract, "{month}", month,
		"{inspection}", inspection, "{action}", action)
}

// benchPage asks for path until the benchmark has its figure, failing on
// anything but 200.
func benchPage(b *testing.B, h http.Handler, session *http.Cookie, path string) {
	cpu := processCPU()
	defer func() {
		// CPU time of this process per page: all of the work on SQLite,
		// a figure the machine's other load inflates far less than wall time.
		b.ReportMetric(float64((processCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}()
	for b.Loop() {
		req := httptest.NewRequest("GET", path, nil)
		req.AddCookie(session)
		req.RemoteAddr = "127.0.0.1:40000"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: status %d", path, rec.Code)
		}
	}
}

// benchNational runs one sub-benchmark per database and path.
func benchNational(b *testing.B, paths []string) {
	for _, tg := range nationalTargets() {
		b.Run(tg.name, func(b *testing.B) {
			m, session, code := nationalMain(b, tg)
			h, fill := m.Web.Handler(), placeholders(b, m, code)
			for _, p := range paths {
				p = fill.Replace(p)
				b.Run(strings.TrimPrefix(p, "/"), func(b *testing.B) { benchPage(b, h, session, p) })
			}
		})
	}
}

// BenchmarkNationalFacilityList is the registry filtered by state and
// system type, second page.
func BenchmarkNationalFacilityList(b *testing.B) { benchNational(b, nationalPages[:1]) }

// BenchmarkNationalFacilityPage is the page of the largest facility.
func BenchmarkNationalFacilityPage(b *testing.B) { benchNational(b, nationalPages[1:2]) }

// BenchmarkNationalDashboard is the Prefettura's dashboard.
func BenchmarkNationalDashboard(b *testing.B) { benchNational(b, nationalPages[2:3]) }

// BenchmarkNationalReconciliation is one contract's month, then the month's
// overview of every contract.
func BenchmarkNationalReconciliation(b *testing.B) { benchNational(b, nationalPages[3:5]) }

// BenchmarkNationalPages is every page of nationalPages.
func BenchmarkNationalPages(b *testing.B) { benchNational(b, nationalPages) }

// BenchmarkNationalPage is one page named by $CROCEVIA_BENCH_PAGE, for profiling.
func BenchmarkNationalPage(b *testing.B) {
	p := os.Getenv("CROCEVIA_BENCH_PAGE")
	if p == "" {
		b.Skip("CROCEVIA_BENCH_PAGE names the page to measure, e.g. /mappa")
	}
	benchNational(b, []string{p})
}

// processCPU is the user and system time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
