package facilities

import (
	"context"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

var errDocumentNotFound = apperr.NotFoundf("Documento non trovato.")

// Documents lists the compliance documents of facility f, latest expiry last.
func (s *Store) Documents(ctx context.Context, f *Facility) ([]*Document, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT id, facility_id, kind, number, issued_on, expires_on, updated_at
		FROM facility_documents WHERE facility_id = ? ORDER BY kind, issued_on DESC, id`, f.ID)
	return db.Collect(rows, err, scanDocument)
}

func scanDocument(row db.Scanner) (*Document, error) {
	d := &Document{}
	var exp nullDate
	if err := row.Scan(&d.ID, &d.FacilityID, &d.Kind, &d.Number, &d.IssuedOn, &exp, &d.UpdatedAt); err != nil {
		return nil, err
	}
	d.IssuedOn, d.ExpiresOn = day(d.IssuedOn), exp.ptr()
	return d, nil
}

// Document returns document id of facility f.
func (s *Store) Document(ctx context.Context, f *Facility, id int64) (*Document, error) {
	d, err := scanDocument(s.DB.QueryRowContext(ctx, `SELECT id, facility_id, kind, number, issued_on, expires_on, updated_at
		FROM facility_documents WHERE id = ? AND facility_id = ?`, id, f.ID))
	return d, notFound(err, errDocumentNotFound)
}

// SaveDocument adds d to the facility with code, or updates it when d.ID is set.
func (s *Store) SaveDocument(ctx context.Context, u *auth.User, code string, d *Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		f, err := facilityByCode(ctx, tx, ListScope(u), code)
		if err != nil {
			return err
		}
		if !CanEdit(u, f) {
			return errForbidden
		}
		d.FacilityID = f.ID
		if d.ID == 0 {
			return insertDocument(ctx, tx, d)
		}
		return updateDocument(ctx, tx, d)
	})
}

func insertDocument(ctx context.Context, tx *db.Tx, d *Document) error {
	id, err := db.InsertID(ctx, tx, `INSERT INTO facility_documents (facility_id, kind, number, issued_on, expires_on, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, d.FacilityID, string(d.Kind), d.Number, day(d.IssuedOn), d.ExpiresOn, tx.Now, tx.Now)
	if err != nil {
		return err
	}
	d.ID = id
	return audit.Record(ctx, tx, audit.Create, "facility_document", id, audit.Diff(nil, d.auditFields()))
}

func updateDocument(ctx context.Context, tx *db.Tx, d *Document) error {
	before, err := scanDocument(tx.QueryRowContext(ctx, `SELECT id, facility_id, kind, number, issued_on, expires_on, updated_at
		FROM facility_documents WHERE id = ? AND facility_id = ?`, d.ID, d.FacilityID))
	if err != nil {
		return notFound(err, errDocumentNotFound)
	}
	_, err = tx.ExecContext(ctx, `UPDATE facility_documents SET kind = ?, number = ?, issued_on = ?, expires_on = ?, updated_at = ?
		WHERE id = ?`, string(d.Kind), d.Number, day(d.IssuedOn), d.ExpiresOn, tx.Now, d.ID)
	if err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, "facility_document", d.ID, audit.Diff(before.auditFields(), d.auditFields()))
}
