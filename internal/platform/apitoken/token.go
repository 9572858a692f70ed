// Package apitoken issues organisation API tokens and turns a request's
// bearer token into a principal the modules' own scoping rules understand.
package apitoken

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

const entity = "api_token"

var errNoToken = apperr.NotFoundf("Token non trovato.")

// Token is one organisation API token; the secret itself is never stored.
type Token struct {
	ID         int64
	OrgID      int64
	Name       string
	CreatedBy  int64
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

// Store keeps the tokens.
type Store struct{ DB *db.DB }

// CanManage reports whether u may issue and revoke org's tokens: admins
// for any organisation, facility managers for their managing body and
// mediation coordinators for their provider.
func CanManage(u *auth.User, orgID int64) bool {
	if u.IsAdmin() {
		return true
	}
	return u != nil && slices.ContainsFunc(u.Memberships, func(m auth.Membership) bool {
		return m.OrgID == orgID && issues(m)
	})
}

// Create issues a token named name for orgID and returns its secret, which
// is shown once.
func (s *Store) Create(ctx context.Context, u *auth.User, orgID int64, name string) (string, error) {
	if !CanManage(u, orgID) {
		return "", apperr.Forbiddenf("Non puoi gestire i token di questa organizzazione.")
	}
	name = strings.TrimSpace(name)
	f := apperr.Fields{}
	f.Check(name != "", "name", "Dai un nome al token.")
	f.Check(len(name) <= 100, "name", "Il nome è troppo lungo (massimo 100 caratteri).")
	if err := f.Err(); err != nil {
		return "", err
	}
	secret := auth.NewToken()
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		id, err := db.InsertID(ctx, tx, `INSERT INTO api_tokens (org_id, name, token_hash, created_by, created_at)
			VALUES (?, ?, ?, ?, ?)`, orgID, name, auth.HashToken(secret), u.ID, tx.Now)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Create, entity, id,
			audit.Diff(nil, audit.Fields{"org_id": orgID, "name": name}))
	})
	return secret, err
}

// List returns orgID's tokens, newest first.
func (s *Store) List(ctx context.Context, u *auth.User, orgID int64) ([]*Token, error) {
	if !CanManage(u, orgID) {
		return nil, apperr.Forbiddenf("Non puoi gestire i token di questa organizzazione.")
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE org_id = ?
		ORDER BY created_at DESC, id DESC`, orgID)
	return db.Collect(rows, err, scanToken)
}

// Revoke stops token id of orgID from working, for good.
func (s *Store) Revoke(ctx context.Context, u *auth.User, orgID, id int64) error {
	if !CanManage(u, orgID) {
		return apperr.Forbiddenf("Non puoi gestire i token di questa organizzazione.")
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		t, err := scanToken(tx.QueryRowContext(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE id = ? AND org_id = ?`, id, orgID))
		if err != nil {
			if errors.Is(err, db.ErrNotFound) {
				return errNoToken
			}
			return err
		}
		if t.RevokedAt != nil {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ?`, tx.Now, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Update, entity, id,
			audit.Diff(audit.Fields{"revoked": false}, audit.Fields{"revoked": true}))
	})
}

const tokenCols = `id, org_id, name, created_by, created_at, last_used_at, revoked_at`

func scanToken(sc db.Scanner) (*Token, error) {
	t := &Token{}
	var used, revoked sql.NullTime
	if err := sc.Scan(&t.ID, &t.OrgID, &t.Name, &t.CreatedBy, &t.CreatedAt, &used, &revoked); err != nil {
		return nil, err
	}
	if used.Valid {
		t.LastUsedAt = &used.Time
	}
	if revoked.Valid {
		t.RevokedAt = &revoked.Time
	}
	return t, nil
}
