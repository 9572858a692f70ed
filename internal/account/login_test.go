package account

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestLoginRefusalsLookAlike(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		f.User("anna@example.org", auth.RoleMediator)
		off := f.User("spento@example.org", auth.RoleMediator)
		f.InTx(func(ctx context.Context, tx *db.Tx) error { return f.Auth.SetActive(ctx, tx, off.ID, false) })
		invite(t, f, "invitato@example.org", auth.RoleMediator)
		tests := []struct{ name, email, password string }{
			{"wrong password", "anna@example.org", "sbagliata-sbagliata"},
			{"unknown account", "nessuno@example.org", webtest.Password},
			{"deactivated account", "spento@example.org", webtest.Password},
			{"invitation not yet accepted", "invitato@example.org", webtest.Password},
		}
		for _, tt := range tests {
			t.Run(tt.name+" gets the one answer", func(t *testing.T) {
				c := f.Anonymous()
				res := login(c, tt.email, tt.password)
				res.WantStatus(t, http.StatusUnauthorized)
				res.WantBody(t, "E-mail o password non corretti.")
				wantLoggedIn(t, c, false)
			})
		}
	})
}

func TestLoginRateLimit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		f.User("anna@example.org")
		for _, email := range []string{"anna@example.org", "nessuno@example.org"} {
			t.Run("per account, the same for "+email, func(t *testing.T) {
				for range 5 {
					login(f.Anonymous(), email, "sbagliata-sbagliata").WantStatus(t, http.StatusUnauthorized)
				}
				res := login(f.Anonymous(), email, webtest.Password)
				res.WantStatus(t, http.StatusTooManyRequests)
				res.WantBody(t, "Troppi tentativi di accesso.")
			})
		}
	})
}

// TestLoginRateLimitPerAddress: every test client comes from one address.
func TestLoginRateLimitPerAddress(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		c := f.Anonymous()
		for i := range 20 {
			login(c, fmt.Sprintf("utente%d@example.org", i), "sbagliata-sbagliata").WantStatus(t, http.StatusUnauthorized)
		}
		login(c, "ultimo@example.org", "sbagliata-sbagliata").WantStatus(t, http.StatusTooManyRequests)
	})
}

func TestLogout(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		c := f.Anonymous()
		wantRedirect(t, login(c, f.User("anna@example.org").Email, webtest.Password), "/")
		wantRedirect(t, post(c, "/logout", url.Values{}), "/")
		wantLoggedIn(t, c, false)
	})
}
