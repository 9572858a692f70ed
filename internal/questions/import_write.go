package questions

import (
	"context"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// importEntity names an import in the audit trail.
const importEntity = "question_import"

// ConfirmImport writes, in one transaction, every row of data the report
// marks new, each as a published public question with its answer as
// version 1, validated, and indexed for search. The report is computed
// again inside the transaction: when digest is not "" and the report is no
// longer the one with that digest (the file or the data changed), nothing
// is written and the new report comes back with errImportStale. by is the
// importing user, 0 from the command line. One audit entry records the
// import.
func ConfirmImport(ctx context.Context, d *db.DB, by int64, data []byte, digest string) (*ImportReport, error) {
	var rep *ImportReport
	err := d.InTx(ctx, func(tx *db.Tx) error {
		var err error
		if rep, err = PreviewImport(ctx, tx, data); err != nil {
			return err
		}
		if digest != "" && digest != rep.Digest {
			return errImportStale
		}
		for _, r := range rep.Rows {
			if r.Outcome != ImportNew {
				continue
			}
			id, err := writeImported(ctx, tx, by, r)
			if err != nil {
				return err
			}
			rep.Written = append(rep.Written, id)
		}
		if len(rep.Written) == 0 {
			return nil
		}
		return audit.Record(ctx, tx, audit.Create, importEntity, rep.Digest[:16], audit.Diff(nil, audit.Fields{
			"rows": len(rep.Rows), "created": len(rep.Written), "present": rep.Counts[ImportPresent],
			"changed": rep.Counts[ImportChanged], "errors": rep.Counts[ImportError], "questions": rep.Written}))
	})
	return rep, err
}

// writeImported writes one new row and indexes it.
func writeImported(ctx context.Context, tx *db.Tx, by int64, r *ImportResult) (int64, error) {
	office := toolsNullID(r.AuthorityID)
	qid, err := db.InsertID(ctx, tx, `INSERT INTO questions (title, body, topic_id, visibility, state, office_id,
		published_at, answered_at, import_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Title, r.Question, r.TopicID, string(Public), string(Published), office, tx.Now, tx.Now, r.Key, tx.Now, tx.Now)
	if err != nil {
		return 0, err
	}
	var valid any
	if r.ValidDate != nil {
		valid = *r.ValidDate
	}
	aid, err := db.InsertID(ctx, tx, `INSERT INTO question_answers (question_id, version, body, valid_as_of, state, author_id,
		authority_id, authority_name, submitted_at, validated_at, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		qid, r.Answer, valid, string(AnswerValidated), toolsNullID(by), office, r.Authority, tx.Now, tx.Now, tx.Now, tx.Now)
	if err != nil {
		return 0, err
	}
	if err := flowWriteReferences(ctx, tx, aid, r.References); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE questions SET answer_id = ? WHERE id = ?`, aid, qid); err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO question_events (question_id, at, user_id, from_state, to_state, note)
		VALUES (?, ?, ?, '', ?, ?)`, qid, tx.Now, toolsNullID(by), string(Published),
		"Importata da una raccolta di FAQ (riga "+strconv.Itoa(r.Line)+")")
	if err != nil {
		return 0, err
	}
	return qid, Reindex(ctx, tx, qid)
}

// toolsNullID is NULL for 0, for optional foreign keys.
func toolsNullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
