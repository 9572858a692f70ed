package questions

import (
	"context"
	"io"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// benchN is how many published Q&As the benchmarks search:
// CROCEVIA_BENCH_FAQ_N, or 5,000.
func benchN() int {
	if n, err := strconv.Atoi(os.Getenv("CROCEVIA_BENCH_FAQ_N")); err == nil && n > 0 {
		return n
	}
	return 5000
}

// BenchmarkFAQTriage reads pages of the coordinators' triage list, the
// earliest due first, with one question in twenty waiting for triage:
// go test -bench FAQ -run '^$' ./internal/questions/ (CROCEVIA_BENCH_FAQ_N=100000
// for the national scale). The search and the Q&A page are measured by
// BenchmarkFAQSearch and BenchmarkFAQPage.
func BenchmarkFAQTriage(b *testing.B) {
	ctx := context.Background()
	for _, tg := range dbtest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			d := dbtest.Open(b, tg)
			if err := NationalSeedAt(benchN())(ctx, d, io.Discard); err != nil {
				b.Fatal(err)
			}
			_, err := d.ExecContext(ctx, `UPDATE questions SET state = CASE WHEN id % 40 = 0 THEN 'submitted' ELSE 'triage' END,
				answer_id = NULL, published_at = NULL, answered_at = NULL WHERE id % 20 = 0`)
			if err != nil {
				b.Fatal(err)
			}
			store := &Store{DB: d}
			ds := make([]time.Duration, 0, b.N)
			i := 0
			for b.Loop() {
				start := time.Now()
				list, _, err := store.List(ctx, Scope{All: true}, Filter{Triage: true, Now: time.Now(), Limit: 50, Offset: (i % 5) * 50})
				if err != nil || len(list) == 0 {
					b.Fatalf("triage page: %d rows, %v", len(list), err)
				}
				ds = append(ds, time.Since(start))
				i++
			}
			reportPercentiles(b, ds)
		})
	}
}
