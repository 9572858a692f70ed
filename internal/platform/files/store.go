package files

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Messages shown to users.
const (
	MsgTooLarge = "Il file supera la dimensione massima consentita."
	MsgBadType  = "Tipo di file non ammesso: sono accettati PDF, immagini JPEG, PNG, WebP o HEIC, testo o CSV, documenti Word, Excel e OpenDocument."
	MsgEmpty    = "Il file è vuoto."
	MsgNotFound = "File non trovato."
)

// Put stores up in tx: it reads at most the size limit, checks the type by
// content, records checksum, size, type, uploader and time, and writes the
// audit entry. A refused file is an Invalid or TooLarge error.
func (s *Store) Put(ctx context.Context, tx *db.Tx, up Upload) (*File, error) {
	if up.Entity == "" || up.EntityID == "" {
		return nil, errors.New("files: an upload needs the entity it belongs to")
	}
	data, err := io.ReadAll(io.LimitReader(up.Reader, s.max+1))
	if err != nil {
		return nil, fmt.Errorf("files: read upload: %w", err)
	}
	if err := s.check(up, data); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	f := &File{Entity: up.Entity, EntityID: up.EntityID, Name: cleanName(up.Name),
		ContentType: Detect(data, up.Name), Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:]),
		Storage: s.backend.Name(), UploadedBy: up.UploadedBy, UploadedAt: tx.Now}
	f.ID, err = db.InsertID(ctx, tx, `INSERT INTO files
		(entity, entity_id, name, content_type, size, sha256, storage, uploaded_by, uploaded_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.Entity, f.EntityID, f.Name, f.ContentType, f.Size, f.SHA256, f.Storage, nullID(f.UploadedBy), f.UploadedAt)
	if err != nil {
		return nil, fmt.Errorf("files: insert: %w", err)
	}
	if err := s.backend.Save(ctx, tx, f, data); err != nil {
		return nil, err
	}
	return f, audit.Record(ctx, tx, audit.Create, "file", f.ID, audit.Diff(nil, f.auditFields()))
}

// check refuses what is too large, empty or of a type not allowed.
func (s *Store) check(up Upload, data []byte) error {
	switch {
	case int64(len(data)) > s.max:
		return apperr.Errorf(apperr.TooLarge, MsgTooLarge)
	case len(data) == 0:
		return invalid(up.Field, MsgEmpty)
	case Detect(data, up.Name) == "":
		return invalid(up.Field, MsgBadType)
	}
	return nil
}

// invalid reports msg next to the form field the file came from, if known.
func invalid(field, msg string) error {
	if field == "" {
		return apperr.Errorf(apperr.Invalid, msg)
	}
	return &apperr.Error{Kind: apperr.Invalid, Message: msg, Fields: map[string]string{field: msg}}
}

func (f *File) auditFields() audit.Fields {
	return audit.Fields{"entity": f.Entity, "entity_id": f.EntityID, "name": f.Name,
		"content_type": f.ContentType, "size": f.Size, "sha256": f.SHA256, "storage": f.Storage}
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
