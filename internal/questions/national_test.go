package questions

import (
	"bytes"
	"context"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestNationalSeedWritesSearchablePublishedQuestions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		// Small chunks, so that a few hundred rows still cross one.
		defer func(c int) { natChunk = c }(natChunk)
		natChunk = 200
		var out bytes.Buffer
		n := 2*natChunk + 50
		if err := NationalSeedAt(n)(ctx, d, &out); err != nil {
			t.Fatal(err)
		}
		if got := qdCount(t, d, `SELECT COUNT(*) FROM questions q JOIN question_answers a ON a.id = q.answer_id
			WHERE q.state = 'published' AND a.state = 'validated' AND a.question_id = q.id`); got != n {
			t.Errorf("%d published questions with their answer, want %d", got, n)
		}
		if got := qdCount(t, d, `SELECT COUNT(*) FROM search_index WHERE kind = 'faq'`); got != n {
			t.Errorf("%d search documents, want %d", got, n)
		}
		if got := found(t, d, "rinnovare permessi"); got == 0 || got == n {
			t.Errorf("a common query finds %d of %d", got, n)
		}
		t.Run("an ordinary question after the load gets a fresh id and is indexed", func(t *testing.T) {
			id := mustQuestion(t, d, "Zanzibarite improbabile", Published, Public)
			if id <= int64(n) {
				t.Errorf("id %d reuses a loaded one", id)
			}
			if got := found(t, d, "zanzibarite"); got != 1 {
				t.Errorf("found %d, want 1", got)
			}
		})
	})
}
