package questions

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// write inserts one demo question with its answer (when its state has
// one), its timeline and its place in the search index.
func (s *demoSeed) write(ctx context.Context, r demoRow) (int64, error) {
	updated := r.created
	if r.answered != nil {
		updated = *r.answered
	}
	var published any
	views := 0
	if r.state == Published || r.state == Archived || r.state == Superseded {
		// Older answers have been read more: the FAQ's "most consulted" list
		// has an order to show.
		published, views = updated, int(s.now.Sub(updated).Hours()/24)*3+len(r.qa.title)%17
	}
	id, err := db.InsertID(ctx, s.tx, `INSERT INTO questions (title, body, topic_id, visibility, state, asker_id, org_id,
		office_id, expert_id, due_on, info_request, reject_reason, published_at, answered_at, views, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.qa.title, r.qa.body, s.topics[r.qa.topic][0], string(r.visibility), string(r.state), r.asker[0], r.asker[1],
		toolsNullID(r.office), toolsNullID(r.expert), r.due, r.infoRequest, r.rejectReason, published, demoTimeOrNil(r.answered),
		views, r.created, updated)
	if err != nil {
		return 0, err
	}
	if err := s.event(ctx, id, r.asker[0], r.created, "", Submitted, ""); err != nil {
		return 0, err
	}
	if err := s.demoAnswer(ctx, id, r); err != nil {
		return 0, err
	}
	if r.state != Submitted {
		if err := s.event(ctx, id, s.expert, updated, Submitted, r.state, r.infoRequest+r.rejectReason); err != nil {
			return 0, err
		}
	}
	return id, Reindex(ctx, s.tx, id)
}

// demoAnswer writes version 1 where the state implies one: a draft, one
// in validation, or a validated one that is (or was) published.
func (s *demoSeed) demoAnswer(ctx context.Context, id int64, r demoRow) error {
	var st AnswerState
	switch r.state {
	case Drafted:
		st = AnswerDraft
	case Validation:
		st = AnswerValidation
	case Published, Archived, Superseded:
		st = AnswerValidated
	default:
		return nil
	}
	at := r.created.AddDate(0, 0, 2)
	if r.answered != nil {
		at = *r.answered
	}
	aid, err := s.answer(ctx, id, 1, r.qa.answer, r.qa.refs, st, at)
	if err != nil || st != AnswerValidated {
		return err
	}
	set := `answer_id = ?`
	args := []any{aid}
	if r.state == Superseded && len(s.ids) > 7 {
		set, args = set+`, superseded_by = ?`, append(args, s.ids[7])
	}
	_, err = s.tx.ExecContext(ctx, `UPDATE questions SET `+set+` WHERE id = ?`, append(args, id)...)
	return err
}

// answer writes one answer version by the demo expert, with the
// Prefettura as validating authority; a validated one also names the
// demo validator.
func (s *demoSeed) answer(ctx context.Context, qid int64, version int, body, refs string, st AnswerState, at time.Time) (int64, error) {
	var validator, validated, submitted any
	if st == AnswerValidated {
		validator, validated = toolsNullID(s.validator), at
	}
	if st != AnswerDraft {
		submitted = at.Add(-24 * time.Hour)
	}
	aid, err := db.InsertID(ctx, s.tx, `INSERT INTO question_answers (question_id, version, body, valid_as_of, review_by, state,
		author_id, authority_id, authority_name, validator_id, submitted_at, validated_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		qid, version, body, demoDateOnly(at), demoDateOnly(at.AddDate(1, 0, 0)), string(st), toolsNullID(s.expert),
		toolsNullID(s.office), s.authority, validator, submitted, validated, at.Add(-48*time.Hour), at)
	if err != nil {
		return 0, err
	}
	parsed, _ := parseReferences(refs)
	return aid, flowWriteReferences(ctx, s.tx, aid, parsed)
}

func (s *demoSeed) event(ctx context.Context, qid, user int64, at time.Time, from, to State, note string) error {
	_, err := s.tx.ExecContext(ctx, `INSERT INTO question_events (question_id, at, user_id, from_state, to_state, note)
		VALUES (?, ?, ?, ?, ?, ?)`, qid, at, toolsNullID(user), string(from), string(to), note)
	return err
}

func demoTimeOrNil(t *time.Time) any {
	if t == nil {
		return nil
	}
	return *t
}
