package account

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// offSite are next values a browser would take off this site.
var offSite = []string{"", "https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example",
	"/\t/evil.example", "/\n/evil.example", "javascript:alert(1)", "evil.example", "http:/evil.example"}

func TestSafeNext(t *testing.T) {
	for _, next := range offSite {
		t.Run("refused "+next, func(t *testing.T) {
			if got := safeNext(next); got != "/" {
				t.Fatalf("safeNext(%q) = %q; want /", next, got)
			}
		})
	}
	for _, next := range []string{"/", "/private", "/strutture?q=casa&p=2", "/a/b#c"} {
		t.Run("kept "+next, func(t *testing.T) {
			if got := safeNext(next); got != next {
				t.Fatalf("safeNext(%q) = %q; want it kept", next, got)
			}
		})
	}
}

// TestNextStaysOnSite follows an off-site next through every page that
// redirects to it.
func TestNextStaysOnSite(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		u := f.User("anna@example.org", auth.RoleMediator)
		op := f.User("op@example.org", auth.RoleServiceOperator)
		secret, _ := enrol(t, f.Login(op))
		t.Run("second factor to an off-site next", func(t *testing.T) {
			c := f.Anonymous()
			res := post(c, "/login", url.Values{"email": {op.Email}, "password": {webtest.Password}, "next": {"//evil.example/"}})
			wantLocation(t, res, "/login/otp?next=%2F")
			res = post(c, "/login/otp", url.Values{"code": {code(t, secret, time.Now().Add(30*time.Second))}, "next": {"//evil.example/"}})
			wantLocation(t, res, "/")
		})
		for _, next := range offSite[1:] {
			t.Run("login to "+next, func(t *testing.T) {
				c := f.Anonymous()
				res := post(c, "/login", url.Values{"email": {u.Email}, "password": {webtest.Password}, "next": {next}})
				wantLocation(t, res, "/")
			})
			t.Run("language switch to "+next, func(t *testing.T) {
				wantLocation(t, post(f.Anonymous(), "/lingua", url.Values{"lang": {"en"}, "next": {next}}), "/")
			})
		}
	})
}

func wantLocation(t *testing.T, res *webtest.Response, want string) {
	t.Helper()
	res.WantStatus(t, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != want {
		t.Fatalf("Location = %q; want %q", loc, want)
	}
}
