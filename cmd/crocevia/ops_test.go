package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestNotFoundPageInItalian(t *testing.T) {
	eachDatabase(t, func(t *testing.T, tg dbtest.Target) {
		m := startMain(t, tg)
		r := newClient(t, m.URL()).get("/pagina-che-non-esiste")
		if r.Status != http.StatusNotFound {
			t.Errorf("status = %d, want 404", r.Status)
		}
		for _, want := range []string{`<html lang="it">`, "Pagina non trovata", "La pagina che cerchi non esiste", "Torna alla home"} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("404 page lacks %q", want)
			}
		}
	})
}

func TestBodyTooLarge(t *testing.T) {
	eachDatabase(t, func(t *testing.T, tg dbtest.Target) {
		m := startMain(t, tg, func(c *Config) { c.MaxUpload = 1 << 10 })
		c := newClient(t, m.URL())
		form := url.Values{"csrf_token": {c.csrfToken("/login")}, "email": {strings.Repeat("a", 2<<20)}}
		body := []byte(form.Encode())
		cases := []struct {
			name string
			body io.Reader
		}{
			// A bytes.Reader tells its length: the request declares it.
			{"declared length", bytes.NewReader(body)},
			// A MultiReader hides it: the body is sent chunked.
			{"streamed body", io.MultiReader(bytes.NewReader(body))},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				r := c.do(http.MethodPost, "/login", tc.body, nil)
				if r.Status != http.StatusRequestEntityTooLarge {
					t.Errorf("status = %d, want 413", r.Status)
				}
				if !strings.Contains(r.Body, "dimensione massima") {
					t.Errorf("the 413 page does not explain the limit in Italian")
				}
			})
		}
	})
}

func TestHealthz(t *testing.T) {
	eachDatabase(t, func(t *testing.T, tg dbtest.Target) {
		m := startMain(t, tg)
		r := newClient(t, m.URL()).get("/healthz")
		if r.Status != http.StatusOK || r.Body != "ok\n" {
			t.Errorf("GET /healthz = %d %q, want 200 \"ok\\n\"", r.Status, r.Body)
		}
	})
}

func TestMetrics(t *testing.T) {
	eachDatabase(t, func(t *testing.T, tg dbtest.Target) {
		m := startMain(t, tg)
		if err := m.Jobs.Insert(context.Background(), auth.PurgeArgs{}, nil); err != nil {
			t.Fatal(err)
		}
		c := newClient(t, m.URL())
		c.get("/login") // at least one counted page request
		r := c.get("/metrics")
		if r.Status != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/plain") {
			t.Fatalf("GET /metrics = %d %s, want 200 Prometheus text", r.Status, r.Header.Get("Content-Type"))
		}
		for _, want := range []string{
			`crocevia_http_requests_total{`,
			`route="GET /login"`,
			`crocevia_http_request_duration_seconds_bucket{`,
			"go_goroutines ",
			`go_sql_open_connections{db_name="crocevia"}`,
			`go_sql_max_open_connections{db_name="crocevia"}`,
			`crocevia_jobs{state=`,
		} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("metrics lack %s", want)
			}
		}
	})
}

// TestServeStartsFast restarts on a database that is already migrated and
// filled: the second start must not redo the first one's work. Timing is
// only logged, never asserted, so a slow machine cannot make it flaky.
func TestServeStartsFast(t *testing.T) {
	tg := dbtest.Target{Name: "sqlite", DataDir: t.TempDir()}
	first := NewMain(testConfig(tg), io.Discard)
	err := first.Run(context.Background())
	if cerr := first.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatalf("first start: %v", err)
	}
	second := newTestMain(t, tg)
	start := time.Now()
	if err := second.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	ran := time.Since(start)
	r := newClient(t, second.URL()).get("/healthz")
	if r.Status != http.StatusOK {
		t.Fatalf("GET /healthz after restart = %d", r.Status)
	}
	t.Logf("restart on a migrated database: Run took %v, /healthz answered after %v", ran, time.Since(start))
}
