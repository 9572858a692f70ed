package questions

import (
	"context"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/search"
)

// natBulks are the chunk's multi-row INSERTs.
type natBulks struct {
	questions, answers, refs *db.Bulk
	index                    *natIndex
}

func newNatBulks(tx *db.Tx) *natBulks {
	q := db.NewBulk(tx, "questions", []string{"id", "title", "body", "topic_id", "istat_code", "visibility", "state",
		"asker_id", "org_id", "office_id", "due_on", "answer_id", "published_at", "answered_at", "views", "created_at", "updated_at"}, 500)
	a := db.NewBulk(tx, "question_answers", []string{"id", "question_id", "version", "body", "valid_as_of", "review_by",
		"state", "authority_id", "authority_name", "submitted_at", "validated_at", "created_at", "updated_at"}, 500).After(q)
	r := db.NewBulk(tx, "question_references", []string{"answer_id", "position", "norm", "article", "circular", "url"}, 1000).After(a)
	return &natBulks{questions: q, answers: a, refs: r, index: newNatIndex(tx)}
}

func (b *natBulks) close(ctx context.Context) error {
	for _, x := range []*db.Bulk{b.questions, b.answers, b.refs} {
		if err := x.Close(ctx); err != nil {
			return err
		}
	}
	return b.index.close(ctx)
}

// writeChunk writes k questions with ids chosen up front.
func (s *natSetup) writeChunk(ctx context.Context, tx *db.Tx, r *rand.Rand, k int) error {
	if err := db.ReadyBulk(ctx, tx); err != nil {
		return err
	}
	qid, err := db.NextID(ctx, tx, "questions")
	if err != nil {
		return err
	}
	aid, err := db.NextID(ctx, tx, "question_answers")
	if err != nil {
		return err
	}
	b := newNatBulks(tx)
	for i := range k {
		if err := s.writeOne(ctx, b, r, qid+int64(i), aid+int64(i)); err != nil {
			return err
		}
	}
	if err := b.close(ctx); err != nil {
		return err
	}
	for _, t := range []string{"questions", "question_answers"} {
		if err := db.SyncIDs(ctx, tx, t); err != nil {
			return err
		}
	}
	return nil
}

func (s *natSetup) writeOne(ctx context.Context, b *natBulks, r *rand.Rand, qid, aid int64) error {
	p := s.places[r.IntN(len(s.places))]
	qa := natGenerate(r, p)
	due := s.dueDays[qa.topic]
	created := s.now.AddDate(0, 0, -1-r.IntN(3*365)).Add(-time.Duration(r.IntN(36000)) * time.Second)
	dueOn := demoDateOnly(created.AddDate(0, 0, due))
	answered := created.AddDate(0, 0, 1+r.IntN(due+due/2+1)).Add(time.Duration(r.IntN(28800)) * time.Second)
	if answered.After(s.now) {
		answered = s.now.Add(-time.Hour)
	}
	err := b.questions.Add(ctx, qid, qa.title, qa.body, s.topics[qa.topic], p.code, string(Public), string(Published),
		toolsNullID(p.user), toolsNullID(p.org), toolsNullID(s.authority), dueOn, aid, answered, answered, r.IntN(400),
		created, answered)
	if err != nil {
		return err
	}
	err = b.answers.Add(ctx, aid, qid, 1, qa.answer, demoDateOnly(answered), demoDateOnly(answered.AddDate(1, 0, 0)),
		string(AnswerValidated), toolsNullID(s.authority), s.authName, answered.Add(-24*time.Hour), answered,
		answered.Add(-48*time.Hour), answered)
	if err != nil {
		return err
	}
	for i, ref := range qa.refs {
		if err := b.refs.Add(ctx, aid, i+1, ref.Norm, ref.Article, ref.Circular, ref.URL); err != nil {
			return err
		}
	}
	return b.index.add(ctx, strconv.FormatInt(qid, 10), strconv.FormatInt(s.topics[qa.topic], 10), qa.title, qa.body+"\n\n"+qa.answer)
}

// natIndex writes the chunk's search documents in bulk, as search.Index
// would one at a time: the text normalised by search.Normalize, stored
// the way each engine keeps it (see internal/platform/search). The
// search package has no bulk API; this is its one bulk writer.
type natIndex struct {
	tx       *db.Tx
	postgres bool
	docs     *db.Bulk // SQLite: search_docs
	fts      *db.Bulk // SQLite: search_index
	next     int64    // SQLite: the next rowid
	pending  [][]any  // PostgreSQL: rows of the next statement
}

func newNatIndex(tx *db.Tx) *natIndex {
	x := &natIndex{tx: tx, postgres: tx.Dialect() == db.Postgres}
	if !x.postgres {
		x.docs = db.NewBulk(tx, "search_docs", []string{"rowid_ref", "kind", "ref", "tag"}, 1000)
		x.fts = db.NewBulk(tx, "search_index", []string{"rowid", "kind", "ref", "title", "body"}, 500).After(x.docs)
	}
	return x
}

// add queues one document; tag is its topic, as Reindex tags it.
func (x *natIndex) add(ctx context.Context, ref, tag, title, body string) error {
	title, body = search.Normalize(title), search.Normalize(body)
	if x.postgres {
		x.pending = append(x.pending, []any{searchKind, ref, tag, title, body, title, body})
		if len(x.pending) == 500 {
			return x.flushPostgres(ctx)
		}
		return nil
	}
	if x.next == 0 {
		if err := x.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(rowid_ref), 0) + 1 FROM search_docs`).Scan(&x.next); err != nil {
			return err
		}
	}
	id := x.next
	x.next++
	if err := x.docs.Add(ctx, id, searchKind, ref, tag); err != nil {
		return err
	}
	return x.fts.Add(ctx, id, searchKind, ref, title, body)
}

// flushPostgres writes the pending documents in one INSERT whose tsvector
// weighs the title A and the body B, as the engine's index does.
func (x *natIndex) flushPostgres(ctx context.Context) error {
	if len(x.pending) == 0 {
		return nil
	}
	row := `(?, ?, ?, ?, ?, setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B'))`
	args := make([]any, 0, 7*len(x.pending))
	for _, p := range x.pending {
		args = append(args, p...)
	}
	q := `INSERT INTO search_index (kind, ref, tag, title, body, tsv) VALUES ` + strings.TrimSuffix(strings.Repeat(row+",", len(x.pending)), ",")
	x.pending = x.pending[:0]
	_, err := x.tx.ExecContext(ctx, q, args...)
	return err
}

func (x *natIndex) close(ctx context.Context) error {
	if x.postgres {
		return x.flushPostgres(ctx)
	}
	if err := x.docs.Close(ctx); err != nil {
		return err
	}
	return x.fts.Close(ctx)
}
