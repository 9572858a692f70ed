package questions

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// faqEntry is one public Q&A with the answer version shown.
type faqEntry struct {
	Question Question
	Answer   Answer
	Versions []faqVersion // validated versions, newest first
	// Newer is the question that supersedes this one, nil if none is public.
	Newer *faqItem
}

// faqVersion is one validated version of an answer, for the history.
type faqVersion struct {
	Version     int
	ValidatedAt time.Time
	ValidAsOf   *time.Time
	Current     bool
}

// faqReadable is the condition of a question whose page is public: published
// and public, or superseded by a newer one, which the page then names. A
// private, unpublished, archived or merged question has no public page.
const faqReadable = `q.visibility = ? AND q.answer_id IS NOT NULL AND (q.state = ? OR (q.state = ? AND q.superseded_by IS NOT NULL))`

func faqReadableArgs(extra ...any) []any {
	return append([]any{Public, Published, Superseded}, extra...)
}

// entry loads the public page of question id with answer version n (0: the
// published one). Only validated versions are ever returned.
func (s *faqStore) entry(ctx context.Context, id int64, n int) (*faqEntry, error) {
	e := &faqEntry{}
	q := &e.Question
	var pub sql.NullTime
	var superseded sql.NullInt64
	var published int64
	err := s.db.QueryRowContext(ctx, `SELECT q.id, q.title, q.body, q.topic_id, t.slug, t.name, q.state,
		q.published_at, q.superseded_by, q.answer_id, q.created_at, q.updated_at
		FROM questions q JOIN question_topics t ON t.id = q.topic_id WHERE q.id = ? AND `+faqReadable,
		append([]any{id}, faqReadableArgs()...)...).Scan(&q.ID, &q.Title, &q.Body, &q.TopicID, &q.TopicSlug, &q.TopicName,
		&q.State, &pub, &superseded, &published, &q.CreatedAt, &q.UpdatedAt)
	if err != nil {
		return nil, faqNotFound(err)
	}
	if pub.Valid {
		q.PublishedAt = &pub.Time
	}
	q.SupersededBy, q.AnswerID = superseded.Int64, published
	if err := s.answer(ctx, e, n); err != nil {
		return nil, err
	}
	if e.Versions, err = s.versions(ctx, id, published); err != nil {
		return nil, err
	}
	if q.SupersededBy != 0 {
		e.Newer, err = s.newer(ctx, q.SupersededBy)
	}
	return e, err
}

func faqNotFound(err error) error {
	if errors.Is(err, db.ErrNotFound) || errors.Is(err, sql.ErrNoRows) {
		return errNoFAQ
	}
	return err
}

// answer loads the version shown: version n when n > 0, else the published
// one; a version that was never validated does not exist here.
func (s *faqStore) answer(ctx context.Context, e *faqEntry, n int) error {
	where, key := `a.id = ?`, any(e.Question.AnswerID)
	if n > 0 {
		where, key = `a.question_id = ? AND a.version = ?`, e.Question.ID
	}
	a := &e.Answer
	var asOf, validated sql.NullTime
	qa := []any{key}
	if n > 0 {
		qa = append(qa, n)
	}
	err := s.db.QueryRowContext(ctx, `SELECT a.id, a.question_id, a.version, a.body, a.valid_as_of, a.validated_at,
		COALESCE(NULLIF(a.authority_name, ''), o.name, '')
		FROM question_answers a LEFT JOIN organisations o ON o.id = a.authority_id
		WHERE `+where+` AND a.state = ?`, append(qa, AnswerValidated)...).Scan(&a.ID, &a.QuestionID, &a.Version,
		&a.Body, &asOf, &validated, &a.AuthorityName)
	if err != nil {
		return faqNotFound(err)
	}
	if asOf.Valid {
		a.ValidAsOf = &asOf.Time
	}
	if validated.Valid {
		a.ValidatedAt = &validated.Time
	}
	a.State = AnswerValidated
	a.References, err = flowReferences(ctx, s.db, a.ID)
	return err
}

// versions lists the validated versions of a question's answer.
func (s *faqStore) versions(ctx context.Context, id, published int64) ([]faqVersion, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, version, validated_at, valid_as_of FROM question_answers
		WHERE question_id = ? AND state = ? ORDER BY version DESC`, id, AnswerValidated)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []faqVersion
	for rows.Next() {
		var v faqVersion
		var aid int64
		var at, asOf sql.NullTime
		if err := rows.Scan(&aid, &v.Version, &at, &asOf); err != nil {
			return nil, err
		}
		v.ValidatedAt, v.Current = at.Time, aid == published
		if asOf.Valid {
			v.ValidAsOf = &asOf.Time
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// newer is the question that supersedes another, when it is public itself.
func (s *faqStore) newer(ctx context.Context, id int64) (*faqItem, error) {
	items, err := s.items(ctx, `SELECT `+faqItemColumns+faqItemJoins+` WHERE q.id = ? AND `+faqPublic, append([]any{id}, faqPublicArgs...)...)
	if err != nil || len(items) == 0 {
		return nil, err
	}
	return &items[0], nil
}

// sitemapItems lists a page of the published public questions with the
// time their page last changed, in ID order.
func (s *faqStore) sitemapItems(ctx context.Context, limit, offset int) ([]faqItem, error) {
	return s.items(ctx, `SELECT `+faqItemColumns+faqItemJoins+` WHERE `+faqPublic+` ORDER BY q.id LIMIT ? OFFSET ?`,
		faqArgs(limit, offset)...)
}

// publicCount is the number of published public questions.
func (s *faqStore) publicCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM questions q WHERE `+faqPublic, faqArgs()...).Scan(&n)
	return n, err
}
