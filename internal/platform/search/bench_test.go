package search_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/search"
)

const benchDocs = 20000

var benchWords = strings.Fields(`permesso soggiorno rinnovo questura prefettura accoglienza
	residenza anagrafe comune lavoro contratto tirocinio scuola iscrizione corso lingua italiana
	mediazione mediatore culturale salute tessera sanitaria medico ospedale famiglia minore
	ricongiungimento cittadinanza domanda documento passaporto codice fiscale casa affitto
	centro servizio sportello appuntamento richiesta protezione internazionale asilo rifugiato
	commissione ricorso tribunale avvocato assistenza legale orientamento formazione
	professionale università borsa studio trasporto abbonamento autobus banca conto corrente
	città Alessandria Casale Novi Tortona Acqui Valenza perché quando dove come entro giorni`)

// benchVocabulary is the topic words above followed by a few thousand
// made-up Italian-sounding words, so that word frequencies spread out as in
// real text instead of every word being in every document.
func benchVocabulary() []string {
	syllables := strings.Fields("ba ce di fo gu la me ni po ru sa te vi zo ca re to na li mo")
	ends := strings.Fields("a e i o zione mento tore ità")
	vocab := slices.Clone(benchWords)
	for i := range 4000 {
		w := syllables[i%20] + syllables[(i/20)%20] + syllables[(i/400)%20] + ends[i%len(ends)]
		vocab = append(vocab, w)
	}
	return vocab
}

// benchText is a synthetic Italian sentence of n words drawn with Zipf's law.
func benchText(z *rand.Zipf, vocab []string, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = vocab[z.Uint64()]
	}
	return strings.Join(ws, " ")
}

func seedBench(b *testing.B, d *db.DB) {
	b.Helper()
	vocab := benchVocabulary()
	z := rand.NewZipf(rand.New(rand.NewPCG(1, 2)), 1.1, 4, uint64(len(vocab)-1))
	kinds := []string{"faq", "magazine", "directory"}
	err := d.InTx(context.Background(), func(tx *db.Tx) error {
		for i := range benchDocs {
			doc := search.Doc{Kind: kinds[i%len(kinds)], Ref: strconv.Itoa(i),
				Title: benchText(z, vocab, 6), Body: benchText(z, vocab, 80)}
			if err := search.Index(context.Background(), tx, doc); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkQuery searches 20,000 synthetic documents of about 90 words.
func BenchmarkQuery(b *testing.B) {
	queries := []struct{ name, kind, text string }{
		{"one word", "faq", "permessi"},
		{"two words", "faq", "rinnovare permesso"},
		{"prefix", "", "ricongiung"},
		{"three words all kinds", "", "tessera sanitaria ospedale"},
		{"rare word", "", "balamezione"},
	}
	for _, tg := range dbtest.Targets(b) {
		d := dbtest.Open(b, tg)
		seedBench(b, d)
		for _, q := range queries {
			b.Run(tg.Name+"/"+q.name, func(b *testing.B) {
				req := search.Request{Kind: q.kind, Text: q.text, Limit: 20}
				var total int
				for b.Loop() {
					var err error
					if _, total, err = search.Query(context.Background(), d, req); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(total), "matches")
			})
		}
	}
}
