package questions

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// faqWorld is the public FAQ mounted on a test server.
type faqWorld struct {
	env *webtest.Env
	faq *FAQ
	db  *db.DB
}

func mustFAQ(t testing.TB, d *db.DB) *faqWorld {
	t.Helper()
	env := webtest.New(t, d)
	f, err := NewFAQ(FAQDeps{Web: env.Web, DB: d, BaseURL: "https://crocevia.example", ViewsEvery: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	// Tests see a publication at once instead of within a second.
	f.gen.interval = 0
	env.Mount(f)
	t.Cleanup(func() { _ = f.Close() })
	return &faqWorld{env: env, faq: f, db: d}
}

func (w *faqWorld) get(t testing.TB, path string) *webtest.Response {
	t.Helper()
	return w.env.Anonymous().Get(path)
}

// qa describes a question to write straight into the tables.
type qa struct {
	Title, Body, Answer string
	Topic               string // slug, "permessi" when ""
	State               State
	Visibility          Visibility
	Versions            int  // validated versions; the last is published (1 when 0)
	Draft               bool // a newer version still in draft
	SupersededBy        int64
	MergedInto          int64
}

// mustQA writes a question with its answer versions and references, and
// reindexes it as the workflow would.
func mustQA(t testing.TB, d *db.DB, s qa) int64 {
	t.Helper()
	ctx, now := context.Background(), time.Now().UTC()
	if s.Topic == "" {
		s.Topic = "permessi"
	}
	if s.State == "" {
		s.State = Published
	}
	if s.Visibility == "" {
		s.Visibility = Public
	}
	if s.Body == "" {
		s.Body = "Domanda di un operatore."
	}
	if s.Answer == "" {
		s.Answer = "Risposta validata."
	}
	var id int64
	err := d.InTx(ctx, func(tx *db.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO questions (title, body, topic_id, visibility, state, published_at,
			superseded_by, merged_into, created_at, updated_at)
			VALUES (?, ?, (SELECT id FROM question_topics WHERE slug = ?), ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			s.Title, s.Body, s.Topic, s.Visibility, s.State, now, nullID(s.SupersededBy), nullID(s.MergedInto), now, now).Scan(&id)
		if err != nil {
			return err
		}
		published, err := mustAnswers(ctx, tx, id, s, now)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE questions SET answer_id = ? WHERE id = ?`, published, id); err != nil {
			return err
		}
		return Reindex(ctx, tx, id)
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// mustAnswers writes the validated versions (version n says "versione n"),
// the draft if asked, and a reference of the published one.
func mustAnswers(ctx context.Context, tx *db.Tx, id int64, s qa, now time.Time) (int64, error) {
	n := max(s.Versions, 1)
	var published int64
	for v := 1; v <= n+1; v++ {
		state, body := AnswerValidated, s.Answer
		if v < n {
			body = s.Answer + " (versione " + string(rune('0'+v)) + ")"
		}
		if v == n+1 {
			if !s.Draft {
				break
			}
			state, body = AnswerDraft, "Bozza non validata."
		}
		var aid int64
		err := tx.QueryRowContext(ctx, `INSERT INTO question_answers (question_id, version, body, state, valid_as_of,
			authority_name, validated_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			id, v, body, state, now, "Questura di Alessandria", now, now, now).Scan(&aid)
		if err != nil {
			return 0, err
		}
		if v == n {
			published = aid
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO question_references (answer_id, position, norm, article, circular, url)
		VALUES (?, 1, 'D.lgs. 286/1998', '5', '', 'https://www.normattiva.it/')`, published)
	return published, err
}

// apiSearch asks the JSON API.
func (w *faqWorld) apiSearch(t testing.TB, q, topic string, page int) apiResults {
	t.Helper()
	v := url.Values{"q": {q}}
	if topic != "" {
		v.Set("argomento", topic)
	}
	if page > 1 {
		v.Set("pagina", string(rune('0'+page)))
	}
	res := w.get(t, "/api/v1/faq?"+v.Encode())
	res.WantStatus(t, 200)
	var out apiResults
	if err := json.Unmarshal([]byte(res.Body), &out); err != nil {
		t.Fatalf("api: %v\n%s", err, res.Body)
	}
	return out
}

func titles(r apiResults) []string {
	out := make([]string, len(r.Results))
	for i, h := range r.Results {
		out[i] = strings.NewReplacer("<mark>", "", "</mark>", "").Replace(h.Title)
	}
	return out
}
