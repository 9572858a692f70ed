package questions

import (
	"context"
	"database/sql"

	"github.com/crocevia/crocevia/internal/platform/db"
)

const flowAnswerCols = `a.id, a.question_id, a.version, a.body, a.valid_as_of, a.review_by, a.notes, a.state,
	COALESCE(a.author_id, 0), COALESCE(a.authority_id, 0), a.authority_name, COALESCE(a.validator_id, 0),
	a.validator_comment, a.submitted_at, a.validated_at, a.created_at, a.updated_at`

func flowScanAnswer(sc db.Scanner) (*Answer, error) {
	a := &Answer{}
	var valid, review, submitted, validated sql.NullTime
	err := sc.Scan(&a.ID, &a.QuestionID, &a.Version, &a.Body, &valid, &review, &a.Notes, &a.State, &a.AuthorID,
		&a.AuthorityID, &a.AuthorityName, &a.ValidatorID, &a.ValidatorComment, &submitted, &validated, &a.CreatedAt, &a.UpdatedAt)
	a.ValidAsOf, a.ReviewBy = flowDate(valid), flowDate(review)
	a.SubmittedAt, a.ValidatedAt = flowTime(submitted), flowTime(validated)
	return a, err
}

// Answers lists every version of question id's answer, the newest first,
// each with its references. The caller has checked the question's scope.
func (s *Store) Answers(ctx context.Context, id int64) ([]*Answer, error) {
	return flowAnswers(ctx, s.DB, id)
}

func flowAnswers(ctx context.Context, q db.Querier, id int64) ([]*Answer, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+flowAnswerCols+` FROM question_answers a WHERE a.question_id = ?
		ORDER BY a.version DESC`, id)
	if err != nil {
		return nil, err
	}
	var out []*Answer
	for rows.Next() {
		a, err := flowScanAnswer(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, a := range out {
		if a.References, err = flowReferences(ctx, q, a.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// flowOpenAnswer is the version being worked on (draft, returned or in
// validation), nil when there is none.
func flowOpenAnswer(as []*Answer) *Answer {
	for _, a := range as {
		switch a.State {
		case AnswerDraft, AnswerReturned, AnswerValidation:
			return a
		}
	}
	return nil
}

func flowReferences(ctx context.Context, q db.Querier, answerID int64) ([]Reference, error) {
	rows, err := q.QueryContext(ctx, `SELECT norm, article, circular, url FROM question_references
		WHERE answer_id = ? ORDER BY position, id`, answerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Reference
	for rows.Next() {
		var r Reference
		if err := rows.Scan(&r.Norm, &r.Article, &r.Circular, &r.URL); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func flowWriteReferences(ctx context.Context, tx *db.Tx, answerID int64, refs []Reference) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM question_references WHERE answer_id = ?`, answerID); err != nil {
		return err
	}
	for i, r := range refs {
		_, err := tx.ExecContext(ctx, `INSERT INTO question_references (answer_id, position, norm, article, circular, url)
			VALUES (?, ?, ?, ?, ?, ?)`, answerID, i+1, r.Norm, r.Article, r.Circular, r.URL)
		if err != nil {
			return err
		}
	}
	return nil
}

// Events is question id's timeline, oldest first.
func (s *Store) Events(ctx context.Context, id int64) ([]Event, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT e.at, COALESCE(e.user_id, 0), COALESCE(u.name, ''), e.from_state,
		e.to_state, e.note FROM question_events e LEFT JOIN users u ON u.id = e.user_id
		WHERE e.question_id = ? ORDER BY e.at, e.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.At, &e.UserID, &e.UserName, &e.From, &e.To, &e.Note); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
