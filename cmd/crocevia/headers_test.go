package main

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/web"
)

func TestSessionCookieAttributes(t *testing.T) {
	eachDatabase(t, func(t *testing.T, tg dbtest.Target) {
		m := startMain(t, tg, behindProxy)
		cases := []struct {
			name   string
			proto  string
			secure bool
		}{
			{"plain HTTP gets no Secure flag and no HSTS", "", false},
			{"HTTPS at the trusted proxy gets Secure and HSTS", "https", true},
			{"HTTP at the trusted proxy gets no Secure flag", "http", false},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				c := newClient(t, m.URL())
				if tc.proto != "" {
					c.header.Set("X-Forwarded-Proto", tc.proto)
				}
				r := c.login(demoEmail(auth.RoleAnalyst), demo.Password)
				ck := r.Cookie[web.SessionCookie]
				if r.Status != http.StatusSeeOther || ck == nil {
					t.Fatalf("login: status %d, session cookie %v", r.Status, ck)
				}
				if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Secure != tc.secure {
					t.Errorf("cookie HttpOnly=%v SameSite=%v Secure=%v, want true, Lax, %v",
						ck.HttpOnly, ck.SameSite, ck.Secure, tc.secure)
				}
				hsts := r.Header.Get("Strict-Transport-Security")
				if (hsts != "") != tc.secure || (tc.secure && !strings.Contains(hsts, "max-age=")) {
					t.Errorf("Strict-Transport-Security = %q, want it set: %v", hsts, tc.secure)
				}
			})
		}
	})
	t.Run("an untrusted peer cannot claim HTTPS", func(t *testing.T) {
		m := startMain(t, dbtest.Target{Name: "sqlite", DataDir: t.TempDir()})
		c := newClient(t, m.URL())
		c.header.Set("X-Forwarded-Proto", "https")
		r := c.login(demoEmail(auth.RoleAnalyst), demo.Password)
		if ck := r.Cookie[web.SessionCookie]; ck == nil || ck.Secure {
			t.Errorf("session cookie %v: want one without Secure", ck)
		}
		if hsts := r.Header.Get("Strict-Transport-Security"); hsts != "" {
			t.Errorf("Strict-Transport-Security = %q from an untrusted peer", hsts)
		}
	})
}

func TestSecurityHeaders(t *testing.T) {
	eachDatabase(t, func(t *testing.T, tg dbtest.Target) {
		m := startMain(t, tg)
		c := newClient(t, m.URL())
		for _, path := range []string{"/", "/login", "/pagina-che-non-esiste"} {
			t.Run(path, func(t *testing.T) {
				h := c.get(path).Header
				csp := h.Get("Content-Security-Policy")
				for _, want := range []string{"script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
					if !strings.Contains(csp, want) {
						t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
					}
				}
				for _, banned := range []string{"'unsafe-inline'", "'unsafe-eval'", "*"} {
					if strings.Contains(csp, banned) {
						t.Errorf("Content-Security-Policy %q allows %s", csp, banned)
					}
				}
				want := map[string]string{
					"X-Content-Type-Options": "nosniff",
					"Referrer-Policy":        "strict-origin-when-cross-origin",
					"X-Frame-Options":        "DENY",
				}
				for name, v := range want {
					if got := h.Get(name); got != v {
						t.Errorf("%s = %q, want %q", name, got, v)
					}
				}
			})
		}
	})
}

// Static files are public and cached for a year: they must not carry a
// cookie, which a shared cache could hand to the next visitor, yet they
// keep the security headers.
func TestStaticFilesCarryNoCookie(t *testing.T) {
	m := startMain(t, dbtest.Target{Name: "sqlite", DataDir: t.TempDir()})
	page := newClient(t, m.URL()).get("/login").Body
	css := regexp.MustCompile(`/static/[^"]+\.css`).FindString(page)
	if css == "" {
		t.Fatal("the login page links no stylesheet")
	}
	for name, c := range map[string]*client{"a first-time visitor": newClient(t, m.URL()), "a logged-in user": loggedInClient(t, m)} {
		t.Run(name, func(t *testing.T) {
			r := c.get(css)
			if r.Status != http.StatusOK || !strings.Contains(r.Header.Get("Cache-Control"), "immutable") {
				t.Fatalf("status %d, Cache-Control %q", r.Status, r.Header.Get("Cache-Control"))
			}
			if sc := r.Header.Values("Set-Cookie"); len(sc) > 0 {
				t.Errorf("static file sets cookies: %q", sc)
			}
			if r.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("static file lacks X-Content-Type-Options")
			}
		})
	}
}

func loggedInClient(t *testing.T, m *Main) *client {
	t.Helper()
	c := newClient(t, m.URL())
	c.mustLogin(demoEmail(auth.RoleAnalyst), demo.Password)
	return c
}
