package inspections

import (
	"context"
	"errors"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// DefaultCode is the code of the checklist every install starts with.
const DefaultCode = "default"

// seedSection and seedItem describe the default checklist compactly; sets
// are comma-separated, "" meaning every value.
type seedSection struct {
	title string
	items []seedItem
}

type seedItem struct {
	text, basis         string
	severity            Severity
	penalty             string
	evidence            bool
	capitolati, systems string
	typologies          string
}

// EnsureDefaultChecklist creates the default checklist, published as
// version 1, unless it exists already. It runs at every start-up, so it
// must be cheap and idempotent; two instances starting together are fine,
// since the second one's insert hits the unique code.
func EnsureDefaultChecklist(ctx context.Context, d *db.DB) error {
	var n int
	if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM checklist_templates WHERE code = ?`, DefaultCode).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	err := d.InTx(ctx, func(tx *db.Tx) error { return seedDefault(ctx, tx) })
	if errors.Is(err, db.ErrConflict) {
		return nil
	}
	return err
}

func seedDefault(ctx context.Context, tx *db.Tx) error {
	name := "Checklist di ispezione delle strutture di accoglienza"
	desc := "Controlli previsti dall'art. 20 del d.lgs. 142/2015 sulla qualità dei servizi nelle strutture di accoglienza: " +
		"struttura, presenze, condizioni materiali, servizi alla persona, vulnerabilità e minori, personale, contabilità, prevenzione."
	tid, err := db.InsertID(ctx, tx, `INSERT INTO checklist_templates (code, name, description, created_at) VALUES (?, ?, ?, ?)`,
		DefaultCode, name, desc, tx.Now)
	if err != nil {
		return err
	}
	err = audit.Record(ctx, tx, audit.Create, entityTemplate, tid,
		audit.Diff(nil, audit.Fields{"code": DefaultCode, "name": name, "description": desc}))
	if err != nil {
		return err
	}
	vid, err := insertVersion(ctx, tx, tid, nil)
	if err != nil {
		return err
	}
	for _, sec := range defaultChecklist {
		if err := seedSectionRows(ctx, tx, vid, sec); err != nil {
			return err
		}
	}
	return publish(ctx, tx, vid)
}

func seedSectionRows(ctx context.Context, tx *db.Tx, versionID int64, sec seedSection) error {
	secID, err := insertSection(ctx, tx, versionID, sec.title)
	if err != nil {
		return err
	}
	for i, si := range sec.items {
		it := &Item{VersionID: versionID, SectionID: secID, Position: i + 1, ItemInput: ItemInput{
			Text: si.text, LegalBasis: si.basis, Severity: si.severity, PenaltyCode: si.penalty, Evidence: si.evidence,
			Capitolati: splitSet(si.capitolati), SystemTypes: splitSet(si.systems), Typologies: splitSet(si.typologies),
		}}
		if _, err := insertItem(ctx, tx, it); err != nil {
			return err
		}
	}
	return nil
}
