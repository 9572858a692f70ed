package questions

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/notify"
)

// flowEntity names questions in the audit trail and the file store.
const flowEntity = "question"

var errNoQuestion = apperr.NotFoundf("Domanda non trovata.")

// Store keeps the questions and runs their workflow. Notices, when set,
// tells the people concerned of each step, in the step's transaction.
type Store struct {
	DB      *db.DB
	Notices *notify.Service
}

// Entry is a question with the names of the people and offices it
// involves, as the workflow pages show it.
type Entry struct {
	*Question
	AskerName  string
	OrgName    string
	OfficeName string
	ExpertName string
	// MunicipalityName names ISTATCode, "" when none.
	MunicipalityName string
}

// URL is the question's page in the workflow.
func (e *Entry) URL() string { return flowQuestionURL(e.ID) }

func flowQuestionURL(id int64) string { return flowURL + "/" + strconv.FormatInt(id, 10) }

const flowEntryCols = `q.id, q.title, q.body, q.topic_id, t.slug, t.name, COALESCE(q.istat_code, ''), q.service, q.visibility,
	q.state, COALESCE(q.asker_id, 0), COALESCE(q.org_id, 0), COALESCE(q.office_id, 0), COALESCE(q.expert_id, 0), q.due_on,
	q.info_request, q.reject_reason, COALESCE(q.merged_into, 0), COALESCE(q.superseded_by, 0), COALESCE(q.answer_id, 0),
	q.published_at, q.answered_at, q.views, q.created_at, q.updated_at,
	COALESCE(ua.name, ''), COALESCE(og.name, ''), COALESCE(oo.name, ''), COALESCE(ue.name, ''), COALESCE(mu.name, '')`

const flowEntryFrom = ` FROM questions q JOIN question_topics t ON t.id = q.topic_id
	LEFT JOIN users ua ON ua.id = q.asker_id LEFT JOIN organisations og ON og.id = q.org_id
	LEFT JOIN organisations oo ON oo.id = q.office_id LEFT JOIN users ue ON ue.id = q.expert_id
	LEFT JOIN municipalities mu ON mu.istat_code = q.istat_code`

func flowScanEntry(sc db.Scanner) (*Entry, error) {
	q := &Question{}
	e := &Entry{Question: q}
	var due, published, answered sql.NullTime
	err := sc.Scan(&q.ID, &q.Title, &q.Body, &q.TopicID, &q.TopicSlug, &q.TopicName, &q.ISTATCode, &q.Service,
		&q.Visibility, &q.State, &q.AskerID, &q.OrgID, &q.OfficeID, &q.ExpertID, &due, &q.InfoRequest, &q.RejectReason,
		&q.MergedInto, &q.SupersededBy, &q.AnswerID, &published, &answered, &q.Views, &q.CreatedAt, &q.UpdatedAt,
		&e.AskerName, &e.OrgName, &e.OfficeName, &e.ExpertName, &e.MunicipalityName)
	q.DueOn, q.PublishedAt, q.AnsweredAt = flowDate(due), flowTime(published), flowTime(answered)
	return e, err
}

func flowTime(n sql.NullTime) *time.Time {
	if !n.Valid {
		return nil
	}
	t := n.Time.UTC()
	return &t
}

func flowDate(n sql.NullTime) *time.Time {
	if !n.Valid {
		return nil
	}
	t := flowDay(n.Time)
	return &t
}

// flowDay is t's date at midnight UTC, as dates are stored.
func flowDay(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func flowNoRows(err error) bool {
	return errors.Is(err, sql.ErrNoRows) || errors.Is(err, db.ErrNotFound)
}

// Question returns question id if sc covers it: outside it does not exist.
func (s *Store) Question(ctx context.Context, sc Scope, id int64) (*Entry, error) {
	return flowLoad(ctx, s.DB, sc, id)
}

func flowLoad(ctx context.Context, q db.Querier, sc Scope, id int64) (*Entry, error) {
	where, args := sc.clause()
	e, err := flowScanEntry(q.QueryRowContext(ctx, `SELECT `+flowEntryCols+flowEntryFrom+` WHERE q.id = ? AND `+where,
		append([]any{id}, args...)...))
	if flowNoRows(err) {
		return nil, errNoQuestion
	}
	return e, err
}
