package inspections

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

const entityVerbale = "inspection_verbale"

// Signature is the signed verbale of an inspection: who signed, when, and
// the stored PDF with its checksum.
type Signature struct {
	SignedAt time.Time
	SignedBy string
	FileID   int64
	SHA256   string
}

// CanSign reports whether u signs the verbale of in: the commission's
// president, or the Prefettura.
func CanSign(u *auth.User, in *Inspection) bool {
	if !CanViewInspection(u, in) {
		return false
	}
	if CanPlan(u) {
		return true
	}
	for _, m := range in.Members {
		if m.UserID == u.ID && m.Role == RolePresident {
			return true
		}
	}
	return false
}

// Signature returns the signed verbale of inspection id, nil while unsigned.
// The caller has loaded the inspection through its scope.
func (s *Store) Signature(ctx context.Context, id int64) (*Signature, error) {
	return signatureOf(ctx, s.DB, id)
}

func signatureOf(ctx context.Context, q db.Querier, id int64) (*Signature, error) {
	sig := &Signature{}
	var at sql.NullTime
	err := q.QueryRowContext(ctx, `SELECT i.signed_at, COALESCE(u.name, ''), i.verbale_file_id, i.verbale_sha256
		FROM inspections i LEFT JOIN users u ON u.id = i.signed_by
		WHERE i.id = ? AND i.verbale_file_id IS NOT NULL`, id).Scan(&at, &sig.SignedBy, &sig.FileID, &sig.SHA256)
	if errors.Is(err, db.ErrNotFound) {
		return nil, nil
	}
	sig.SignedAt = at.Time
	return sig, err
}
