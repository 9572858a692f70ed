package account

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/web"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func oidcConfig(issuer, claim string) *OIDCConfig {
	return &OIDCConfig{Issuer: issuer, ClientID: testClientID, ClientSecret: testClientSecret, Claim: claim,
		RedirectURL: testBaseURL + "/login/oidc/callback"}
}

// toProvider starts a login through the provider as the person claims
// describe and returns the query the provider sends the browser back with.
func toProvider(t *testing.T, c *webtest.Client, p *fakeProvider, next string, claims map[string]any) url.Values {
	t.Helper()
	p.loginAs(claims)
	res := c.Get("/login/oidc?next=" + url.QueryEscape(next))
	res.WantStatus(t, http.StatusFound)
	back := p.visit(t, res.Header.Get("Location"))
	if got := back.Scheme + "://" + back.Host + back.Path; got != testBaseURL+"/login/oidc/callback" {
		t.Fatalf("provider sends the browser back to %q", got)
	}
	return back.Query()
}

func callback(c *webtest.Client, q url.Values) *webtest.Response {
	return c.Get("/login/oidc/callback?" + q.Encode())
}

func oidcLogin(t *testing.T, c *webtest.Client, p *fakeProvider, claims map[string]any) *webtest.Response {
	t.Helper()
	return callback(c, toProvider(t, c, p, "/private", claims))
}

var oidcButton = regexp.MustCompile(`href="(/login/oidc\?[^"]*)"`)

// oidcButtonNext is where the login page's SPID/CIE button leads after the
// login.
func oidcButtonNext(t *testing.T, res *webtest.Response) string {
	t.Helper()
	m := oidcButton.FindStringSubmatch(res.Body)
	if m == nil {
		t.Fatalf("no SPID/CIE button on the page\n%s", res.Body)
	}
	u, err := url.Parse(html.UnescapeString(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get("next")
}

// sessionToken is the session cookie res sets, "" if none.
func sessionToken(res *webtest.Response) string {
	for _, ck := range (&http.Response{Header: res.Header}).Cookies() {
		if ck.Name == web.SessionCookie && ck.MaxAge >= 0 {
			return ck.Value
		}
	}
	return ""
}

// wantRefused checks the answer of a refused login: its status, an Italian
// explanation and no session.
func wantRefused(t *testing.T, c *webtest.Client, res *webtest.Response, status int, text string) {
	t.Helper()
	res.WantStatus(t, status)
	res.WantBody(t, text, `href="/login"`)
	if sessionToken(res) != "" {
		t.Fatal("a refused login set a session cookie")
	}
	wantLoggedIn(t, c, false)
}
