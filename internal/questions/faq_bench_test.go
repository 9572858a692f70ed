package questions

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/municipalities"
)

// benchWorld opens each database once per benchmark and seeds it.
func benchWorlds(b *testing.B, fn func(b *testing.B, w *faqWorld)) {
	for _, tg := range dbtest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			d := dbtest.Open(b, tg)
			start := time.Now()
			if err := NationalSeedAt(benchN())(context.Background(), d, io.Discard); err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: %d Q&As loaded in %s", tg.Name, benchN(), time.Since(start).Round(time.Millisecond))
			fn(b, mustFAQ(b, d))
		})
	}
}

// reportPercentiles adds p50 and p99 of the timed calls to the output.
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

// BenchmarkFAQSearch measures the search itself, without the page cache:
// what the first visitor after a publication waits for.
func BenchmarkFAQSearch(b *testing.B) {
	benchWorlds(b, func(b *testing.B, w *faqWorld) {
		for _, c := range []struct{ name, q string }{
			{"common", "permesso"},
			{"rare", "Quargnento"},
			{"two-words", "rinnovare permesso"},
			{"typo", "ricongiungimeto"},
		} {
			b.Run(c.name, func(b *testing.B) {
				ctx := context.Background()
				ds := make([]time.Duration, 0, b.N)
				for b.Loop() {
					start := time.Now()
					if _, err := w.faq.store.search(ctx, c.q, nil, 1); err != nil {
						b.Fatal(err)
					}
					ds = append(ds, time.Since(start))
				}
				reportPercentiles(b, ds)
			})
		}
	})
}

// BenchmarkFAQPage measures the Q&A page through the whole handler: cached
// (every visitor after the first) and rendered from the database.
func BenchmarkFAQPage(b *testing.B) {
	benchWorlds(b, func(b *testing.B, w *faqWorld) {
		h := w.env.Handler()
		get := func(b *testing.B, path string) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
			if rec.Code != http.StatusOK {
				b.Fatalf("%s: %d", path, rec.Code)
			}
		}
		for _, c := range []struct {
			name  string
			fresh bool
		}{{"cached", false}, {"uncached", true}} {
			b.Run(c.name, func(b *testing.B) {
				ds := make([]time.Duration, 0, b.N)
				i := 0
				for b.Loop() {
					if c.fresh {
						w.faq.cache = newFAQCache(32<<20, time.Minute)
					}
					i++
					start := time.Now()
					get(b, "/faq/"+strconv.Itoa(1+i%benchN()))
					ds = append(ds, time.Since(start))
				}
				reportPercentiles(b, ds)
			})
		}
		b.Run("search-cached", func(b *testing.B) {
			for b.Loop() {
				get(b, "/faq?q=permesso+soggiorno")
			}
		})
	})
}

// TestFAQSeedLoadData fills the database of a data folder with synthetic
// Q&As for scripts/faq-load.sh; it runs only when the script asks.
func TestFAQSeedLoadData(t *testing.T) {
	dir := os.Getenv("CROCEVIA_FAQ_LOAD_DATA")
	if dir == "" {
		t.Skip("CROCEVIA_FAQ_LOAD_DATA not set: only scripts/faq-load.sh seeds")
	}
	ctx := context.Background()
	d, err := db.Open(ctx, os.Getenv("CROCEVIA_FAQ_LOAD_DATABASE"), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := municipalities.Load(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := NationalSeedAt(benchN())(ctx, d, io.Discard); err != nil {
		t.Fatal(err)
	}
}
