package inspections

import (
	"context"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/files"
)

// ActionEvidence lists the files the managing body sent with its answers
// to action id, oldest first.
func (s *Store) ActionEvidence(ctx context.Context, id int64) ([]Evidence, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT id, name, content_type, size, sha256, uploaded_at FROM files
		WHERE entity = ? AND entity_id = ? ORDER BY uploaded_at, id`, entityAction, itoa(id))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Evidence
	for rows.Next() {
		e := Evidence{AnswerID: id}
		if err := rows.Scan(&e.FileID, &e.Name, &e.ContentType, &e.Size, &e.SHA256, &e.UploadedAt); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// registerActionFiles lets the file store serve an action's evidence to
// whoever sees the action; to anyone else it does not exist.
func (s *Store) registerActionFiles(fs *files.Store) {
	fs.RegisterAccess(entityAction, func(ctx context.Context, u *auth.User, entityID string) error {
		id, _ := strconv.ParseInt(entityID, 10, 64)
		_, err := s.Action(ctx, ActionScopeOf(u), id)
		return err
	})
}
