package account

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

const testClientID = "crocevia"

func oidcConfig(issuer, claim string) *OIDCConfig {
	return &OIDCConfig{Issuer: issuer, ClientID: testClientID, ClientSecret: "segreto", Claim: claim,
		RedirectURL: testBaseURL + "/login/oidc/callback"}
}

// oidcLogin goes to the provider and comes back as the identity claims
// describe; tamper may alter the callback query.
func oidcLogin(t *testing.T, c *webtest.Client, p *fakeProvider, claims map[string]any, tamper func(url.Values)) *webtest.Response {
	t.Helper()
	res := c.Get("/login/oidc?next=/private")
	res.WantStatus(t, http.StatusFound)
	auth, err := url.Parse(res.Header.Get("Location"))
	if err != nil || !strings.HasPrefix(auth.String(), p.URL+"/authorize") {
		t.Fatalf("redirect to %q; want the provider", res.Header.Get("Location"))
	}
	q := auth.Query()
	if q.Get("client_id") != testClientID || q.Get("redirect_uri") != testBaseURL+"/login/oidc/callback" {
		t.Fatalf("authorization request %v", q)
	}
	withNonce := map[string]any{"aud": testClientID, "nonce": q.Get("nonce")}
	for k, v := range claims {
		withNonce[k] = v
	}
	p.authorize("code-1", q.Get("code_challenge"), withNonce)
	back := url.Values{"code": {"code-1"}, "state": {q.Get("state")}}
	if tamper != nil {
		tamper(back)
	}
	return c.Get("/login/oidc/callback?" + back.Encode())
}

func TestOIDCLogin(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		p := newFakeProvider(t)
		f := newFixture(t, d, oidcConfig(p.URL, "email"))
		f.User("admin@example.org", auth.RoleAdmin)

		t.Run("login page offers SPID and CIE", func(t *testing.T) {
			f.Anonymous().Get("/login").WantBody(t, "Accedi con SPID o CIE")
		})
		t.Run("e-mail claim logs the user in, past the second factor", func(t *testing.T) {
			c := f.Anonymous()
			res := oidcLogin(t, c, p, map[string]any{"email": "Admin@Example.org", "email_verified": true}, nil)
			wantRedirect(t, res, "/private")
			wantLoggedIn(t, c, true)
		})
		t.Run("unknown identity is refused", func(t *testing.T) {
			c := f.Anonymous()
			res := oidcLogin(t, c, p, map[string]any{"email": "nessuno@example.org"}, nil)
			res.WantStatus(t, http.StatusForbidden)
			res.WantBody(t, "Nessun account attivo della rete")
			wantLoggedIn(t, c, false)
		})
		t.Run("unverified e-mail is refused", func(t *testing.T) {
			res := oidcLogin(t, f.Anonymous(), p, map[string]any{"email": "admin@example.org", "email_verified": false}, nil)
			res.WantStatus(t, http.StatusUnauthorized)
		})
		t.Run("wrong state is refused", func(t *testing.T) {
			res := oidcLogin(t, f.Anonymous(), p, map[string]any{"email": "admin@example.org"},
				func(q url.Values) { q.Set("state", "altro") })
			res.WantStatus(t, http.StatusBadRequest)
		})
		t.Run("wrong nonce is refused", func(t *testing.T) {
			res := oidcLogin(t, f.Anonymous(), p, map[string]any{"email": "admin@example.org", "nonce": "altro"}, nil)
			res.WantStatus(t, http.StatusUnauthorized)
		})
	})
}

func TestOIDCFiscalNumber(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		p := newFakeProvider(t)
		f := newFixture(t, d, oidcConfig(p.URL, "fiscal_number"))
		u := f.User("anna@example.org")
		c := f.Login(u)
		post(c, "/account", url.Values{"name": {"Anna Rossi"}, "fiscal_code": {"RSSNNA80A41A182X"}, "lang": {"it"}})
		c = f.Anonymous()
		res := oidcLogin(t, c, p, map[string]any{"fiscal_number": "TINIT-RSSNNA80A41A182X"}, nil)
		wantRedirect(t, res, "/private")
		wantLoggedIn(t, c, true)
	})
}

func TestOIDCProviderUnreachable(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, oidcConfig("http://127.0.0.1:1", "email"))
		f.Anonymous().Get("/login/oidc").WantStatus(t, http.StatusServiceUnavailable)
		f.Anonymous().Get("/login").WantStatus(t, http.StatusOK)
	})
}

func TestOIDCOff(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		if strings.Contains(f.Anonymous().Get("/login").Body, "SPID") {
			t.Fatal("login page offers SPID without a provider")
		}
		f.Anonymous().Get("/login/oidc").WantStatus(t, http.StatusNotFound)
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
