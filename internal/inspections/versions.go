package inspections

import (
	"cmp"
	"context"
	"errors"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

var errDraftExists error = apperr.Conflictf("Esiste già una bozza di questa checklist: modifica quella.")

// NewVersion starts a draft copied from the published version fromID:
// every section and item gets a new ID, and each item points back to the
// one it was copied from. The original stays as it is.
func (s *Store) NewVersion(ctx context.Context, fromID int64) (int64, error) {
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		from, err := loadVersion(ctx, tx, fromID)
		if err != nil {
			return err
		}
		if from.State != Published {
			return apperr.Conflictf("Questa versione è ancora una bozza: modificala direttamente.")
		}
		var drafts int
		err = tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM checklist_versions WHERE template_id = ? AND state = ?`,
			from.TemplateID, Draft).Scan(&drafts)
		if err != nil || drafts > 0 {
			return cmp.Or(err, errDraftExists)
		}
		id, err = insertVersion(ctx, tx, from.TemplateID, &from.ID)
		if err != nil {
			return err
		}
		return copySections(ctx, tx, from, id)
	})
	if errors.Is(err, db.ErrConflict) {
		return 0, errDraftExists
	}
	return id, err
}

// insertVersion adds the template's next version as a draft.
func insertVersion(ctx context.Context, tx *db.Tx, templateID int64, derivedFrom *int64) (int64, error) {
	var number int
	err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(number), 0) + 1 FROM checklist_versions WHERE template_id = ?`,
		templateID).Scan(&number)
	if err != nil {
		return 0, err
	}
	id, err := db.InsertID(ctx, tx, `INSERT INTO checklist_versions (template_id, number, state, derived_from, created_at)
		VALUES (?, ?, ?, ?, ?)`, templateID, number, Draft, derivedFrom, tx.Now)
	if err != nil {
		return 0, err
	}
	after := audit.Fields{"template_id": templateID, "number": number, "state": string(Draft)}
	if derivedFrom != nil {
		after["derived_from"] = *derivedFrom
	}
	return id, audit.Record(ctx, tx, audit.Create, entityVersion, id, audit.Diff(nil, after))
}

func copySections(ctx context.Context, tx *db.Tx, from *Version, versionID int64) error {
	for _, sec := range from.Sections {
		secID, err := insertSection(ctx, tx, versionID, sec.Title)
		if err != nil {
			return err
		}
		for _, it := range sec.Items {
			c := &Item{VersionID: versionID, SectionID: secID, Position: it.Position, ItemInput: it.ItemInput, DerivedFrom: &it.ID}
			if _, err := insertItem(ctx, tx, c); err != nil {
				return err
			}
		}
	}
	return nil
}

// Publish freezes a draft, which becomes the template's current version.
// The publisher is the acting user of ctx.
func (s *Store) Publish(ctx context.Context, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := lockDraft(ctx, tx, id); err != nil {
			return err
		}
		var items int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM checklist_items WHERE version_id = ?`, id).Scan(&items); err != nil {
			return err
		}
		if items == 0 {
			return apperr.Conflictf("Una versione senza voci non si pubblica.")
		}
		return publish(ctx, tx, id)
	})
}

func publish(ctx context.Context, tx *db.Tx, id int64) error {
	var by any
	if a := audit.ActorFrom(ctx); a.UserID != 0 {
		by = a.UserID
	}
	_, err := tx.ExecContext(ctx, `UPDATE checklist_versions SET state = ?, published_at = ?, published_by = ? WHERE id = ?`,
		Published, tx.Now, by, id)
	if err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, entityVersion, id,
		audit.Diff(audit.Fields{"state": string(Draft)}, audit.Fields{"state": string(Published), "published_at": tx.Now}))
}
