package account

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestOIDCLogin(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		p := newFakeProvider(t)
		f := newFixture(t, d, oidcConfig(p.URL, "email"))
		f.User("admin@example.org", auth.RoleAdmin)
		off := f.User("spento@example.org", auth.RoleMediator)
		f.InTx(func(ctx context.Context, tx *db.Tx) error { return f.Auth.SetActive(ctx, tx, off.ID, false) })

		t.Run("login page offers SPID and CIE without asking the provider", func(t *testing.T) {
			res := f.Anonymous().Get("/login?next=/private")
			res.WantBody(t, "Accedi con SPID o CIE")
			if next := oidcButtonNext(t, res); next != "/private" {
				t.Fatalf("the button carries next %q; want /private", next)
			}
			if n := p.discoveries.Load(); n != 0 {
				t.Fatalf("provider discovered %d times before any OIDC login", n)
			}
		})
		t.Run("e-mail claim logs the user in, past the second factor", func(t *testing.T) {
			c := f.Anonymous()
			res := oidcLogin(t, c, p, map[string]any{"email": "Admin@Example.org", "email_verified": true})
			wantRedirect(t, res, "/private")
			sess, u, err := f.Auth.SessionUser(context.Background(), sessionToken(res))
			if err != nil {
				t.Fatalf("session of the callback's cookie: %v", err)
			}
			if u.Email != "admin@example.org" || !sess.MFAOK {
				t.Fatalf("session of %s with MFA ok %v; want admin@example.org, true", u.Email, sess.MFAOK)
			}
			wantLoggedIn(t, c, true)
		})
		t.Run("a SPID level 1 login still owes the second factor", func(t *testing.T) {
			c := f.Anonymous()
			res := oidcLogin(t, c, p, map[string]any{"email": "admin@example.org", "acr": "https://www.spid.gov.it/SpidL1"})
			sess, _, err := f.Auth.SessionUser(context.Background(), sessionToken(res))
			if err != nil {
				t.Fatalf("session of the callback's cookie: %v", err)
			}
			if sess.MFAOK {
				t.Fatal("a password-only SPID login passed the admin's second factor")
			}
			wantLoggedIn(t, c, false)
		})
		t.Run("unknown identity is refused", func(t *testing.T) {
			c := f.Anonymous()
			res := oidcLogin(t, c, p, map[string]any{"email": "nessuno@example.org"})
			wantRefused(t, c, res, http.StatusForbidden, "Nessun account attivo della rete corrisponde")
		})
		t.Run("deactivated user is refused", func(t *testing.T) {
			c := f.Anonymous()
			res := oidcLogin(t, c, p, map[string]any{"email": "spento@example.org"})
			wantRefused(t, c, res, http.StatusForbidden, "Nessun account attivo della rete corrisponde")
		})
		t.Run("unverified e-mail is refused", func(t *testing.T) {
			c := f.Anonymous()
			res := oidcLogin(t, c, p, map[string]any{"email": "admin@example.org", "email_verified": false})
			wantRefused(t, c, res, http.StatusUnauthorized, "Non è stato possibile verificare la tua identità.")
		})
		t.Run("wrong nonce is refused", func(t *testing.T) {
			c := f.Anonymous()
			res := oidcLogin(t, c, p, map[string]any{"email": "admin@example.org", "nonce": "altro"})
			wantRefused(t, c, res, http.StatusUnauthorized, "Non è stato possibile verificare la tua identità.")
		})
		t.Run("token for another client is refused", func(t *testing.T) {
			c := f.Anonymous()
			res := oidcLogin(t, c, p, map[string]any{"email": "admin@example.org", "aud": "altro-client"})
			wantRefused(t, c, res, http.StatusUnauthorized, "Non è stato possibile verificare la tua identità.")
		})
		t.Run("wrong state is refused", func(t *testing.T) {
			c := f.Anonymous()
			q := toProvider(t, c, p, "/private", map[string]any{"email": "admin@example.org"})
			q.Set("state", "altro")
			wantRefused(t, c, callback(c, q), http.StatusBadRequest, "La richiesta di accesso non è valida o è scaduta.")
		})
		t.Run("callback without the browser's state cookie is refused", func(t *testing.T) {
			q := toProvider(t, f.Anonymous(), p, "/private", map[string]any{"email": "admin@example.org"})
			c := f.Anonymous()
			wantRefused(t, c, callback(c, q), http.StatusBadRequest, "La richiesta di accesso non è valida o è scaduta.")
		})
		t.Run("a callback works once", func(t *testing.T) {
			c := f.Anonymous()
			q := toProvider(t, c, p, "/private", map[string]any{"email": "admin@example.org"})
			wantRedirect(t, callback(c, q), "/private")
			callback(c, q).WantStatus(t, http.StatusBadRequest)
		})
		t.Run("login cancelled at the provider is refused", func(t *testing.T) {
			c := f.Anonymous()
			q := toProvider(t, c, p, "/private", map[string]any{"email": "admin@example.org"})
			q.Del("code")
			q.Set("error", "access_denied")
			wantRefused(t, c, callback(c, q), http.StatusUnauthorized, "è stato annullato o non è riuscito")
		})
		t.Run("next pointing off-site lands on the home page", func(t *testing.T) {
			c := f.Anonymous()
			q := toProvider(t, c, p, "//evil.example/x", map[string]any{"email": "admin@example.org"})
			res := callback(c, q)
			res.WantStatus(t, http.StatusSeeOther)
			if loc := res.Header.Get("Location"); loc != "/" {
				t.Fatalf("Location = %q; want /", loc)
			}
		})
	})
}

func TestOIDCFiscalNumber(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		p := newFakeProvider(t)
		f := newFixture(t, d, oidcConfig(p.URL, "fiscal_number"))
		u := f.User("anna@example.org", auth.RoleInspector)
		f.InTx(func(ctx context.Context, tx *db.Tx) error {
			return f.Auth.UpdateUser(ctx, tx, u.ID, auth.UserUpdate{Name: "Anna Rossi", FiscalCode: "RSSNNA80A41A182X", Lang: "it"})
		})

		t.Run("SPID fiscal number logs in the user with that fiscal code", func(t *testing.T) {
			c := f.Anonymous()
			res := oidcLogin(t, c, p, map[string]any{"fiscal_number": "TINIT-RSSNNA80A41A182X", "email": "altro@example.org"})
			wantRedirect(t, res, "/private")
			wantLoggedIn(t, c, true)
		})
		t.Run("fiscal number of nobody is refused", func(t *testing.T) {
			c := f.Anonymous()
			res := oidcLogin(t, c, p, map[string]any{"fiscal_number": "TINIT-VRDGPP70A01A182T", "email": "anna@example.org"})
			wantRefused(t, c, res, http.StatusForbidden, "Nessun account attivo della rete corrisponde")
		})
	})
}

// TestOIDCDiscovery: the server starts without the provider, and a
// failed discovery is retried on the next login rather than remembered.
func TestOIDCDiscovery(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		p := newFakeProvider(t)
		p.down.Store(true)
		f := newFixture(t, d, oidcConfig(p.URL, "email"))

		t.Run("provider down: a clear message, password login still works", func(t *testing.T) {
			res := f.Anonymous().Get("/login/oidc")
			res.WantStatus(t, http.StatusServiceUnavailable)
			res.WantBody(t, "L&#39;accesso con SPID o CIE non è disponibile in questo momento.")
			f.Anonymous().Get("/login").WantStatus(t, http.StatusOK)
		})
		t.Run("provider back: the next login discovers it, once", func(t *testing.T) {
			p.down.Store(false)
			f.Anonymous().Get("/login/oidc").WantStatus(t, http.StatusFound)
			f.Anonymous().Get("/login/oidc").WantStatus(t, http.StatusFound)
			if n := p.discoveries.Load(); n != 2 {
				t.Fatalf("discovery fetched %d times; want 2 (the failure, then one success)", n)
			}
		})
	})
}

func TestOIDCOff(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		if strings.Contains(f.Anonymous().Get("/login").Body, "SPID") {
			t.Fatal("login page offers SPID without a provider")
		}
		f.Anonymous().Get("/login/oidc").WantStatus(t, http.StatusNotFound)
		f.Anonymous().Get("/login/oidc/callback?state=x&code=y").WantStatus(t, http.StatusNotFound)
	})
}

func TestClaimValue(t *testing.T) {
	tests := []struct {
		name   string
		claims map[string]any
		claim  string
		want   string
		ok     bool
	}{
		{"fiscal number loses the SPID prefix", map[string]any{"fiscal_number": "TINIT-rssnna80a41a182x"}, "fiscal_number", "RSSNNA80A41A182X", true},
		{"fiscal number without prefix", map[string]any{"fiscal_number": "RSSNNA80A41A182X"}, "fiscal_number", "RSSNNA80A41A182X", true},
		{"e-mail", map[string]any{"email": "a@example.org"}, "email", "a@example.org", true},
		{"unverified e-mail is refused", map[string]any{"email": "a@example.org", "email_verified": false}, "email", "", false},
		{"missing claim is refused", map[string]any{"sub": "x"}, "email", "", false},
		{"claim of another type is refused", map[string]any{"email": 42}, "email", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := claimValue(tt.claims, tt.claim)
			if got != tt.want || (err == nil) != tt.ok {
				t.Fatalf("claimValue = %q, %v; want %q, ok %v", got, err, tt.want, tt.ok)
			}
		})
	}
}
