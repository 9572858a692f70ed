package e2e

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// strictCSP is the platform's policy: no inline script may run on the page,
// so the helpers must work through DevTools alone.
const strictCSP = "default-src 'self'; script-src 'self'; style-src 'self'"

const cleanPage = `<!doctype html><html lang="it"><head><title>Prova</title></head><body>
<header><nav aria-label="Menu"><a href="/altra">Altra pagina</a> <a href="https://example.org/">Fuori</a></nav></header>
<main><h1>Prova</h1><p>Testo.</p><a href="/terza#sezione">Terza</a></main>
<footer><a href="/privacy">Privacy</a></footer></body></html>`

const brokenPage = `<!doctype html><html lang="it"><head><title>Rotta</title></head><body><main>
<h1>Rotta</h1><img src="/x.png"><input type="text" name="nome"></main></body></html>`

const loginPage = `<!doctype html><html lang="it"><head><title>Accedi</title></head><body><main><h1>Accedi</h1>
<div class="form-error-summary">%s</div>
<form method="post" action="/login"><label for="e">E-mail</label><input id="e" name="email" type="email">
<label for="p">Password</label><input id="p" name="password" type="password">
<button type="submit">Accedi</button></form></main></body></html>`

func testSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	page := func(body string, status int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Security-Policy", strictCSP)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(status)
			_, _ = w.Write([]byte(body))
		}
	}
	mux.HandleFunc("GET /{$}", page(cleanPage, http.StatusOK))
	mux.HandleFunc("GET /rotta", page(brokenPage, http.StatusOK))
	mux.HandleFunc("GET /login", page(strings.Replace(loginPage, "%s", "", 1), http.StatusOK))
	mux.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {
		if r.PostFormValue("email") == "anna@example.org" && r.PostFormValue("password") == "segreta" {
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
		page(strings.Replace(loginPage, "%s", "Credenziali errate.", 1), http.StatusUnauthorized)(w, r)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestHelpers(t *testing.T) {
	browser := Browser(t)
	site := testSite(t)

	t.Run("axe passes a clean page despite the CSP", func(t *testing.T) {
		tab := Tab(t, browser)
		if _, err := Visit(tab, site.URL+"/"); err != nil {
			t.Fatal(err)
		}
		vs, err := Axe(tab)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) > 0 {
			t.Errorf("clean page has violations:\n%s", FormatViolations(vs))
		}
	})
	t.Run("axe names the rules a broken page breaks", func(t *testing.T) {
		tab := Tab(t, browser)
		if _, err := Visit(tab, site.URL+"/rotta"); err != nil {
			t.Fatal(err)
		}
		vs, err := Axe(tab)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, v := range vs {
			ids = append(ids, v.ID)
		}
		for _, want := range []string{"image-alt", "label"} {
			if !slices.Contains(ids, want) {
				t.Errorf("violations %v lack %q", ids, want)
			}
		}
		if msg := FormatViolations(vs); !strings.Contains(msg, "img") {
			t.Errorf("failure message does not show the element:\n%s", msg)
		}
	})
	t.Run("links keep the same origin and drop fragments", func(t *testing.T) {
		tab := Tab(t, browser)
		if _, err := Visit(tab, site.URL+"/"); err != nil {
			t.Fatal(err)
		}
		got, err := Links(tab, site.URL)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{site.URL + "/altra", site.URL + "/terza", site.URL + "/privacy"}
		if !slices.Equal(got, want) {
			t.Errorf("Links = %v, want %v", got, want)
		}
	})
	t.Run("login with the right password leaves the form", func(t *testing.T) {
		if err := Login(Tab(t, browser), site.URL, "anna@example.org", "segreta"); err != nil {
			t.Error(err)
		}
	})
	t.Run("login with a wrong password reports the message", func(t *testing.T) {
		err := Login(Tab(t, browser), site.URL, "anna@example.org", "sbagliata")
		if err == nil || !strings.Contains(err.Error(), "Credenziali errate.") {
			t.Errorf("Login error = %v, want the page's message", err)
		}
	})
	t.Run("visit reports the status of the document", func(t *testing.T) {
		resp, err := Visit(Tab(t, browser), site.URL+"/manca")
		if err != nil {
			t.Fatal(err)
		}
		if resp.Status != http.StatusNotFound {
			t.Errorf("status = %d, want 404", resp.Status)
		}
	})
}
