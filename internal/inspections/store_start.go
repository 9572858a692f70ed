package inspections

import (
	"context"
	"database/sql"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// facilityTraits are what decides which items apply to a facility.
type facilityTraits struct {
	systemType, typology, capitolato string
	declared                         int
}

// traits reads a facility's system type, typology, the capitolato of its
// latest contract ("" without one, so no item is excluded) and the guests
// declared: the latest reported presence, else its contracted places.
func traits(ctx context.Context, q db.Querier, facilityID int64) (facilityTraits, error) {
	var t facilityTraits
	var capitolato sql.NullString
	err := q.QueryRowContext(ctx, `SELECT f.system_type, f.typology,
		(SELECT c.capitolato FROM contracts c JOIN contract_facilities cf ON cf.contract_id = c.id
			WHERE cf.facility_id = f.id ORDER BY c.signed_on DESC, c.id DESC LIMIT 1),
		COALESCE((SELECT p.present FROM presences p WHERE p.facility_id = f.id ORDER BY p.day DESC LIMIT 1), f.contracted_places)
		FROM facilities f WHERE f.id = ?`, facilityID).Scan(&t.systemType, &t.typology, &capitolato, &t.declared)
	t.capitolato = capitolato.String
	return t, err
}

// Start freezes the current published version of the default checklist on
// inspection id and creates one empty answer per item that applies to the
// facility, each with the item's default severity.
func (s *Store) Start(ctx context.Context, sc Scope, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		in, err := loadInspection(ctx, tx, sc, id)
		if err != nil {
			return err
		}
		if in.Phase != Planned {
			return apperr.Conflictf("L'ispezione è già stata avviata.")
		}
		var versionID int64
		err = tx.QueryRowContext(ctx, `SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id
			WHERE t.code = ? AND v.state = ? ORDER BY v.number DESC LIMIT 1`, DefaultCode, Published).Scan(&versionID)
		if err != nil {
			return notFound(err, apperr.Conflictf("Non c'è una checklist pubblicata da usare."))
		}
		return start(ctx, tx, in, versionID)
	})
}

func start(ctx context.Context, tx *db.Tx, in *Inspection, versionID int64) error {
	t, err := traits(ctx, tx, in.FacilityID)
	if err != nil {
		return err
	}
	items, err := versionItems(ctx, tx, versionID)
	if err != nil {
		return err
	}
	for _, it := range items {
		if !it.AppliesTo(t.capitolato, t.systemType, t.typology) {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO inspection_answers (inspection_id, item_id, severity) VALUES (?, ?, ?)`,
			in.ID, it.ID, string(it.Severity)); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE inspections SET state = ?, version_id = ?, guests_declared = ?, started_at = ?,
		updated_at = ? WHERE id = ?`, string(InProgress), versionID, t.declared, tx.Now, tx.Now, in.ID)
	if err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, entityInspection, in.ID, audit.Diff(audit.Fields{"state": string(Planned)},
		audit.Fields{"state": string(InProgress), "version_id": versionID, "guests_declared": t.declared}))
}

// SetGuests records how many guests the commission counted on site.
func (s *Store) SetGuests(ctx context.Context, sc Scope, id int64, counted int) error {
	f := apperr.Fields{}
	f.Check(counted >= 0 && counted <= 5000, "guests_counted", "Indica un numero di ospiti tra 0 e 5000.")
	if err := f.Err(); err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		in, err := loadInspection(ctx, tx, sc, id)
		if err != nil {
			return err
		}
		if !in.FieldWork() {
			return errNotStarted
		}
		if _, err := tx.ExecContext(ctx, `UPDATE inspections SET guests_counted = ?, updated_at = ? WHERE id = ?`,
			counted, tx.Now, id); err != nil {
			return err
		}
		var before any
		if in.GuestsCounted != nil {
			before = *in.GuestsCounted
		}
		return audit.Record(ctx, tx, audit.Update, entityInspection, id,
			audit.Diff(audit.Fields{"guests_counted": before}, audit.Fields{"guests_counted": counted}))
	})
}

// MarkDraft moves an inspection whose items are all answered to the draft
// report, which the commission will sign.
func (s *Store) MarkDraft(ctx context.Context, sc Scope, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		in, err := loadInspection(ctx, tx, sc, id)
		if err != nil {
			return err
		}
		if in.Phase != InProgress {
			return apperr.Conflictf("Solo un'ispezione in corso diventa bozza di verbale.")
		}
		if in.Answered < in.Total {
			return apperr.Conflictf("Mancano delle risposte: compila tutte le voci prima della bozza di verbale.")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE inspections SET state = ?, drafted_at = ?, updated_at = ? WHERE id = ?`,
			string(DraftReport), tx.Now, tx.Now, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Update, entityInspection, id,
			audit.Diff(audit.Fields{"state": string(InProgress)}, audit.Fields{"state": string(DraftReport)}))
	})
}
