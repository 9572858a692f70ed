package account

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// claimValue reads the identifying claim. SPID gateways prefix the fiscal
// number with its country ("TINIT-"); an e-mail the provider says it did
// not verify is not trusted.
func claimValue(claims map[string]any, claim string) (string, error) {
	v, _ := claims[claim].(string)
	v = strings.TrimSpace(v)
	if v == "" {
		return "", errors.New("oidc: claim " + claim + " missing")
	}
	if claim == "fiscal_number" {
		return strings.TrimPrefix(strings.ToUpper(v), "TINIT-"), nil
	}
	if verified, ok := claims["email_verified"].(bool); ok && !verified {
		return "", errors.New("oidc: e-mail not verified")
	}
	return v, nil
}

// strongACR reports whether the provider vouches for a login with two
// factors: SPID level 2 or 3 (CIE logins arrive as level 3). Level 1 is a
// password alone, and a provider that names no level proves nothing more,
// so those logins still owe the platform's own second factor.
func strongACR(claims map[string]any) bool {
	acr, _ := claims["acr"].(string)
	return strings.HasSuffix(acr, "SpidL2") || strings.HasSuffix(acr, "SpidL3")
}

func (h *Handler) oidcUser(ctx context.Context, subject string) (*auth.User, error) {
	var u *auth.User
	var err error
	if h.oidc.cfg.Claim == "fiscal_number" {
		u, err = h.auth.UserByFiscalCode(ctx, h.auth.DB, subject)
	} else {
		u, err = h.auth.UserByEmail(ctx, h.auth.DB, subject)
	}
	if err == nil && !u.Active {
		err = auth.ErrUserNotFound
	}
	return u, err
}

func (h *Handler) oidcUnavailable(w http.ResponseWriter, r *http.Request, err error) {
	h.web.Log().Warn("oidc provider unreachable", "request_id", web.From(r).ID, "err", err)
	h.message(w, r, http.StatusServiceUnavailable, "Servizio non disponibile",
		"L'accesso con SPID o CIE non è disponibile in questo momento. Riprova più tardi o accedi con e-mail e password.",
		"/login", "Torna all'accesso")
}
