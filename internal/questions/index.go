package questions

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/search"
)

// searchKind is the kind of the FAQ's documents in the platform's index.
const searchKind = "faq"

// Reindex makes the search index agree with question id: a published
// public question is indexed with its published answer, tagged with its
// topic's ID (the FAQ's topic filter), anything else is taken out. It
// also bumps the publication generation, so every instance drops the
// public pages and searches it cached. Call it in the
// transaction that changed the question.
func Reindex(ctx context.Context, q db.Querier, id int64) error {
	var title, body, answer string
	var topic int64
	err := q.QueryRowContext(ctx, `SELECT q.title, q.body, a.body, q.topic_id FROM questions q
		JOIN question_answers a ON a.id = q.answer_id
		WHERE q.id = ? AND q.state = ? AND q.visibility = ?`, id, Published, Public).Scan(&title, &body, &answer, &topic)
	ref := strconv.FormatInt(id, 10)
	switch {
	case err == nil:
		err = search.Index(ctx, q, search.Doc{Kind: searchKind, Ref: ref, Tag: strconv.FormatInt(topic, 10),
			Title: title, Body: body + "\n\n" + answer})
	case errors.Is(err, db.ErrNotFound) || errors.Is(err, sql.ErrNoRows):
		err = search.Remove(ctx, q, searchKind, ref)
	}
	if err != nil {
		return err
	}
	return bumpGeneration(ctx, q)
}

func bumpGeneration(ctx context.Context, q db.Querier) error {
	_, err := q.ExecContext(ctx, `UPDATE question_generation SET generation = generation + 1 WHERE id = 1`)
	return err
}

// Generation is the publication counter: it changes whenever a public
// page of the FAQ may have changed.
func Generation(ctx context.Context, q db.Querier) (int64, error) {
	var g int64
	err := q.QueryRowContext(ctx, `SELECT generation FROM question_generation WHERE id = 1`).Scan(&g)
	return g, err
}
