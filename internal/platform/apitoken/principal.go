package apitoken

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// ErrNoBearer means the request carries no bearer token at all.
var ErrNoBearer = errors.New("apitoken: no bearer token")

var errBadToken = apperr.Errorf(apperr.Unauthenticated, "Token non valido o revocato.")

// Authenticate turns the request's bearer token into a synthetic user
// holding the facility-manager role in the token's organisation, so each
// module's own scoping decides what it sees. An organisation that is not a
// managing body gets no role at all. The returned context carries the audit
// actor: changes are attributed to the token's creator.
func (s *Store) Authenticate(r *http.Request) (*auth.User, context.Context, error) {
	secret, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || strings.TrimSpace(secret) == "" {
		return nil, nil, ErrNoBearer
	}
	ctx := r.Context()
	var tokenID, orgID, creator int64
	var kind, email string
	err := s.DB.QueryRowContext(ctx, `SELECT t.id, t.org_id, t.created_by, o.kind, u.email FROM api_tokens t
		JOIN organisations o ON o.id = t.org_id JOIN users u ON u.id = t.created_by
		WHERE t.token_hash = ? AND t.revoked_at IS NULL AND o.active = ?`,
		auth.HashToken(strings.TrimSpace(secret)), true).Scan(&tokenID, &orgID, &creator, &kind, &email)
	if errors.Is(err, db.ErrNotFound) {
		return nil, nil, errBadToken
	}
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.DB.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`,
		time.Now().UTC(), tokenID); err != nil {
		return nil, nil, err
	}
	u := &auth.User{ID: creator, Email: email, Name: "API token", Active: true}
	if auth.OrgKind(kind) == auth.KindEnteGestore {
		u.Memberships = []auth.Membership{{OrgID: orgID, OrgKind: auth.KindEnteGestore, Role: auth.RoleFacilityManager}}
	}
	return u, audit.WithActor(ctx, audit.Actor{UserID: creator, Email: email, OrgID: orgID}), nil
}
