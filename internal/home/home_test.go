package home_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/home"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// newEnv serves the home module on d.
func newEnv(t testing.TB, d *db.DB) *webtest.Env {
	t.Helper()
	env := webtest.New(t, d)
	h, err := home.New(home.Deps{Web: env.Web, DB: d, BaseURL: "https://crocevia.example.org"})
	if err != nil {
		t.Fatalf("home.New: %v", err)
	}
	env.Mount(h)
	return env
}

// count runs a COUNT query and fails the test on error.
func count(t testing.TB, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("count %q: %v", q, err)
	}
	return n
}

func TestPublicHome(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := newEnv(t, d)
		env.Org("Comune di prova", auth.KindComune)
		env.User("mario.rossi@example.org", auth.RoleServiceOperator)

		res := env.Anonymous().Get("/")
		res.WantStatus(t, http.StatusOK)
		res.WantBody(t, `href="/login"`, "Accedi", "Che cos&#39;è Crocevia",
			`<span class="home-figure-value">187</span> Comuni della provincia`,
			`<th scope="row">Comune</th><td class="text-end">1</td>`,
			`<span class="home-figure-value">2</span> organizzazioni attive nella rete`,
			`action="/lingua"`, `name="next" value="/"`)
		for _, private := range []string{"mario.rossi@example.org", "Utente mario", "Organizzazione di prova", "Comune di prova"} {
			if strings.Contains(res.Body, private) {
				t.Errorf("public home shows %q", private)
			}
		}
	})
}

func TestPublicHomeInEnglish(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := newEnv(t, d)
		// The cookie is what the language switch (POST /lingua) sets.
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.AddCookie(&http.Cookie{Name: "crocevia_lang", Value: "en"})
		res := env.Anonymous().Do(req)
		res.WantStatus(t, http.StatusOK)
		res.WantBody(t, `<html lang="en">`, "What Crocevia is", "Log in", "municipalities of the province")
	})
}

func TestRoleAreasAreTranslated(t *testing.T) {
	cat := i18n.MustLoad()
	for _, r := range auth.Roles {
		area := home.RoleArea(r)
		if area == "" {
			t.Errorf("role %s has no description", r)
			continue
		}
		if !cat.Has("en", area) {
			t.Errorf("role %s: no English for %q", r, area)
		}
	}
}
