package inspections

import (
	"context"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// draftItem loads an item of a draft, locking the draft.
func draftItem(ctx context.Context, tx *db.Tx, id int64) (*Item, error) {
	it, err := scanItem(tx.QueryRowContext(ctx, `SELECT `+itemCols+` FROM checklist_items WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, errNoItem)
	}
	return it, lockDraft(ctx, tx, it.VersionID)
}

// AddItem appends an item to a section of a draft.
func (s *Store) AddItem(ctx context.Context, sectionID int64, in ItemInput) (int64, error) {
	if err := in.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		sec, err := draftSection(ctx, tx, sectionID)
		if err != nil {
			return err
		}
		it := &Item{VersionID: sec.VersionID, SectionID: sec.ID, ItemInput: in}
		err = tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position), 0) + 1 FROM checklist_items WHERE section_id = ?`,
			sec.ID).Scan(&it.Position)
		if err != nil {
			return err
		}
		id, err = insertItem(ctx, tx, it)
		return err
	})
	return id, err
}

// insertItem writes it, at its position, and audits the creation.
func insertItem(ctx context.Context, tx *db.Tx, it *Item) (int64, error) {
	id, err := db.InsertID(ctx, tx, `INSERT INTO checklist_items (version_id, section_id, position, text,
		legal_basis, capitolati, system_types, typologies, severity, penalty_code, evidence, derived_from)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		it.VersionID, it.SectionID, it.Position, it.Text, it.LegalBasis, joinSet(it.Capitolati),
		joinSet(it.SystemTypes), joinSet(it.Typologies), it.Severity, it.PenaltyCode, it.Evidence, it.DerivedFrom)
	if err != nil {
		return 0, err
	}
	after := itemFields(it)
	after["version_id"] = it.VersionID
	if it.DerivedFrom != nil {
		after["derived_from"] = *it.DerivedFrom
	}
	return id, audit.Record(ctx, tx, audit.Create, entityItem, id, audit.Diff(nil, after))
}

// UpdateItem changes an item of a draft.
func (s *Store) UpdateItem(ctx context.Context, id int64, in ItemInput) error {
	if err := in.Validate(); err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		before, err := draftItem(ctx, tx, id)
		if err != nil {
			return err
		}
		after := *before
		after.ItemInput = in
		_, err = tx.ExecContext(ctx, `UPDATE checklist_items SET text = ?, legal_basis = ?, capitolati = ?,
			system_types = ?, typologies = ?, severity = ?, penalty_code = ?, evidence = ? WHERE id = ?`,
			in.Text, in.LegalBasis, joinSet(in.Capitolati), joinSet(in.SystemTypes), joinSet(in.Typologies),
			in.Severity, in.PenaltyCode, in.Evidence, id)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Update, entityItem, id, audit.Diff(itemFields(before), itemFields(&after)))
	})
}

// DeleteItem removes an item of a draft.
func (s *Store) DeleteItem(ctx context.Context, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		it, err := draftItem(ctx, tx, id)
		if err != nil {
			return err
		}
		return deleteItem(ctx, tx, it)
	})
}

func deleteItem(ctx context.Context, tx *db.Tx, it *Item) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM checklist_items WHERE id = ?`, it.ID); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Delete, entityItem, it.ID, audit.Diff(itemFields(it), nil))
}

// MoveItem swaps an item of a draft with the one before (up) or after it
// in its section.
func (s *Store) MoveItem(ctx context.Context, id int64, up bool) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		it, err := draftItem(ctx, tx, id)
		if err != nil {
			return err
		}
		return swap(ctx, tx, "checklist_items", "section_id", it.SectionID, id, it.Position, up, entityItem)
	})
}

// sectionItems lists the items of a section in order.
func sectionItems(ctx context.Context, q db.Querier, sectionID int64) ([]*Item, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+itemCols+` FROM checklist_items WHERE section_id = ?
		ORDER BY position, id`, sectionID)
	return db.Collect(rows, err, scanItem)
}
