package search_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/search"
)

var faqs = []search.Doc{
	{Kind: "faq", Ref: "1", Title: "Rinnovo del permesso di soggiorno", Body: "Documenti da presentare in Questura."},
	{Kind: "faq", Ref: "2", Title: "Iscrizione all'anagrafe", Body: "Perché serve la residenza dell'interessato."},
	{Kind: "faq", Ref: "3", Title: "Corsi di lingua italiana", Body: "Serve il permesso di soggiorno valido per iscriversi."},
	{Kind: "news", Ref: "1", Title: "Nuove regole per il permesso", Body: "Cambiano i tempi."},
	{Kind: "faq", Ref: "4", Title: "Città e servizi", Body: "Gli uffici della città."},
}

func mustIndex(t *testing.T, d *db.DB, docs ...search.Doc) {
	t.Helper()
	for _, doc := range docs {
		if err := search.Index(context.Background(), d, doc); err != nil {
			t.Fatal(err)
		}
	}
}

func mustQuery(t *testing.T, d *db.DB, req search.Request) ([]string, int) {
	t.Helper()
	hits, total, err := search.Query(context.Background(), d, req)
	if err != nil {
		t.Fatal(err)
	}
	refs := make([]string, len(hits))
	for i, h := range hits {
		refs[i] = h.Kind + "/" + h.Ref
	}
	return refs, total
}

func TestQuery(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		mustIndex(t, d, faqs...)
		tests := []struct {
			name string
			req  search.Request
			want []string
			// anyOrder is set where ranking is not what the case is about.
			anyOrder bool
		}{
			{"plural finds singular", search.Request{Kind: "faq", Text: "permessi"}, []string{"faq/1", "faq/3"}, false},
			{"verb finds noun", search.Request{Kind: "faq", Text: "rinnovare"}, []string{"faq/1"}, false},
			{"unaccented finds accented", search.Request{Text: "perche"}, []string{"faq/2"}, false},
			{"accented finds unaccented query", search.Request{Text: "CITTÀ"}, []string{"faq/4"}, false},
			{"elided article is split off", search.Request{Text: "anagrafe"}, []string{"faq/2"}, false},
			{"every word must match", search.Request{Kind: "faq", Text: "permesso lingua"}, []string{"faq/3"}, false},
			{"last word matches as prefix", search.Request{Text: "soggio"}, []string{"faq/1", "faq/3"}, false},
			{"title match ranks above body match", search.Request{Kind: "faq", Text: "soggiorno"}, []string{"faq/1", "faq/3"}, false},
			{"no kind searches every kind", search.Request{Text: "permesso"}, []string{"faq/1", "faq/3", "news/1"}, true},
			{"stop words alone match nothing", search.Request{Text: "il di per"}, []string{}, false},
			{"syntax characters are plain text", search.Request{Text: `"permesso" (-:* ^`}, []string{"faq/1", "faq/3", "news/1"}, true},
			{"unknown word matches nothing", search.Request{Text: "zanzara"}, []string{}, false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, total := mustQuery(t, d, tt.req)
				if tt.anyOrder {
					slices.Sort(got)
				}
				if !slices.Equal(got, tt.want) || total != len(tt.want) {
					t.Errorf("Query(%q) = %v (total %d), want %v", tt.req.Text, got, total, tt.want)
				}
			})
		}
	})
}

func TestIndexLifecycle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		mustIndex(t, d, faqs...)
		t.Run("re-indexing a ref replaces it", func(t *testing.T) {
			mustIndex(t, d, search.Doc{Kind: "faq", Ref: "1", Title: "Ricongiungimento familiare", Body: "Nulla osta."})
			if got, _ := mustQuery(t, d, search.Request{Kind: "faq", Text: "rinnovo"}); len(got) != 0 {
				t.Errorf("old text still found: %v", got)
			}
			if got, _ := mustQuery(t, d, search.Request{Kind: "faq", Text: "ricongiungimento"}); !slices.Equal(got, []string{"faq/1"}) {
				t.Errorf("new text found %v, want [faq/1]", got)
			}
		})
		t.Run("removal takes the document out", func(t *testing.T) {
			if err := search.Remove(ctx, d, "faq", "3"); err != nil {
				t.Fatal(err)
			}
			if got, _ := mustQuery(t, d, search.Request{Text: "lingua"}); len(got) != 0 {
				t.Errorf("removed document found: %v", got)
			}
		})
		t.Run("removing a missing document is no error", func(t *testing.T) {
			if err := search.Remove(ctx, d, "faq", "999"); err != nil {
				t.Fatal(err)
			}
		})
		t.Run("same ref in another kind is another document", func(t *testing.T) {
			if got, _ := mustQuery(t, d, search.Request{Kind: "news", Text: "regole"}); !slices.Equal(got, []string{"news/1"}) {
				t.Errorf("news/1 lost: %v", got)
			}
		})
		for name, doc := range map[string]search.Doc{
			"document without ref is refused":  {Kind: "faq", Title: "x"},
			"kind with punctuation is refused": {Kind: `faq" OR x`, Ref: "9", Title: "x"},
			"kind with capitals is refused":    {Kind: "FAQ", Ref: "9", Title: "x"},
		} {
			t.Run(name, func(t *testing.T) {
				if err := search.Index(ctx, d, doc); err == nil {
					t.Fatalf("indexed %+v", doc)
				}
			})
		}
	})
}

func TestPaging(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		err := d.InTx(context.Background(), func(tx *db.Tx) error {
			for i := range 25 {
				doc := search.Doc{Kind: "faq", Ref: fmt.Sprintf("%02d", i), Title: "Domanda sul lavoro", Body: "Testo."}
				if err := search.Index(context.Background(), tx, doc); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for offset := 0; offset < 30; offset += 10 {
			got, total := mustQuery(t, d, search.Request{Kind: "faq", Text: "lavori", Limit: 10, Offset: offset})
			if total != 25 {
				t.Fatalf("total = %d, want 25", total)
			}
			all = append(all, got...)
		}
		slices.Sort(all)
		if len(slices.Compact(all)) != 25 {
			t.Errorf("pages hold %d distinct hits, want 25", len(all))
		}
		if got, total := mustQuery(t, d, search.Request{Kind: "faq", Text: "lavoro", Offset: 100}); len(got) != 0 || total != 25 {
			t.Errorf("past the end: %v (total %d), want none (total 25)", got, total)
		}
	})
}
