package auth

import (
	"context"
	"errors"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Validate checks an organisation's fields.
func (o *Organisation) Validate() error {
	o.Name = strings.TrimSpace(o.Name)
	o.IPACode = strings.TrimSpace(o.IPACode)
	o.ISTATCode = strings.TrimSpace(o.ISTATCode)
	o.Email = NormalizeEmail(o.Email)
	f := apperr.Fields{}
	f.Check(o.Name != "", "name", "Inserisci il nome dell'organizzazione.")
	f.Check(o.Kind.Valid(), "kind", "Scegli il tipo di organizzazione.")
	f.Check(o.Kind != KindComune || o.ISTATCode != "", "istat_code", "Per un Comune indica il codice ISTAT.")
	f.Check(len(o.ISTATCode) == 0 || len(o.ISTATCode) == 6, "istat_code", "Il codice ISTAT ha 6 cifre.")
	return f.Err()
}

func (o *Organisation) auditFields() audit.Fields {
	return audit.Fields{"name": o.Name, "kind": string(o.Kind), "ipa_code": o.IPACode,
		"istat_code": o.ISTATCode, "email": o.Email, "active": o.Active}
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// CreateOrganisation adds an organisation.
func (s *Store) CreateOrganisation(ctx context.Context, tx *db.Tx, o *Organisation) (int64, error) {
	o.Active = true
	if err := o.Validate(); err != nil {
		return 0, err
	}
	id, err := db.InsertID(ctx, tx, `INSERT INTO organisations (name, kind, ipa_code, istat_code, email, active, synthetic, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, o.Name, string(o.Kind), o.IPACode, nullString(o.ISTATCode), o.Email, true, o.Synthetic, tx.Now)
	if err != nil {
		return 0, unknownMunicipality(err)
	}
	o.ID = id
	return id, audit.Record(ctx, tx, audit.Create, "organisation", id, audit.Diff(nil, o.auditFields()))
}

// unknownMunicipality turns a foreign-key failure on istat_code into a
// message next to the field.
func unknownMunicipality(err error) error {
	if strings.Contains(strings.ToLower(err.Error()), "foreign key") {
		return &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
			Fields: map[string]string{"istat_code": "Nessun Comune ha questo codice ISTAT."}, Err: err}
	}
	return err
}

// UpdateOrganisation changes an organisation's fields.
func (s *Store) UpdateOrganisation(ctx context.Context, tx *db.Tx, o *Organisation) error {
	if err := o.Validate(); err != nil {
		return err
	}
	old, err := s.Organisation(ctx, tx, o.ID)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE organisations SET name = ?, kind = ?, ipa_code = ?, istat_code = ?, email = ?, active = ? WHERE id = ?`,
		o.Name, string(o.Kind), o.IPACode, nullString(o.ISTATCode), o.Email, o.Active, o.ID); err != nil {
		return unknownMunicipality(err)
	}
	return audit.Record(ctx, tx, audit.Update, "organisation", o.ID, audit.Diff(old.auditFields(), o.auditFields()))
}

// ErrOrgNotFound is returned when no organisation matches.
var ErrOrgNotFound = apperr.NotFoundf("Organizzazione non trovata.")

const orgCols = `id, name, kind, ipa_code, COALESCE(istat_code, ''), email, active, synthetic, created_at`

func scanOrg(row db.Scanner) (*Organisation, error) {
	o := &Organisation{}
	err := row.Scan(&o.ID, &o.Name, &o.Kind, &o.IPACode, &o.ISTATCode, &o.Email, &o.Active, &o.Synthetic, &o.CreatedAt)
	return o, err
}

// Organisation returns one organisation.
func (s *Store) Organisation(ctx context.Context, q db.Querier, id int64) (*Organisation, error) {
	o, err := scanOrg(q.QueryRowContext(ctx, `SELECT `+orgCols+` FROM organisations WHERE id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return nil, ErrOrgNotFound
	}
	return o, err
}

// OrgFilter narrows a list of organisations; nil fields do not filter.
type OrgFilter struct {
	Kind   *OrgKind
	Query  *string
	Limit  int
	Offset int
}

// Organisations lists organisations by name.
func (s *Store) Organisations(ctx context.Context, f OrgFilter) ([]*Organisation, int, error) {
	where, args := "1=1", []any{}
	if f.Kind != nil {
		where += " AND kind = ?"
		args = append(args, string(*f.Kind))
	}
	if f.Query != nil && *f.Query != "" {
		where += " AND name " + s.DB.Dialect().CaseInsensitiveLike() + " ?"
		args = append(args, "%"+*f.Query+"%")
	}
	var total int
	if err := s.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+orgCols+` FROM organisations WHERE `+where+
		` ORDER BY name, id LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	out, err := db.Collect(rows, err, scanOrg)
	return out, total, err
}
