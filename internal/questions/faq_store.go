package questions

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// faqStore is the public FAQ's own read-only view of the questions: only
// published public questions, and only validated answer versions, ever
// leave it. Every query carries that condition, so a wrong ID finds
// nothing rather than a private question.
type faqStore struct {
	db *db.DB
}

var errNoFAQ = apperr.NotFoundf("Pagina non trovata.")

// faqPublic is the condition of a question in the public FAQ; its two
// arguments are faqPublicArgs.
const faqPublic = `q.visibility = ? AND q.state = ?`

var faqPublicArgs = []any{Public, Published}

// faqItem is a question as lists show it.
type faqItem struct {
	ID          int64
	Title       string
	TopicSlug   string
	TopicName   string
	PublishedAt time.Time
	UpdatedAt   time.Time // when its published answer was validated
}

// faqTopic is a topic with its number of published public questions.
type faqTopic struct {
	ID    int64
	Slug  string
	Name  string
	Count int
}

func faqArgs(extra ...any) []any { return append(append([]any{}, faqPublicArgs...), extra...) }

// topics lists every topic, in order, with its count.
func (s *faqStore) topics(ctx context.Context) ([]faqTopic, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT t.id, t.slug, t.name, COUNT(q.id) FROM question_topics t
		LEFT JOIN questions q ON q.topic_id = t.id AND `+faqPublic+`
		GROUP BY t.id, t.slug, t.name, t.position ORDER BY t.position, t.name`, faqArgs()...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []faqTopic
	for rows.Next() {
		var t faqTopic
		if err := rows.Scan(&t.ID, &t.Slug, &t.Name, &t.Count); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// topic finds a topic by slug, with its count.
func (s *faqStore) topic(ctx context.Context, slug string) (*faqTopic, error) {
	var t faqTopic
	err := s.db.QueryRowContext(ctx, `SELECT t.id, t.slug, t.name,
		(SELECT COUNT(*) FROM questions q WHERE q.topic_id = t.id AND `+faqPublic+`)
		FROM question_topics t WHERE t.slug = ?`, faqArgs(slug)...).Scan(&t.ID, &t.Slug, &t.Name, &t.Count)
	if errors.Is(err, db.ErrNotFound) || errors.Is(err, sql.ErrNoRows) {
		return nil, errNoFAQ
	}
	return &t, err
}

const faqItemColumns = `q.id, q.title, t.slug, t.name, q.published_at, a.validated_at`

const faqItemJoins = ` FROM questions q JOIN question_topics t ON t.id = q.topic_id
	LEFT JOIN question_answers a ON a.id = q.answer_id`

// faqOrder is how a list of questions is sorted.
type faqOrder string

const (
	faqByNewest  faqOrder = "q.published_at DESC, q.id DESC"
	faqByViews   faqOrder = "q.views DESC, q.id DESC"
	faqByUpdated faqOrder = "COALESCE(a.validated_at, q.published_at) DESC, q.id DESC"
)

// list is a page of published public questions, of one topic unless
// topicID is 0.
func (s *faqStore) list(ctx context.Context, topicID int64, order faqOrder, limit, offset int) ([]faqItem, error) {
	where, a := faqPublic, faqArgs()
	if topicID != 0 {
		where, a = where+` AND q.topic_id = ?`, append(a, topicID)
	}
	return s.items(ctx, `SELECT `+faqItemColumns+faqItemJoins+` WHERE `+where+
		` ORDER BY `+string(order)+` LIMIT ? OFFSET ?`, append(a, limit, offset)...)
}

func (s *faqStore) items(ctx context.Context, query string, a ...any) ([]faqItem, error) {
	rows, err := s.db.QueryContext(ctx, query, a...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []faqItem
	for rows.Next() {
		var it faqItem
		var pub, upd sql.NullTime
		if err := rows.Scan(&it.ID, &it.Title, &it.TopicSlug, &it.TopicName, &pub, &upd); err != nil {
			return nil, err
		}
		it.PublishedAt, it.UpdatedAt = pub.Time, updated(pub, upd)
		out = append(out, it)
	}
	return out, rows.Err()
}

// updated is when a question's public page last changed: when its answer
// was validated, or else published. (Scanned apart: SQLite's COALESCE
// would hand back a string.)
func updated(published, validated sql.NullTime) time.Time {
	if validated.Valid {
		return validated.Time
	}
	return published.Time
}

// hitRow is what a search result shows of a question.
type hitRow struct {
	faqItem
	Body   string
	Answer string
}

// hits loads the questions of a page of search hits. The index holds only
// public published questions, but the condition is checked again here: a
// stale index must not leak a question withdrawn since.
func (s *faqStore) hits(ctx context.Context, ids []int64) (map[int64]*hitRow, error) {
	out := map[int64]*hitRow{}
	if len(ids) == 0 {
		return out, nil
	}
	a := faqArgs()
	for _, id := range ids {
		a = append(a, id)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+faqItemColumns+`, q.body, COALESCE(a.body, '')`+faqItemJoins+
		` WHERE `+faqPublic+` AND q.id IN (`+strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")+`)`, a...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var h hitRow
		var pub, upd sql.NullTime
		if err := rows.Scan(&h.ID, &h.Title, &h.TopicSlug, &h.TopicName, &pub, &upd, &h.Body, &h.Answer); err != nil {
			return nil, err
		}
		h.PublishedAt, h.UpdatedAt = pub.Time, updated(pub, upd)
		out[h.ID] = &h
	}
	return out, rows.Err()
}
