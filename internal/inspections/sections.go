package inspections

import (
	"context"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// lockDraft takes the version's row lock and fails unless it is a draft.
// The no-op UPDATE is the portable row lock: a concurrent Publish waits
// for it, or makes it match nothing, so no edit lands on a published
// version.
func lockDraft(ctx context.Context, tx *db.Tx, versionID int64) error {
	res, err := tx.ExecContext(ctx, `UPDATE checklist_versions SET state = state WHERE id = ? AND state = ?`,
		versionID, Draft)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return err
	}
	var state State
	err = tx.QueryRowContext(ctx, `SELECT state FROM checklist_versions WHERE id = ?`, versionID).Scan(&state)
	if err != nil {
		return notFound(err, errNoVersion)
	}
	return errFrozen
}

// draftSection loads a section of a draft, locking the draft.
func draftSection(ctx context.Context, tx *db.Tx, id int64) (*Section, error) {
	sec := &Section{}
	err := tx.QueryRowContext(ctx, `SELECT id, version_id, position, title FROM checklist_sections WHERE id = ?`, id).
		Scan(&sec.ID, &sec.VersionID, &sec.Position, &sec.Title)
	if err != nil {
		return nil, notFound(err, errNoSection)
	}
	return sec, lockDraft(ctx, tx, sec.VersionID)
}

// AddSection appends a section to a draft version.
func (s *Store) AddSection(ctx context.Context, versionID int64, title string) (int64, error) {
	title = strings.TrimSpace(title)
	if err := validTitle(title); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := lockDraft(ctx, tx, versionID); err != nil {
			return err
		}
		var err error
		id, err = insertSection(ctx, tx, versionID, title)
		return err
	})
	return id, err
}

// insertSection appends a section after the version's last one.
func insertSection(ctx context.Context, tx *db.Tx, versionID int64, title string) (int64, error) {
	id, err := db.InsertID(ctx, tx, `INSERT INTO checklist_sections (version_id, position, title)
		SELECT ?, COALESCE(MAX(position), 0) + 1, ? FROM checklist_sections WHERE version_id = ?`,
		versionID, title, versionID)
	if err != nil {
		return 0, err
	}
	return id, audit.Record(ctx, tx, audit.Create, entitySection, id,
		audit.Diff(nil, audit.Fields{"version_id": versionID, "title": title}))
}

// RenameSection changes the title of a section of a draft.
func (s *Store) RenameSection(ctx context.Context, id int64, title string) error {
	title = strings.TrimSpace(title)
	if err := validTitle(title); err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		sec, err := draftSection(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE checklist_sections SET title = ? WHERE id = ?`, title, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Update, entitySection, id,
			audit.Diff(audit.Fields{"title": sec.Title}, audit.Fields{"title": title}))
	})
}

// DeleteSection removes a section of a draft with its items.
func (s *Store) DeleteSection(ctx context.Context, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		sec, err := draftSection(ctx, tx, id)
		if err != nil {
			return err
		}
		items, err := sectionItems(ctx, tx, id)
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := deleteItem(ctx, tx, it); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM checklist_sections WHERE id = ?`, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Delete, entitySection, id,
			audit.Diff(audit.Fields{"version_id": sec.VersionID, "title": sec.Title}, nil))
	})
}

// MoveSection swaps a section of a draft with the one before (up) or after.
func (s *Store) MoveSection(ctx context.Context, id int64, up bool) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		sec, err := draftSection(ctx, tx, id)
		if err != nil {
			return err
		}
		return swap(ctx, tx, "checklist_sections", "version_id", sec.VersionID, id, sec.Position, up, entitySection)
	})
}
