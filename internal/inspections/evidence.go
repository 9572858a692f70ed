package inspections

import (
	"context"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/files"
)

// Evidence is a photo or document attached to an answer, as the file store
// recorded it: the checksum and upload time are what make it hold up later.
type Evidence struct {
	FileID      int64
	AnswerID    int64
	Name        string
	ContentType string
	Size        int64
	SHA256      string
	UploadedAt  time.Time
}

// ShortHash is the start of the checksum, enough to tell files apart on a page.
func (e Evidence) ShortHash() string { return e.SHA256[:min(12, len(e.SHA256))] }

// URL is where the file is downloaded.
func (e Evidence) URL() string { return "/files/" + itoa(e.FileID) }

// SizeKB is the size in kilobytes, rounded up.
func (e Evidence) SizeKB() int64 { return (e.Size + 1023) / 1024 }

const msgNoFile = "Scegli una foto o un documento da allegare."

// AddEvidence stores ups as evidence of the answer on itemID of inspection
// id, while the commission may still change it.
func (s *Store) AddEvidence(ctx context.Context, fs *files.Store, sc Scope, id, itemID int64, ups []files.Upload) error {
	if len(ups) == 0 {
		field := answerField("evidence", itemID)
		return &apperr.Error{Kind: apperr.Invalid, Message: msgNoFile, Fields: map[string]string{field: msgNoFile}}
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := fieldWork(ctx, tx, sc, id); err != nil {
			return frozen(ctx, tx, id, err)
		}
		var answerID int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM inspection_answers WHERE inspection_id = ? AND item_id = ?`,
			id, itemID).Scan(&answerID)
		if err != nil {
			return notFound(err, errNoAnswer)
		}
		for _, up := range ups {
			up.Entity, up.EntityID, up.UploadedBy = entityAnswer, itoa(answerID), audit.ActorFrom(ctx).UserID
			if _, err := fs.Put(ctx, tx, up); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE inspections SET updated_at = ? WHERE id = ?`, tx.Now, id)
		return err
	})
}

// frozen turns the refusal of a signed inspection into the clearer message.
func frozen(ctx context.Context, q db.Querier, id int64, err error) error {
	var state string
	if q.QueryRowContext(ctx, `SELECT state FROM inspections WHERE id = ?`, id).Scan(&state) == nil && Phase(state).Frozen() {
		return errClosed
	}
	return err
}

// evidenceOf lists the evidence of every answer of inspection id, by
// answer, oldest first.
func evidenceOf(ctx context.Context, q db.Querier, id int64) (map[int64][]Evidence, error) {
	rows, err := q.QueryContext(ctx, `SELECT f.id, a.id, f.name, f.content_type, f.size, f.sha256, f.uploaded_at
		FROM files f JOIN inspection_answers a ON f.entity_id = CAST(a.id AS TEXT)
		WHERE f.entity = ? AND a.inspection_id = ? ORDER BY f.uploaded_at, f.id`, entityAnswer, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]Evidence{}
	for rows.Next() {
		var e Evidence
		if err := rows.Scan(&e.FileID, &e.AnswerID, &e.Name, &e.ContentType, &e.Size, &e.SHA256, &e.UploadedAt); err != nil {
			return nil, err
		}
		out[e.AnswerID] = append(out[e.AnswerID], e)
	}
	return out, rows.Err()
}

// registerFileAccess lets the file store serve evidence and verbali to
// whoever may read the inspection; to anyone else they do not exist.
func (s *Store) registerFileAccess(fs *files.Store) {
	fs.RegisterAccess(entityAnswer, func(ctx context.Context, u *auth.User, entityID string) error {
		answerID, _ := strconv.ParseInt(entityID, 10, 64)
		var id int64
		if err := s.DB.QueryRowContext(ctx, `SELECT inspection_id FROM inspection_answers WHERE id = ?`, answerID).Scan(&id); err != nil {
			return notFound(err, errNoInspection)
		}
		return s.canView(ctx, u, id)
	})
	fs.RegisterAccess(entityVerbale, func(ctx context.Context, u *auth.User, entityID string) error {
		id, _ := strconv.ParseInt(entityID, 10, 64)
		return s.canView(ctx, u, id)
	})
}

func (s *Store) canView(ctx context.Context, u *auth.User, id int64) error {
	in, err := s.Inspection(ctx, ScopeOf(u), id)
	if err != nil {
		return err
	}
	if !CanViewInspection(u, in) {
		return errNoInspection
	}
	return nil
}
