package main

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/web"
)

func TestCrossSitePostRefused(t *testing.T) {
	eachDatabase(t, func(t *testing.T, tg dbtest.Target) {
		m := startMain(t, tg)
		email := demoEmail(auth.RoleAdmin)
		cases := []struct {
			name   string
			header map[string]string
			token  bool
			want   int
		}{
			{"cross-site fetch metadata is refused",
				map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, true, http.StatusForbidden},
			{"a foreign origin is refused",
				map[string]string{"Origin": "https://evil.example"}, true, http.StatusForbidden},
			{"same-origin without the token is refused",
				map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": m.URL()}, false, http.StatusForbidden},
			{"same-origin with the token logs in",
				map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": m.URL()}, true, http.StatusSeeOther},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				c := newClient(t, m.URL())
				form := url.Values{"email": {email}, "password": {demo.Password}}
				token := c.csrfToken("/login") // also sets the visitor's CSRF cookie
				if tc.token {
					form.Set("csrf_token", token)
				}
				r := c.post("/login", form, tc.header)
				if r.Status != tc.want {
					t.Fatalf("status = %d, want %d\n%s", r.Status, tc.want, r.Body)
				}
				if got := r.Cookie[web.SessionCookie] != nil; got != (tc.want == http.StatusSeeOther) {
					t.Errorf("session cookie set = %v with status %d", got, r.Status)
				}
			})
		}
		t.Run("a cross-site logout leaves the session alive", func(t *testing.T) {
			c := newClient(t, m.URL())
			c.mustLogin(email, demo.Password)
			form := url.Values{"csrf_token": {c.csrfToken("/")}}
			r := c.post("/logout", form, map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"})
			if r.Status != http.StatusForbidden {
				t.Errorf("cross-site logout: status = %d, want 403", r.Status)
			}
			if !c.loggedIn() {
				t.Fatal("the refused logout ended the session")
			}
			if r := c.logout(); r.Status != http.StatusSeeOther || c.loggedIn() {
				t.Errorf("same-site logout: status %d, still logged in = %v", r.Status, c.loggedIn())
			}
		})
	})
}

func TestLoginRateLimit(t *testing.T) {
	eachDatabase(t, func(t *testing.T, tg dbtest.Target) {
		m := startMain(t, tg, behindProxy)
		admin, editor := demoEmail(auth.RoleAdmin), demoEmail(auth.RoleEditor)

		t.Run("the sixth wrong password locks the account, not the address", func(t *testing.T) {
			c := newClient(t, m.URL()).from("203.0.113.10")
			for i := 1; i <= 5; i++ {
				if r := c.login(admin, "sbagliata"); r.Status != http.StatusUnauthorized {
					t.Fatalf("wrong password %d: status = %d, want 401", i, r.Status)
				}
			}
			wantTooMany(t, c.login(admin, "sbagliata"), "sixth wrong password")
			wantTooMany(t, c.login(admin, demo.Password), "right password after the lock")
			c.mustLogin(editor, demo.Password)
		})
		t.Run("the twenty-first attempt from one address is refused", func(t *testing.T) {
			c := newClient(t, m.URL()).from("203.0.113.20")
			for i := 1; i <= 20; i++ {
				if r := c.login(fmt.Sprintf("nessuno-%d@example.org", i), "sbagliata"); r.Status != http.StatusUnauthorized {
					t.Fatalf("attempt %d: status = %d, want 401", i, r.Status)
				}
			}
			wantTooMany(t, c.login(editor, demo.Password), "21st attempt, right password")
			newClient(t, m.URL()).from("203.0.113.21").mustLogin(editor, demo.Password)
		})
	})
}

func wantTooMany(t *testing.T, r reply, what string) {
	t.Helper()
	if r.Status != http.StatusTooManyRequests || !strings.Contains(r.Body, "Troppi tentativi") {
		t.Errorf("%s: status = %d, want 429 with \"Troppi tentativi\"", what, r.Status)
	}
	if r.Cookie[web.SessionCookie] != nil {
		t.Errorf("%s: a session cookie was set", what)
	}
}
