package facilities

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Store is the registry's storage and service: every method that changes
// data opens its transaction here, checks the acting user's permissions and
// writes the audit trail and history with the change.
type Store struct {
	DB *db.DB
}

// NewStore returns the registry on d.
func NewStore(d *db.DB) *Store { return &Store{DB: d} }

var (
	errFacilityNotFound = apperr.NotFoundf("Struttura non trovata.")
	errContractNotFound = apperr.NotFoundf("Contratto non trovato.")
	errForbidden        = apperr.Forbiddenf("Non hai i permessi per modificare l'anagrafe delle strutture.")
)

// notFound turns db.ErrNotFound into the given domain error.
func notFound(err, nf error) error {
	if errors.Is(err, db.ErrNotFound) {
		return nf
	}
	return err
}

// badReference turns a foreign-key failure into a message next to field:
// the form named a Comune or an organisation that does not exist.
func badReference(err error, field, msg string) error {
	if err != nil && strings.Contains(strings.ToLower(err.Error()), "foreign key") {
		return &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
			Fields: map[string]string{field: msg}, Err: err}
	}
	return err
}

// nextCode draws the next permanent code for a facility of system type st.
// The counter row only grows, so a code is never reused.
func nextCode(ctx context.Context, tx *db.Tx, st SystemType) (string, error) {
	prefix := codePrefixes[st]
	var n int
	err := tx.QueryRowContext(ctx, `INSERT INTO facility_sequences (prefix, last) VALUES (?, 1)`+
		tx.Dialect().Upsert("prefix", "last = facility_sequences.last + 1")+` RETURNING last`, prefix).Scan(&n)
	if err != nil {
		return "", fmt.Errorf("facility code: %w", err)
	}
	return fmt.Sprintf("%s-%04d", prefix, n), nil
}

// isEnteGestore checks that bodyID is an active managing body.
func isEnteGestore(ctx context.Context, q db.Querier, bodyID int64) error {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations WHERE id = ? AND kind = 'ente_gestore' AND active = ?`,
		bodyID, true).Scan(&n)
	if err != nil {
		return err
	}
	if n == 0 {
		return &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
			Fields: map[string]string{"managing_body_id": "Scegli un ente gestore attivo."}}
	}
	return nil
}
