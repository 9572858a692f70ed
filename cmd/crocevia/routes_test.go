package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/mail"
)

// Who may reach a route. The README's permission table says the same in words.
type audience int

const (
	everyone audience = iota // anonymous visitors included
	members                  // any logged-in user
	admins
)

var admitted = map[audience][]auth.Role{
	admins: {auth.RoleAdmin},
}

// routeSpec is one row of the route-by-role table: the route as
// registered, a concrete path to ask for, who is admitted, what an admitted
// identity gets, and what everybody else gets. Anonymous visitors turned away
// from a page are sent to the login form (303); from an action, 401.
type routeSpec struct {
	route    string
	path     string
	who      audience
	ok       int
	denied   int            // logged-in users outside the audience; 403 when 0
	anon     int            // overrides the anonymous answer when not 0
	override map[string]int // identity name → answer, where a record decides
	form     url.Values     // body of an action; "{who}" is replaced by the identity
}

// fixtures are records the table's paths point at.
type fixtures struct {
	org, victim, outbox, notice, file int64
}

func routeTable(f fixtures) []routeSpec {
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	onlyAdmin := map[string]int{}
	for _, r := range auth.Roles {
		if r != auth.RoleAdmin {
			onlyAdmin[string(r)] = 404
		}
	}
	return []routeSpec{
		{route: "GET /{$}", path: "/", who: everyone, ok: 200},
		{route: "GET /privacy", path: "/privacy", who: everyone, ok: 200},
		{route: "GET /accessibilita", path: "/accessibilita", who: everyone, ok: 200},
		{route: "POST /accessibilita", path: "/accessibilita", who: everyone, ok: 422},
		{route: "GET /accessibilita/segnalazioni", path: "/accessibilita/segnalazioni", who: admins, ok: 200},
		{route: "GET /healthz", path: "/healthz", who: everyone, ok: 200},
		{route: "GET /metrics", path: "/metrics", who: everyone, ok: 200},

		{route: "GET /login", path: "/login", who: everyone, ok: 303, anon: 200},
		{route: "POST /login", path: "/login", who: everyone, ok: 401, form: url.Values{"email": {"nessuno-{who}@example.org"}, "password": {"sbagliata"}}},
		{route: "POST /logout", path: "/logout", who: everyone, ok: 303},
		{route: "POST /lingua", path: "/lingua", who: everyone, ok: 303, form: url.Values{"lang": {"en"}}},
		{route: "GET /login/otp", path: "/login/otp", who: everyone, ok: 303},
		{route: "POST /login/otp", path: "/login/otp", who: everyone, ok: 303},
		{route: "GET /account/2fa", path: "/account/2fa", who: members, ok: 200, anon: 303},
		{route: "POST /account/2fa", path: "/account/2fa", who: members, ok: 422, anon: 303},
		// Without a second factor there is nothing to disable or regenerate: back to the profile.
		{route: "GET /account/2fa/disattiva", path: "/account/2fa/disattiva", who: members, ok: 303},
		{route: "POST /account/2fa/disattiva", path: "/account/2fa/disattiva", who: members, ok: 303},
		{route: "GET /account/2fa/codici", path: "/account/2fa/codici", who: members, ok: 303},
		{route: "POST /account/2fa/codici", path: "/account/2fa/codici", who: members, ok: 303},
		{route: "GET /account", path: "/account", who: members, ok: 200},
		{route: "POST /account", path: "/account", who: members, ok: 422},
		{route: "GET /account/password", path: "/account/password", who: members, ok: 200},
		{route: "POST /account/password", path: "/account/password", who: members, ok: 422},
		{route: "GET /password/reset", path: "/password/reset", who: everyone, ok: 200},
		{route: "POST /password/reset", path: "/password/reset", who: everyone, ok: 422},
		// An unknown or expired link is gone, for everybody alike.
		{route: "GET /password/reset/{token}", path: "/password/reset/scaduto", who: everyone, ok: 410},
		{route: "POST /password/reset/{token}", path: "/password/reset/scaduto", who: everyone, ok: 410},
		{route: "GET /invito/{token}", path: "/invito/scaduto", who: everyone, ok: 410},
		{route: "POST /invito/{token}", path: "/invito/scaduto", who: everyone, ok: 410},

		{route: "GET /notifiche", path: "/notifiche", who: members, ok: 200},
		{route: "POST /notifiche/lette", path: "/notifiche/lette", who: members, ok: 303},
		// Only the owner (the admin) may mark a notification; to anyone else it does not exist.
		{route: "POST /notifiche/{id}/letta", path: "/notifiche/" + id(f.notice) + "/letta", who: members, ok: 303, override: onlyAdmin},

		// A file is readable by whoever may read the record it belongs to: the
		// test's record admits the admin only, and hides itself from others.
		{route: "GET /files/{id}", path: "/files/" + id(f.file), who: members, ok: 200, override: onlyAdmin},

		{route: "GET /admin", path: "/admin", who: admins, ok: 200},
		{route: "GET /admin/organisations", path: "/admin/organisations", who: admins, ok: 200},
		{route: "GET /admin/organisations/new", path: "/admin/organisations/new", who: admins, ok: 200},
		{route: "POST /admin/organisations", path: "/admin/organisations", who: admins, ok: 422},
		{route: "GET /admin/organisations/{id}", path: "/admin/organisations/" + id(f.org), who: admins, ok: 200},
		{route: "GET /admin/organisations/{id}/edit", path: "/admin/organisations/" + id(f.org) + "/edit", who: admins, ok: 200},
		{route: "POST /admin/organisations/{id}", path: "/admin/organisations/" + id(f.org), who: admins, ok: 422},
		{route: "GET /admin/users", path: "/admin/users", who: admins, ok: 200},
		{route: "GET /admin/users/{id}", path: "/admin/users/" + id(f.victim), who: admins, ok: 200},
		{route: "POST /admin/users/{id}/roles", path: "/admin/users/" + id(f.victim) + "/roles", who: admins, ok: 422},
		{route: "POST /admin/users/{id}/roles/remove", path: "/admin/users/" + id(f.victim) + "/roles/remove", who: admins, ok: 422},
		{route: "POST /admin/users/{id}/deactivate", path: "/admin/users/" + id(f.victim) + "/deactivate", who: admins, ok: 303},
		{route: "POST /admin/users/{id}/activate", path: "/admin/users/" + id(f.victim) + "/activate", who: admins, ok: 303},
		{route: "POST /admin/users/{id}/invite", path: "/admin/users/" + id(f.victim) + "/invite", who: admins, ok: 303},
		{route: "GET /admin/invitations/new", path: "/admin/invitations/new", who: admins, ok: 200},
		{route: "POST /admin/invitations", path: "/admin/invitations", who: admins, ok: 422},
		{route: "GET /admin/audit", path: "/admin/audit", who: admins, ok: 200},
		{route: "GET /admin/outbox", path: "/admin/outbox", who: admins, ok: 200},
		{route: "GET /admin/outbox/{id}", path: "/admin/outbox/" + id(f.outbox), who: admins, ok: 200},
	}
}

// TestEveryRouteForEveryRole asks every route as the anonymous visitor and
// as each demo role, and checks the answer against the table. A route
// missing from the table fails the test: a new page must say who sees it.
func TestEveryRouteForEveryRole(t *testing.T) {
	eachDatabase(t, func(t *testing.T, tg dbtest.Target) {
		m := newTestMain(t, tg)
		if err := m.Open(context.Background()); err != nil {
			t.Fatal(err)
		}
		f := routeFixtures(t, m)
		table := routeTable(f)
		checkTableCoversRoutes(t, m, table)
		h := m.Web.Handler()
		identities := append([]string{"anonymous"}, roleNames()...)
		for _, spec := range table {
			var wrong []string
			for i, who := range identities {
				got := askRoute(t, m, h, spec, who, i)
				if want := spec.expect(who); got != want {
					wrong = append(wrong, fmt.Sprintf("%s %d (want %d)", who, got, want))
				}
			}
			if len(wrong) > 0 {
				t.Errorf("%s %s: %s", spec.route, spec.path, strings.Join(wrong, ", "))
			}
		}
	})
}

func roleNames() []string {
	var out []string
	for _, r := range auth.Roles {
		out = append(out, string(r))
	}
	return out
}

// expect is the answer the identity who should get.
func (s routeSpec) expect(who string) int {
	if v, ok := s.override[who]; ok {
		return v
	}
	if who == "anonymous" {
		switch {
		case s.anon != 0:
			return s.anon
		case s.who == everyone:
			return s.ok
		case strings.HasPrefix(s.route, "GET "):
			return http.StatusSeeOther
		default:
			return http.StatusUnauthorized
		}
	}
	if s.who != admins {
		return s.ok
	}
	for _, r := range admitted[s.who] {
		if string(r) == who {
			return s.ok
		}
	}
	if s.denied != 0 {
		return s.denied
	}
	return http.StatusForbidden
}

// askRoute sends the request as who, with a fresh session for each request
// so that one route's effect (a logout) never leaks into the next.
func askRoute(t *testing.T, m *Main, h http.Handler, spec routeSpec, who string, n int) int {
	t.Helper()
	method, _, _ := strings.Cut(spec.route, " ")
	form := url.Values{}
	for k, vs := range spec.form {
		for _, v := range vs {
			form.Add(k, strings.ReplaceAll(v, "{who}", who))
		}
	}
	csrf := strings.Repeat("c", 43)
	var cookies []*http.Cookie
	if who != "anonymous" {
		u, err := m.Auth.UserByEmail(context.Background(), m.DB, demoEmail(auth.Role(who)))
		if err != nil {
			t.Fatal(err)
		}
		tok, sess, err := m.Auth.CreateSession(context.Background(), u.ID, true, "127.0.0.1", "routes-test")
		if err != nil {
			t.Fatal(err)
		}
		csrf = sess.CSRFToken
		cookies = append(cookies, &http.Cookie{Name: "crocevia_session", Value: tok})
	} else {
		cookies = append(cookies, &http.Cookie{Name: "crocevia_csrf", Value: csrf})
	}
	form.Set("csrf_token", csrf)
	var req *http.Request
	if method == http.MethodGet {
		req = httptest.NewRequest(method, spec.path, nil)
	} else {
		req = httptest.NewRequest(method, spec.path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	// Loopback (for /metrics), one address per identity (for the per-IP limits).
	req.RemoteAddr = "127.0.0." + strconv.Itoa(n+1) + ":40000"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code
}

// checkTableCoversRoutes fails for any registered route without a row.
func checkTableCoversRoutes(t *testing.T, m *Main, table []routeSpec) {
	t.Helper()
	rows := map[string]bool{}
	for _, s := range table {
		rows[s.route] = true
	}
	for _, r := range m.Web.Routes() {
		if !rows[r.Method+" "+r.Pattern] {
			t.Errorf("route %s %s has no row in the route-by-role table", r.Method, r.Pattern)
		}
	}
}

// routeFixtures creates the records the table's paths name: a user the
// admin may deactivate and re-invite, a mail in the outbox and a
// notification of the admin.
func routeFixtures(t *testing.T, m *Main) fixtures {
	t.Helper()
	ctx := context.Background()
	var f fixtures
	admin, err := m.Auth.UserByEmail(ctx, m.DB, demoEmail(auth.RoleAdmin))
	if err != nil {
		t.Fatal(err)
	}
	f.org = admin.PrimaryOrgID()
	err = m.DB.InTx(ctx, func(tx *db.Tx) error {
		if f.victim, err = m.Auth.CreateUser(ctx, tx, auth.NewUser{Email: "invitato@example.org", Name: "Invitato"}); err != nil {
			return err
		}
		if err := m.Auth.AddMembership(ctx, tx, f.victim, f.org, auth.RoleEditor); err != nil {
			return err
		}
		if f.outbox, err = mail.Queue(ctx, tx, mail.Message{To: "x@example.org", Subject: "Prova", Body: "Testo"}); err != nil {
			return err
		}
		f.notice, err = db.InsertID(ctx, tx, `INSERT INTO notifications (user_id, title, created_at) VALUES (?, ?, ?)`,
			admin.ID, "Avviso", tx.Now)
		if err != nil {
			return err
		}
		file, err := m.Files.Put(ctx, tx, files.Upload{Entity: "routetest", EntityID: "1", Name: "verbale.pdf",
			Reader: strings.NewReader("%PDF-1.4\n%%EOF\n"), UploadedBy: admin.ID})
		if err != nil {
			return err
		}
		f.file = file.ID
		return nil
	})
	m.Files.RegisterAccess("routetest", func(_ context.Context, u *auth.User, _ string) error {
		if u.IsAdmin() {
			return nil
		}
		return apperr.NotFoundf("Pagina non trovata.")
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}
