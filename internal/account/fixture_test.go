package account

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

const testBaseURL = "https://crocevia.test"

// privateArea stands for any page behind the login.
type privateArea struct{}

func (privateArea) Routes() []web.Route {
	return []web.Route{{Method: "GET", Pattern: "/private", Access: web.LoggedIn,
		Handler: func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "area riservata") }}}
}

type fixture struct {
	*webtest.Env
	demo atomic.Bool
}

func newFixture(t *testing.T, d *db.DB, oidc *OIDCConfig) *fixture {
	t.Helper()
	f := &fixture{Env: webtest.New(t, d)}
	h, err := New(Deps{Web: f.Web, Auth: f.Auth, Demo: f.demo.Load, BaseURL: testBaseURL, OIDC: oidc})
	if err != nil {
		t.Fatal(err)
	}
	f.Mount(h, privateArea{})
	return f
}

// post submits form with the CSRF token the client's pages carry now: the
// token changes when a login opens a session.
func post(c *webtest.Client, path string, form url.Values) *webtest.Response {
	form.Set("csrf_token", c.Get("/password/reset").FormToken())
	return c.Post(path, form)
}

func login(c *webtest.Client, email, password string) *webtest.Response {
	return post(c, "/login", url.Values{"email": {email}, "password": {password}})
}

func wantRedirect(t *testing.T, res *webtest.Response, prefix string) {
	t.Helper()
	res.WantStatus(t, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, prefix) {
		t.Fatalf("Location = %q; want prefix %q", loc, prefix)
	}
}

// wantLoggedIn checks whether the client reaches a page behind the login.
func wantLoggedIn(t *testing.T, c *webtest.Client, want bool) {
	t.Helper()
	res := c.Get("/private")
	if got := res.Status == http.StatusOK; got != want {
		t.Fatalf("logged in = %v (status %d, Location %q); want %v", got, res.Status, res.Header.Get("Location"), want)
	}
}
