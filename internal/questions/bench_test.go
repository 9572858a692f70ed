package questions

import (
	"context"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/search"
)

// benchN is how many published Q&As the benchmarks search:
// CROCEVIA_BENCH_FAQ_N, or 5,000.
func benchN() int {
	if n, err := strconv.Atoi(os.Getenv("CROCEVIA_BENCH_FAQ_N")); err == nil && n > 0 {
		return n
	}
	return 5000
}

// benchSeed loads n synthetic Q&As and turns one in twenty into an open
// question waiting for triage, so the triage list has pages to read.
func benchSeed(b *testing.B, d *db.DB, n int) {
	b.Helper()
	ctx := context.Background()
	start := time.Now()
	if err := NationalSeedAt(n)(ctx, d, io.Discard); err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: %d Q&As loaded in %s", d.Dialect(), n, time.Since(start).Round(time.Millisecond))
	_, err := d.ExecContext(ctx, `UPDATE questions SET state = CASE WHEN id % 40 = 0 THEN 'submitted' ELSE 'triage' END,
		answer_id = NULL, published_at = NULL, answered_at = NULL WHERE id % 20 = 0`)
	if err != nil {
		b.Fatal(err)
	}
}

// benchOps runs op in the benchmark loop and reports the median and 99th
// percentile of its durations.
func benchOps(b *testing.B, op func(i int) error) {
	var ds []time.Duration
	i := 0
	for b.Loop() {
		t := time.Now()
		if err := op(i); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(t))
		i++
	}
	slices.Sort(ds)
	ms := func(p float64) float64 { return float64(ds[int(p*float64(len(ds)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
}

// BenchmarkFAQ searches and reads the synthetic Q&As and lists the
// triage queue, on every database: go test -bench FAQ -run '^$'
// ./internal/questions/ (CROCEVIA_BENCH_FAQ_N=100000 for the national
// scale).
func BenchmarkFAQ(b *testing.B) {
	n := benchN()
	for _, tg := range dbtest.Targets(b) {
		d := dbtest.Open(b, tg)
		benchSeed(b, d, n)
		ctx := context.Background()
		for _, q := range []struct{ name, text string }{
			{"search common term", "permesso"},
			{"search rare term", "Quargnento"},
			{"search two words", "rinnovare permesso"},
		} {
			b.Run(tg.Name+"/"+q.name, func(b *testing.B) {
				var total int
				benchOps(b, func(int) error {
					var err error
					_, total, err = search.Query(ctx, d, search.Request{Kind: searchKind, Text: q.text, Limit: 20})
					return err
				})
				b.ReportMetric(float64(total), "matches")
			})
		}
		b.Run(tg.Name+"/qa page", func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 2))
			benchOps(b, func(int) error { return benchQAPage(ctx, d, 1+r.Int64N(int64(n))) })
		})
		b.Run(tg.Name+"/triage list", func(b *testing.B) {
			benchOps(b, func(i int) error { return benchTriage(ctx, d, (i%5)*50) })
		})
	}
}

// benchQAPage reads what a Q&A page shows: the question, its published
// answer and the answer's references.
func benchQAPage(ctx context.Context, d *db.DB, id int64) error {
	var title, body, answer, authority string
	var answerID int64
	err := d.QueryRowContext(ctx, `SELECT q.title, q.body, a.id, a.body, a.authority_name FROM questions q
		JOIN question_answers a ON a.id = q.answer_id WHERE q.id = ? AND q.state = ? AND q.visibility = ?`,
		id, Published, Public).Scan(&title, &body, &answerID, &answer, &authority)
	if err == db.ErrNotFound {
		return nil
	}
	if err != nil {
		return err
	}
	rows, err := d.QueryContext(ctx, `SELECT norm, article, circular, url FROM question_references
		WHERE answer_id = ? ORDER BY position`, answerID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r Reference
		if err := rows.Scan(&r.Norm, &r.Article, &r.Circular, &r.URL); err != nil {
			return err
		}
	}
	return rows.Err()
}

// benchTriage reads a page of 50 of the triage list: the questions
// submitted or in triage, the earliest due first.
func benchTriage(ctx context.Context, d *db.DB, offset int) error {
	rows, err := d.QueryContext(ctx, `SELECT q.id, q.title, q.state, q.due_on, t.name FROM questions q
		JOIN question_topics t ON t.id = q.topic_id WHERE q.state IN (?, ?) ORDER BY q.due_on, q.id LIMIT 50 OFFSET ?`,
		Submitted, Triage, offset)
	if err != nil {
		return err
	}
	defer rows.Close()
	k := 0
	for rows.Next() {
		var id int64
		var title, state, topic string
		var due time.Time
		if err := rows.Scan(&id, &title, &state, &due, &topic); err != nil {
			return err
		}
		k++
	}
	if k == 0 {
		return io.ErrUnexpectedEOF
	}
	return rows.Err()
}
