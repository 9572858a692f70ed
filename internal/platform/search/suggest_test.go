package search_test

import (
	"context"
	"slices"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/search"
)

func TestQueryByTag(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		mustIndex(t, d,
			search.Doc{Kind: "faq", Ref: "1", Tag: "permessi", Title: "Rinnovo del permesso"},
			search.Doc{Kind: "faq", Ref: "2", Tag: "lavoro", Title: "Permesso per lavoro"},
			search.Doc{Kind: "faq", Ref: "2", Tag: "lavoro", Title: "Permesso per lavoro subordinato"})
		got, total := mustQuery(t, d, search.Request{Kind: "faq", Tag: "lavoro", Text: "permessi"})
		if !slices.Equal(got, []string{"faq/2"}) || total != 1 {
			t.Errorf("tag lavoro: %v (total %d), want [faq/2]", got, total)
		}
		if _, total := mustQuery(t, d, search.Request{Kind: "faq", Text: "permessi"}); total != 2 {
			t.Errorf("no tag: total %d, want 2", total)
		}
	})
}

func mustSuggest(t *testing.T, d *db.DB, text string) (string, bool) {
	t.Helper()
	got, ok, err := search.Suggest(context.Background(), d, "faq", text)
	if err != nil {
		t.Fatal(err)
	}
	return got, ok
}

func TestSuggestCorrectsOneWrongLetter(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		mustIndex(t, d, faqs...)
		tests := []struct {
			name, text, want string
			changed          bool
		}{
			{"a dropped letter", "permeso", "permesso", true},
			{"a swapped pair", "rinonvo", "rinnovo", true},
			{"a wrong letter, other words kept", "Rinnovo soggiormo", "Rinnovo soggiorno", true},
			{"an extra letter", "questtura", "questura", true},
			{"a known word is kept", "permessi", "permessi", false},
			{"too far away", "pxrmxsso", "pxrmxsso", false},
			{"another kind's word is not suggested", "regoke", "regoke", false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, changed := mustSuggest(t, d, tt.text)
				if got != tt.want || changed != tt.changed {
					t.Errorf("Suggest(%q) = %q, %v; want %q, %v", tt.text, got, changed, tt.want, tt.changed)
				}
			})
		}
	})
}

func TestVocabularyForgetsRemovedDocuments(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		mustIndex(t, d, search.Doc{Kind: "faq", Ref: "1", Title: "Tessera sanitaria"})
		if _, ok := mustSuggest(t, d, "tesera"); !ok {
			t.Fatal("no suggestion for an indexed word")
		}
		mustIndex(t, d, search.Doc{Kind: "faq", Ref: "1", Title: "Codice fiscale"})
		if got, ok := mustSuggest(t, d, "tesera"); ok {
			t.Errorf("suggested %q from a replaced text", got)
		}
		if err := search.Remove(ctx, d, "faq", "1"); err != nil {
			t.Fatal(err)
		}
		if got, ok := mustSuggest(t, d, "codece"); ok {
			t.Errorf("suggested %q from a removed document", got)
		}
		mustIndex(t, d, search.Doc{Kind: "faq", Ref: "2", Title: "Medico di base"})
		if err := search.RebuildVocabulary(ctx, d, "faq"); err != nil {
			t.Fatal(err)
		}
		if got, ok := mustSuggest(t, d, "medco"); !ok || got != "medico" {
			t.Errorf("after rebuild: %q, %v; want medico", got, ok)
		}
	})
}
