package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// client is a visitor without a browser: it keeps cookies, does not follow
// redirects (tests look at them) and can pose as coming through a proxy.
type client struct {
	t      *testing.T
	base   string
	http   *http.Client
	header http.Header // added to every request
}

// reply is a response with its body read.
type reply struct {
	Status int
	Header http.Header
	Body   string
	Cookie map[string]*http.Cookie // cookies set by this response
}

func newClient(t *testing.T, base string) *client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	hc := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	return &client{t: t, base: base, http: hc, header: http.Header{}}
}

// from makes every request of c look forwarded by the trusted proxy for
// the client address ip.
func (c *client) from(ip string) *client {
	c.header.Set("X-Forwarded-For", ip)
	return c
}

func (c *client) get(path string) reply {
	c.t.Helper()
	return c.do(http.MethodGet, path, nil, nil)
}

func (c *client) post(path string, form url.Values, header map[string]string) reply {
	c.t.Helper()
	return c.do(http.MethodPost, path, strings.NewReader(form.Encode()), header)
}

func (c *client) do(method, path string, body io.Reader, header map[string]string) reply {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range c.header {
		req.Header[k] = v
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	r := reply{Status: resp.StatusCode, Header: resp.Header, Body: string(b), Cookie: map[string]*http.Cookie{}}
	for _, ck := range resp.Cookies() {
		r.Cookie[ck.Name] = ck
	}
	return r
}

var csrfField = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// csrfToken loads path and returns the CSRF token of its forms.
func (c *client) csrfToken(path string) string {
	c.t.Helper()
	r := c.get(path)
	m := csrfField.FindStringSubmatch(r.Body)
	if m == nil {
		c.t.Fatalf("GET %s: status %d, no csrf_token field in the page", path, r.Status)
	}
	return m[1]
}

// login submits the login form as a browser on this site would.
func (c *client) login(email, password string) reply {
	c.t.Helper()
	form := url.Values{"email": {email}, "password": {password}, "csrf_token": {c.csrfToken("/login")}}
	return c.post("/login", form, nil)
}

// mustLogin logs in and fails the test unless the platform let the user in.
func (c *client) mustLogin(email, password string) {
	c.t.Helper()
	if r := c.login(email, password); r.Status != http.StatusSeeOther || r.Cookie[web.SessionCookie] == nil {
		c.t.Fatalf("login as %s: status %d, want 303 with a session cookie", email, r.Status)
	}
}

// loggedIn reports whether the home page shows c a logged-in header.
func (c *client) loggedIn() bool {
	c.t.Helper()
	return strings.Contains(c.get("/").Body, `action="/logout"`)
}

// logout submits the header's logout button.
func (c *client) logout() reply {
	c.t.Helper()
	return c.post("/logout", url.Values{"csrf_token": {c.csrfToken("/")}}, nil)
}
