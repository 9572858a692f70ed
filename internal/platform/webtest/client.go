package webtest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// Client is one browser: it keeps the cookies the server sets and sends
// the CSRF token with every POST.
type Client struct {
	env *Env
	// User is the logged-in user, nil for an anonymous client.
	User *auth.User
	// Session is the logged-in session, nil for an anonymous client.
	Session *auth.Session
	cookies map[string]*http.Cookie
	csrf    string
}

// Login opens a session for u that has passed any second factor, as after
// a complete login, and returns a client carrying its cookie.
func (e *Env) Login(u *auth.User) *Client {
	e.T.Helper()
	token, sess, err := e.Auth.CreateSession(context.Background(), u.ID, true, "192.0.2.1", "webtest")
	if err != nil {
		e.T.Fatalf("webtest: create session: %v", err)
	}
	c := e.Anonymous()
	c.User, c.Session, c.csrf = u, sess, sess.CSRFToken
	c.cookies[web.SessionCookie] = &http.Cookie{Name: web.SessionCookie, Value: token}
	return c
}

// Anonymous returns a client without a session.
func (e *Env) Anonymous() *Client {
	return &Client{env: e, cookies: map[string]*http.Cookie{}}
}

// Get requests path.
func (c *Client) Get(path string) *Response {
	c.env.T.Helper()
	return c.Do(httptest.NewRequest(http.MethodGet, path, nil))
}

// Post submits form to path with the client's CSRF token. An anonymous
// client first loads the home page to obtain its token, as a browser would.
func (c *Client) Post(path string, form url.Values) *Response {
	c.env.T.Helper()
	if c.csrf == "" {
		c.csrf = c.Get("/").FormToken()
	}
	f := url.Values{}
	for k, v := range form {
		f[k] = v
	}
	if f.Get("csrf_token") == "" {
		f.Set("csrf_token", c.csrf)
	}
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(f.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.Do(req)
}

// Follow requests the Location of a redirect, carrying its flash message.
func (c *Client) Follow(res *Response) *Response {
	c.env.T.Helper()
	loc := res.Header.Get("Location")
	if loc == "" {
		c.env.T.Fatalf("webtest: response %d has no Location", res.Status)
	}
	return c.Get(loc)
}

// Do sends req with the client's cookies and keeps the ones set in reply.
func (c *Client) Do(req *http.Request) *Response {
	for _, ck := range c.cookies {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	c.env.Handler().ServeHTTP(rec, req)
	res := rec.Result()
	for _, ck := range res.Cookies() {
		if ck.MaxAge < 0 {
			delete(c.cookies, ck.Name)
			continue
		}
		c.cookies[ck.Name] = &http.Cookie{Name: ck.Name, Value: ck.Value}
	}
	return &Response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.String()}
}

// Response is a finished answer.
type Response struct {
	Status int
	Header http.Header
	Body   string
}

// WantStatus fails the test when the status is not want, showing the body.
func (r *Response) WantStatus(t testing.TB, want int) {
	t.Helper()
	if r.Status != want {
		t.Fatalf("status = %d; want %d\n%s", r.Status, want, r.Body)
	}
}

// WantBody fails the test when the body does not contain every part.
func (r *Response) WantBody(t testing.TB, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(r.Body, p) {
			t.Fatalf("body lacks %q\n%s", p, r.Body)
		}
	}
}

var tokenField = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// FormToken is the CSRF token of the first form on the page, "" if none.
func (r *Response) FormToken() string {
	m := tokenField.FindStringSubmatch(r.Body)
	if m == nil {
		return ""
	}
	return m[1]
}
