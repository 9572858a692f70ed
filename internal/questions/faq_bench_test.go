package questions

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// benchQAs is how many synthetic Q&As the benchmarks load;
// CROCEVIA_FAQ_BENCH_QAS=100000 measures the national scale.
func benchQAs() int {
	if n, err := strconv.Atoi(os.Getenv("CROCEVIA_FAQ_BENCH_QAS")); err == nil && n > 0 {
		return n
	}
	return 5000
}

var benchWords = strings.Fields(`permesso soggiorno rinnovo questura prefettura accoglienza residenza anagrafe
	comune lavoro contratto tirocinio scuola iscrizione corso lingua italiana mediazione mediatore culturale
	salute tessera sanitaria medico ospedale famiglia minore ricongiungimento cittadinanza domanda documento
	passaporto codice fiscale casa affitto centro servizio sportello appuntamento richiesta protezione
	internazionale asilo rifugiato commissione ricorso tribunale avvocato assistenza legale orientamento
	formazione professionale università borsa studio trasporto abbonamento banca conto corrente città`)

// benchVocabulary adds a few thousand made-up words, so that frequencies
// spread out as in real text.
func benchVocabulary() []string {
	syl := strings.Fields("ba ce di fo gu la me ni po ru sa te vi zo ca re to na li mo")
	ends := strings.Fields("a e i o zione mento tore ità")
	vocab := slices.Clone(benchWords)
	for i := range 4000 {
		vocab = append(vocab, syl[i%20]+syl[(i/20)%20]+syl[(i/400)%20]+ends[i%len(ends)])
	}
	return vocab
}

// seedFAQ loads n published public Q&As over the topics in one transaction.
func seedFAQ(b testing.TB, d *db.DB, n int) {
	b.Helper()
	vocab := benchVocabulary()
	z := rand.NewZipf(rand.New(rand.NewPCG(1, 2)), 1.1, 4, uint64(len(vocab)-1))
	text := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[z.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	topics := []string{"permessi", "asilo", "accoglienza", "anagrafe", "salute", "scuola", "lavoro", "cittadinanza"}
	ctx, now := context.Background(), time.Now().UTC()
	// Batches of a few hundred: on PostgreSQL, updating the same rows (the
	// generation, the counts of common stems) thousands of times in one
	// transaction makes every update walk a longer chain of row versions.
	for from := 0; from < n; from += 250 {
		if err := d.InTx(ctx, func(tx *db.Tx) error {
			return seedBatch(ctx, tx, from, min(from+250, n), text, topics, now)
		}); err != nil {
			b.Fatal(err)
		}
	}
}

func seedBatch(ctx context.Context, tx *db.Tx, from, to int, text func(int) string, topics []string, now time.Time) error {
	for i := from; i < to; i++ {
		var id, aid int64
		err := tx.QueryRowContext(ctx, `INSERT INTO questions (title, body, topic_id, visibility, state, published_at, created_at, updated_at)
				VALUES (?, ?, (SELECT id FROM question_topics WHERE slug = ?), ?, ?, ?, ?, ?) RETURNING id`,
			text(8), text(40), topics[i%len(topics)], Public, Published, now, now, now).Scan(&id)
		if err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO question_answers (question_id, version, body, state, validated_at, authority_name, created_at, updated_at)
				VALUES (?, 1, ?, ?, ?, 'Questura di Alessandria', ?, ?) RETURNING id`, id, text(120), AnswerValidated, now, now, now).Scan(&aid)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE questions SET answer_id = ? WHERE id = ?`, aid, id); err != nil {
			return err
		}
		if err := Reindex(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// benchWorld opens each database once per benchmark and seeds it.
func benchWorlds(b *testing.B, fn func(b *testing.B, w *faqWorld)) {
	for _, tg := range dbtest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			d := dbtest.Open(b, tg)
			seedFAQ(b, d, benchQAs())
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
			{"rare", "ricorso"},
			{"two-words", "tessera sanitaria"},
			{"typo", "sanitria"},
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
					get(b, "/faq/"+strconv.Itoa(1+i%benchQAs()))
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
	seedFAQ(t, d, benchQAs())
}
