package main

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/questions"
)

// The public FAQ answers everyone alike, anonymous visitors included: a
// published public question is there for all, a private one for nobody,
// and an answer version never validated has no page.
func init() {
	moduleRows = append(moduleRows, func(t *testing.T, m *Main) []routeSpec {
		public := faqFixture(t, m.DB, "Rinnovo del permesso: tabella delle rotte", questions.Public, true)
		private := faqFixture(t, m.DB, "Domanda riservata: tabella delle rotte", questions.Private, false)
		p, q := "/faq/"+strconv.FormatInt(public, 10), "/faq/"+strconv.FormatInt(private, 10)
		return []routeSpec{
			{route: "GET /faq", path: "/faq", who: everyone, ok: 200},
			{route: "GET /faq", path: "/faq?q=permessi&argomento=permessi&pagina=1", who: everyone, ok: 200},
			{route: "GET /faq", path: "/faq?argomento=inesistente", who: everyone, ok: 404},
			{route: "GET /faq/feed.atom", path: "/faq/feed.atom", who: everyone, ok: 200},
			{route: "GET /faq/argomento/{slug}", path: "/faq/argomento/permessi", who: everyone, ok: 200},
			{route: "GET /faq/{id}", path: p, who: everyone, ok: 200},
			{route: "GET /faq/{id}", path: q, who: everyone, ok: 404},
			{route: "GET /faq/{a}/{b}/{c}", path: p + "/versioni/1", who: everyone, ok: 200},
			{route: "GET /faq/{a}/{b}/{c}", path: p + "/versioni/2", who: everyone, ok: 404},
			{route: "GET /faq/{a}/{b}/{c}", path: q + "/versioni/1", who: everyone, ok: 404},
			{route: "GET /faq/{a}/{b}/{c}", path: "/faq/argomento/permessi/feed.atom", who: everyone, ok: 200},
			{route: "GET /sitemap.xml", path: "/sitemap.xml", who: everyone, ok: 200},
			{route: "GET /api/v1/faq", path: "/api/v1/faq?q=permesso", who: everyone, ok: 200},
		}
	})
}

// faqFixture writes a published question with a validated answer and,
// when draft is set, a second version still in draft.
func faqFixture(t *testing.T, d *db.DB, title string, v questions.Visibility, draft bool) int64 {
	t.Helper()
	ctx, now := context.Background(), time.Now().UTC()
	var id int64
	err := d.InTx(ctx, func(tx *db.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO questions (title, body, topic_id, visibility, state, published_at, created_at, updated_at)
			VALUES (?, 'Quali documenti servono?', (SELECT id FROM question_topics WHERE slug = 'permessi'), ?, ?, ?, ?, ?) RETURNING id`,
			title, v, questions.Published, now, now, now).Scan(&id)
		if err != nil {
			return err
		}
		var answer int64
		err = tx.QueryRowContext(ctx, `INSERT INTO question_answers (question_id, version, body, state, validated_at, created_at, updated_at)
			VALUES (?, 1, 'Serve la ricevuta.', ?, ?, ?, ?) RETURNING id`, id, questions.AnswerValidated, now, now, now).Scan(&answer)
		if err != nil {
			return err
		}
		if draft {
			if _, err := tx.ExecContext(ctx, `INSERT INTO question_answers (question_id, version, body, state, created_at, updated_at)
				VALUES (?, 2, 'Bozza.', ?, ?, ?)`, id, questions.AnswerDraft, now, now); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE questions SET answer_id = ? WHERE id = ?`, answer, id); err != nil {
			return err
		}
		return questions.Reindex(ctx, tx, id)
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}
