package files

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

const fileColumns = `id, entity, entity_id, name, content_type, size, sha256, storage, uploaded_by, uploaded_at`

func scanFile(row db.Scanner) (*File, error) {
	var f File
	var by sql.NullInt64
	err := row.Scan(&f.ID, &f.Entity, &f.EntityID, &f.Name, &f.ContentType, &f.Size, &f.SHA256,
		&f.Storage, &by, &f.UploadedAt)
	f.UploadedBy = by.Int64
	return &f, err
}

// Get returns the record of file id, without checking any permission.
func (s *Store) Get(ctx context.Context, q db.Querier, id int64) (*File, error) {
	f, err := scanFile(q.QueryRowContext(ctx, `SELECT `+fileColumns+` FROM files WHERE id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return nil, apperr.NotFoundf(MsgNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("files: get %d: %w", id, err)
	}
	return f, nil
}

// List returns the files of one record, oldest first.
func (s *Store) List(ctx context.Context, entity, entityID string) ([]File, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+fileColumns+` FROM files
		WHERE entity = ? AND entity_id = ? ORDER BY uploaded_at, id`, entity, entityID)
	if err != nil {
		return nil, fmt.Errorf("files: list: %w", err)
	}
	defer rows.Close()
	var out []File
	for rows.Next() {
		f, err := scanFile(rows)
		if err != nil {
			return nil, fmt.Errorf("files: list: %w", err)
		}
		out = append(out, *f)
	}
	return out, rows.Err()
}

// Open returns file id and its content, without checking any permission:
// the caller must have checked the record (see OpenFor). Close the reader.
func (s *Store) Open(ctx context.Context, id int64) (*File, io.ReadCloser, error) {
	f, rc, err := s.open(ctx, id)
	return f, rc, err
}

func (s *Store) open(ctx context.Context, id int64) (*File, io.ReadSeekCloser, error) {
	f, err := s.Get(ctx, s.db, id)
	if err != nil {
		return nil, nil, err
	}
	b := s.backends[f.Storage]
	if b == nil {
		return nil, nil, fmt.Errorf("files: file %d is in backend %q, not configured here", id, f.Storage)
	}
	rc, err := b.Open(ctx, s.db, f)
	return f, rc, err
}

// Delete removes file id in tx and writes the audit entry. On disk the blob
// stays until Sweep finds no row naming it.
func (s *Store) Delete(ctx context.Context, tx *db.Tx, id int64) error {
	f, err := s.Get(ctx, tx, id)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM files WHERE id = ?`, id); err != nil {
		return fmt.Errorf("files: delete %d: %w", id, err)
	}
	return audit.Record(ctx, tx, audit.Delete, "file", id, audit.Diff(f.auditFields(), nil))
}

// DB is the database the store keeps its records in.
func (s *Store) DB() *db.DB { return s.db }
