package auth

import (
	"context"
	"errors"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Kinds of one-time tokens mailed to users.
const (
	TokenReset  = "reset"
	TokenInvite = "invite"
)

// Token lifetimes.
const (
	ResetTTL  = time.Hour
	InviteTTL = 7 * 24 * time.Hour
)

// ErrBadToken is the one answer for a token that is unknown, used or expired.
var ErrBadToken = apperr.Errorf(apperr.Invalid, "Il link non è valido o è scaduto. Chiedine uno nuovo.")

// CreateToken issues a one-time token of kind for the user and returns it;
// only its hash is stored. Earlier unused tokens of the same kind stop working.
func (s *Store) CreateToken(ctx context.Context, tx *db.Tx, kind string, userID int64, ttl time.Duration) (string, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE user_tokens SET used_at = ? WHERE user_id = ? AND kind = ? AND used_at IS NULL`,
		tx.Now, userID, kind); err != nil {
		return "", err
	}
	tok := NewToken()
	_, err := tx.ExecContext(ctx, `INSERT INTO user_tokens (hash, kind, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		HashToken(tok), kind, userID, tx.Now, tx.Now.Add(ttl))
	return tok, err
}

// TokenUser returns the user a live token of kind belongs to, without
// using it up (to show the form that will).
func (s *Store) TokenUser(ctx context.Context, q db.Querier, kind, token string) (int64, error) {
	var uid int64
	err := q.QueryRowContext(ctx, `SELECT user_id FROM user_tokens WHERE hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?`,
		HashToken(token), kind, time.Now().UTC()).Scan(&uid)
	if errors.Is(err, db.ErrNotFound) {
		return 0, ErrBadToken
	}
	return uid, err
}

// ConsumeToken marks a live token used and returns its user.
func (s *Store) ConsumeToken(ctx context.Context, tx *db.Tx, kind, token string) (int64, error) {
	uid, err := s.TokenUser(ctx, tx, kind, token)
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `UPDATE user_tokens SET used_at = ? WHERE hash = ? AND used_at IS NULL`, tx.Now, HashToken(token))
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return 0, ErrBadToken
	}
	return uid, nil
}
