package facilities

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// errImportStale refuses a confirmation whose report no longer matches the
// file and the registry: the user must see what will be written.
var errImportStale = apperr.Conflictf("Il file o l'anagrafe sono cambiati dopo il resoconto: controlla il nuovo resoconto e conferma di nuovo.")

// ImportReport is what an import would do, row by row, and its Digest:
// the fingerprint of the file and of every row's outcome, which the
// confirmation must match.
type ImportReport struct {
	Rows   []*ImportRow
	Digest string
}

// Counts returns how many rows would be created, updated, left unchanged
// and refused.
func (r *ImportReport) Counts() map[string]int {
	out := map[string]int{}
	for _, row := range r.Rows {
		out[row.Action]++
	}
	return out
}

// PreviewImport reads an uploaded CSV or XLSX in the Centri d'Italia layout
// and reports what importing it would do, writing nothing.
func (s *Store) PreviewImport(ctx context.Context, u *auth.User, data []byte) (*ImportReport, error) {
	if !CanManage(u) {
		return nil, errForbidden
	}
	return preview(ctx, s.DB, data)
}

func preview(ctx context.Context, q db.Querier, data []byte) (*ImportReport, error) {
	t, err := readTable(data)
	if err != nil {
		return nil, err
	}
	rows, err := planImport(ctx, q, t)
	if err != nil {
		return nil, err
	}
	return &ImportReport{Rows: rows, Digest: digest(data, rows)}, nil
}

func digest(data []byte, rows []*ImportRow) string {
	h := sha256.New()
	h.Write(data)
	for _, r := range rows {
		fmt.Fprintf(h, "\n%d|%s|%s|%s|%d", r.Line, r.Action, r.Code, strings.Join(r.Changes, ","), len(r.Errors))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ConfirmImport writes the valid rows of data in one transaction, provided
// the report is still the one the user saw (want is its Digest). Invalid
// and unchanged rows are left alone. It returns the report as written,
// with the codes of the new facilities.
func (s *Store) ConfirmImport(ctx context.Context, u *auth.User, data []byte, want string) (*ImportReport, error) {
	if !CanManage(u) {
		return nil, errForbidden
	}
	var rep *ImportReport
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		if rep, err = preview(ctx, tx, data); err != nil {
			return err
		}
		if rep.Digest != want {
			return errImportStale
		}
		for _, row := range rep.Rows {
			if err := writeRow(ctx, tx, row); err != nil {
				return fmt.Errorf("import line %d: %w", row.Line, err)
			}
		}
		return nil
	})
	return rep, err
}

// writeRow creates or updates one facility through the registry's own
// writers, so that codes, history periods and audit entries are those of
// a change made by hand.
func writeRow(ctx context.Context, tx *db.Tx, row *ImportRow) error {
	f := row.after
	switch row.Action {
	case ActionNew:
		if err := createFacility(ctx, tx, f); err != nil {
			return err
		}
		row.Code = f.Code
		return nil
	case ActionUpdate:
		if f.State != row.before.State {
			f.StateSince = day(tx.Now)
			markStateDates(f)
		}
		var err error
		if f.BodyName, err = bodyName(ctx, tx, f.BodyID); err != nil {
			return err
		}
		return saveChange(ctx, tx, row.before, f, tx.Now)
	}
	return nil
}
