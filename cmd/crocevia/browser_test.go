package main

import (
	"context"
	"crypto/sha256"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/e2e"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// visitor is someone looking at the site: anonymous or a demo account.
type visitor struct {
	name  string
	email string
}

func visitors() []visitor {
	out := []visitor{{name: "anonymous"}}
	for _, a := range demo.Accounts {
		out = append(out, visitor{name: string(a.Role), email: a.Email()})
	}
	return out
}

// TestAccessibility logs in as every demo account (and visits as an
// anonymous visitor), walks the pages that visitor can reach and runs the
// WCAG 2.1 AA checks of axe-core on each of them.
func TestAccessibility(t *testing.T) {
	browser := e2e.Browser(t)
	m := startMain(t, dbtest.Target{Name: "sqlite", DataDir: t.TempDir()})
	checked := map[[sha256.Size]byte]bool{}
	for _, v := range visitors() {
		t.Run(v.name, func(t *testing.T) {
			tab := e2e.Tab(t, browser)
			var user *auth.User
			if v.email != "" {
				if err := e2e.Login(tab, m.URL(), v.email, demo.Password); err != nil {
					t.Fatal(err)
				}
				var err error
				if user, err = m.Auth.UserByEmail(context.Background(), m.DB, v.email); err != nil {
					t.Fatal(err)
				}
			}
			c := newCrawler(t, tab, m.URL(), checked)
			c.run(append(routePages(m, user), "/"))
			t.Logf("%d pages visited, %d of them with content checked for another visitor", c.visited, c.skipped)
		})
	}
}

// TestAccessibilityOfLoginForm checks the login form as it first appears
// and as it comes back after a refused attempt, with its error messages.
func TestAccessibilityOfLoginForm(t *testing.T) {
	browser := e2e.Browser(t)
	m := startMain(t, dbtest.Target{Name: "sqlite", DataDir: t.TempDir()})

	t.Run("empty form", func(t *testing.T) {
		tab := e2e.Tab(t, browser)
		resp, err := e2e.Visit(tab, m.URL()+"/login")
		if err != nil || resp.Status != http.StatusOK {
			t.Fatalf("GET /login: %v, %v", resp, err)
		}
		checkAxe(t, tab, "/login")
	})
	t.Run("form refused with a wrong password", func(t *testing.T) {
		tab := e2e.Tab(t, browser)
		err := e2e.Login(tab, m.URL(), demoEmail(auth.RoleEditor), "sbagliata")
		if err == nil || !strings.Contains(err.Error(), "status 401") {
			t.Fatalf("Login with a wrong password: %v, want a 401 refusal", err)
		}
		shown, err := chromedp.Run(tab, chromedp.Evaluate[bool](`!!document.querySelector('.form-error-summary')`))
		if err != nil || !shown {
			t.Fatalf("the refused form shows no error summary (%v)", err)
		}
		checkAxe(t, tab, "POST /login")
	})
}

// checkAxe fails t with every WCAG violation of the page in tab.
func checkAxe(t *testing.T, tab context.Context, page string) {
	t.Helper()
	vs, err := e2e.Axe(tab)
	if err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	if len(vs) > 0 {
		t.Errorf("%s: %d accessibility violations:\n%s", page, len(vs), e2e.FormatViolations(vs))
	}
}
