package questions

import (
	"context"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/search"
)

// mustQuestion writes a question on the first seeded topic with a
// validated answer, in the given state and visibility, and returns its ID.
func mustQuestion(t *testing.T, d *db.DB, title string, st State, v Visibility) int64 {
	t.Helper()
	ctx, now := context.Background(), time.Now().UTC()
	var id int64
	err := d.InTx(ctx, func(tx *db.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO questions (title, body, topic_id, visibility, state, created_at, updated_at)
			VALUES (?, ?, (SELECT id FROM question_topics WHERE slug = 'permessi'), ?, ?, ?, ?) RETURNING id`,
			title, "Quali documenti servono?", v, st, now, now).Scan(&id)
		if err != nil {
			return err
		}
		var answer int64
		err = tx.QueryRowContext(ctx, `INSERT INTO question_answers (question_id, version, body, state, created_at, updated_at)
			VALUES (?, 1, ?, ?, ?, ?) RETURNING id`, id, "Serve la ricevuta della Questura.", AnswerValidated, now, now).Scan(&answer)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE questions SET answer_id = ? WHERE id = ?`, answer, id); err != nil {
			return err
		}
		return Reindex(ctx, tx, id)
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func found(t *testing.T, d *db.DB, text string) int {
	t.Helper()
	_, total, err := search.Query(context.Background(), d, search.Request{Kind: searchKind, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return total
}

func TestReindexPublishesOnlyPublicPublishedQuestions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		before, err := Generation(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		published := mustQuestion(t, d, "Rinnovo del permesso di soggiorno", Published, Public)
		mustQuestion(t, d, "Iscrizione anagrafica privata", Published, Private)
		mustQuestion(t, d, "Tessera sanitaria in bozza", Drafted, Public)

		t.Run("a published public question is found by another inflection", func(t *testing.T) {
			if n := found(t, d, "rinnovare permessi"); n != 1 {
				t.Errorf("found %d, want 1", n)
			}
		})
		t.Run("its answer is searchable too", func(t *testing.T) {
			if n := found(t, d, "ricevuta questura"); n != 1 {
				t.Errorf("found %d, want 1", n)
			}
		})
		t.Run("private and unpublished questions are not indexed", func(t *testing.T) {
			for _, q := range []string{"anagrafica", "tessera sanitaria"} {
				if n := found(t, d, q); n != 0 {
					t.Errorf("%q found %d, want 0", q, n)
				}
			}
		})
		t.Run("archiving takes it out of the index", func(t *testing.T) {
			err := d.InTx(ctx, func(tx *db.Tx) error {
				if _, err := tx.ExecContext(ctx, `UPDATE questions SET state = ? WHERE id = ?`, Archived, published); err != nil {
					return err
				}
				return Reindex(ctx, tx, published)
			})
			if err != nil {
				t.Fatal(err)
			}
			if n := found(t, d, "permesso"); n != 0 {
				t.Errorf("found %d after archiving, want 0", n)
			}
		})
		t.Run("every reindex bumps the generation", func(t *testing.T) {
			after, err := Generation(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if after != before+4 {
				t.Errorf("generation %d, want %d", after, before+4)
			}
		})
	})
}

func TestLateOnlyWhileOpenPastTheDueDay(t *testing.T) {
	due := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name  string
		state State
		now   time.Time
		want  bool
	}{
		{"open on its due day is on time", Assigned, due.Add(20 * time.Hour), false},
		{"open the day after is late", Drafted, due.AddDate(0, 0, 1).Add(time.Hour), true},
		{"published after the due day is not late", Published, due.AddDate(0, 0, 5), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q := &Question{State: c.state, DueOn: &due}
			if got := q.Late(c.now); got != c.want {
				t.Errorf("Late = %v, want %v", got, c.want)
			}
		})
	}
}
