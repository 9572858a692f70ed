package search_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/search"
)

// TestRankWindow: a query matching more than MaxCount documents ranks only
// the RankWindow+1 most recently indexed ones, and counts up to "more than
// MaxCount".
func TestRankWindow(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		// The old ones are indexed first, with the word in the title too:
		// the best matches overall; the oldest of them fall outside the window.
		const old = 10
		outside := search.RankWindow + old - (search.RankWindow + 1)
		err := d.InTx(context.Background(), func(tx *db.Tx) error {
			for i := range search.RankWindow + old {
				doc := search.Doc{Kind: "faq", Ref: strconv.Itoa(i), Title: "Domanda " + strconv.Itoa(i),
					Body: "Come si chiede il permesso di soggiorno?"}
				if i < old {
					doc.Title = "Permesso di soggiorno: domanda " + strconv.Itoa(i)
				}
				if err := search.Index(context.Background(), tx, doc); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		refs, total := mustQuery(t, d, search.Request{Kind: "faq", Text: "permesso", Limit: 20})
		if !search.More(total) || len(refs) != 20 {
			t.Fatalf("%d hits of %d; want 20 of more than %d", len(refs), total, search.MaxCount)
		}
		for _, r := range refs {
			if n, _ := strconv.Atoi(strings.TrimPrefix(r, "faq/")); n < outside {
				t.Errorf("the first page ranks %s, older than the window", r)
			}
		}
		if refs[0] != "faq/"+strconv.Itoa(outside) {
			t.Errorf("first hit %s; want faq/%d, the one title match within the window", refs[0], outside)
		}
		refs, _ = mustQuery(t, d, search.Request{Kind: "faq", Text: "permesso", Limit: 20, Offset: search.RankWindow})
		if len(refs) != 1 {
			t.Errorf("the window's last page: %v; want its last match", refs)
		}
		// Fewer matches than the window: everything is ranked, titles first.
		refs, _ = mustQuery(t, d, search.Request{Kind: "faq", Text: "permesso domanda 3", Limit: 5})
		if len(refs) == 0 || refs[0] != "faq/3" {
			t.Errorf("a narrow query ranks %v; want faq/3 first", refs)
		}
	})
}
