package auth

import (
	"context"
	"crypto/rand"
	"errors"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// RecoveryCodeCount is how many recovery codes an enrolment hands out.
const RecoveryCodeCount = 10

// newRecoveryCode returns ten random base32 characters (50 bits) split in
// two groups for reading: enough that only the stored SHA-256 is needed,
// with the login rate limit in front of it.
func newRecoveryCode() string {
	t := rand.Text()[:10]
	return t[:5] + "-" + t[5:]
}

// normalizeRecoveryCode forgives case, spaces and the dash.
func normalizeRecoveryCode(c string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(c)))
}

// NewRecoveryCodes replaces the user's recovery codes and returns the new
// ones: shown once, only their hashes are kept.
func (s *Store) NewRecoveryCodes(ctx context.Context, tx *db.Tx, userID int64) ([]string, error) {
	if _, err := tx.ExecContext(ctx, `DELETE FROM recovery_codes WHERE user_id = ?`, userID); err != nil {
		return nil, err
	}
	codes := make([]string, RecoveryCodeCount)
	for i := range codes {
		codes[i] = newRecoveryCode()
		if _, err := tx.ExecContext(ctx, `INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)`,
			userID, HashToken(normalizeRecoveryCode(codes[i]))); err != nil {
			return nil, err
		}
	}
	return codes, audit.Record(ctx, tx, audit.Create, "recovery_codes", userID,
		[]audit.Change{{Field: "codes", Before: nil, After: "***"}})
}

// UseRecoveryCode spends one unused recovery code of the user; a code works
// only once.
func (s *Store) UseRecoveryCode(ctx context.Context, tx *db.Tx, userID int64, code string) error {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM recovery_codes WHERE user_id = ? AND code_hash = ? AND used_at IS NULL`,
		userID, HashToken(normalizeRecoveryCode(code))).Scan(&id)
	if errors.Is(err, db.ErrNotFound) {
		return ErrBadCode
	}
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE recovery_codes SET used_at = ? WHERE id = ? AND used_at IS NULL`, tx.Now, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return ErrBadCode
	}
	return audit.Record(ctx, tx, audit.Update, "recovery_code", id,
		[]audit.Change{{Field: "used_at", Before: nil, After: tx.Now}})
}

// RecoveryCodesLeft counts the user's unused recovery codes.
func (s *Store) RecoveryCodesLeft(ctx context.Context, q db.Querier, userID int64) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL`, userID).Scan(&n)
	return n, err
}
