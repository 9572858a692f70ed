package inspections

import (
	"context"
	"database/sql"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

const entityAnswer = "inspection_answer"

var (
	errNoAnswer   = apperr.NotFoundf("Voce non trovata in questa ispezione.")
	errNotStarted = apperr.Conflictf("L'ispezione non è in corso: le risposte non si modificano.")
)

const answerCols = `a.id, a.inspection_id, a.result, a.severity, a.note, a.answered_at, COALESCE(u.name, ''), s.title,
	it.id, it.version_id, it.section_id, it.position, it.text, it.legal_basis, it.capitolati, it.system_types,
	it.typologies, it.severity, it.penalty_code, it.evidence, it.derived_from`

const answerFrom = ` FROM inspection_answers a JOIN checklist_items it ON it.id = a.item_id
	JOIN checklist_sections s ON s.id = it.section_id LEFT JOIN users u ON u.id = a.answered_by`

func scanAnswer(sc db.Scanner) (*Answer, error) {
	a := &Answer{Item: &Item{}}
	var at sql.NullTime
	var capit, systems, typos string
	var derived sql.NullInt64
	it := a.Item
	err := sc.Scan(&a.ID, &a.InspectionID, &a.Result, &a.Severity, &a.Note, &at, &a.AnsweredBy, &a.Section,
		&it.ID, &it.VersionID, &it.SectionID, &it.Position, &it.Text, &it.LegalBasis, &capit, &systems,
		&typos, &it.Severity, &it.PenaltyCode, &it.Evidence, &derived)
	it.Capitolati, it.SystemTypes, it.Typologies = splitSet(capit), splitSet(systems), splitSet(typos)
	if derived.Valid {
		it.DerivedFrom = &derived.Int64
	}
	a.AnsweredAt = timePtr(at)
	return a, err
}

// Answers lists the answers of inspection id in checklist order. The
// caller has loaded the inspection through its scope.
func (s *Store) Answers(ctx context.Context, id int64) ([]*Answer, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT `+answerCols+answerFrom+` WHERE a.inspection_id = ?
		ORDER BY s.position, s.id, it.position, it.id`, id)
	return db.Collect(rows, err, scanAnswer)
}

// SaveAnswer records the finding on one item of inspection id, leaving
// every other answer as it is.
func (s *Store) SaveAnswer(ctx context.Context, sc Scope, id, itemID int64, in AnswerInput) (*Answer, error) {
	if err := in.Validate(itemID); err != nil {
		return nil, err
	}
	var a *Answer
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := fieldWork(ctx, tx, sc, id); err != nil {
			return err
		}
		var err error
		a, err = saveAnswer(ctx, tx, id, itemID, in)
		return err
	})
	return a, err
}

// SaveAnswers records the whole checklist form at once. Items left without
// a result and without a note are skipped; every message is reported next
// to its item and nothing is saved while any is wrong.
func (s *Store) SaveAnswers(ctx context.Context, sc Scope, id int64, ins map[int64]AnswerInput) (int, error) {
	errs := apperr.Fields{}
	for itemID, in := range ins {
		if in.Result == Unanswered && in.Note == "" {
			delete(ins, itemID)
			continue
		}
		for k, v := range apperr.FieldsOf(in.Validate(itemID)) {
			errs.Add(k, v)
		}
		ins[itemID] = in
	}
	if err := errs.Err(); err != nil {
		return 0, err
	}
	return len(ins), s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := fieldWork(ctx, tx, sc, id); err != nil {
			return err
		}
		for itemID, in := range ins {
			if _, err := saveAnswer(ctx, tx, id, itemID, in); err != nil {
				return err
			}
		}
		return nil
	})
}

// fieldWork refuses changes to an inspection outside sc or not being
// filled in.
func fieldWork(ctx context.Context, tx *db.Tx, sc Scope, id int64) error {
	in, err := loadInspection(ctx, tx, sc, id)
	if err != nil {
		return err
	}
	if !in.FieldWork() {
		return errNotStarted
	}
	return nil
}

func saveAnswer(ctx context.Context, tx *db.Tx, id, itemID int64, in AnswerInput) (*Answer, error) {
	before, err := scanAnswer(tx.QueryRowContext(ctx, `SELECT `+answerCols+answerFrom+
		` WHERE a.inspection_id = ? AND a.item_id = ?`, id, itemID))
	if err != nil {
		return nil, notFound(err, errNoAnswer)
	}
	var by any
	if a := audit.ActorFrom(ctx); a.UserID != 0 {
		by = a.UserID
	}
	_, err = tx.ExecContext(ctx, `UPDATE inspection_answers SET result = ?, severity = ?, note = ?, answered_at = ?,
		answered_by = ? WHERE id = ?`, string(in.Result), string(in.Severity), in.Note, tx.Now, by, before.ID)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE inspections SET updated_at = ? WHERE id = ?`, tx.Now, id); err != nil {
		return nil, err
	}
	after := *before
	after.Result, after.Severity, after.Note, after.AnsweredAt = in.Result, in.Severity, in.Note, &tx.Now
	return &after, audit.Record(ctx, tx, audit.Update, entityAnswer, before.ID, audit.Diff(answerFields(before), answerFields(&after)))
}

func answerFields(a *Answer) audit.Fields {
	return audit.Fields{"inspection_id": a.InspectionID, "item_id": a.Item.ID, "result": string(a.Result),
		"severity": string(a.Severity), "note": a.Note}
}
