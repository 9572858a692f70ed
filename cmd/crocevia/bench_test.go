package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// benchMain opens a demo Main on each test database, without listening:
// requests go straight to the handler, so the figures are the server's own.
func benchMains(b *testing.B) map[string]*Main {
	b.Helper()
	out := map[string]*Main{}
	for _, tg := range dbtest.Targets(b) {
		cfg := DefaultConfig()
		cfg.DataDir, cfg.DatabaseURL, cfg.Demo, cfg.LogLevel = tg.DataDir, tg.URL, true, "error"
		m := NewMain(cfg, &bytes.Buffer{})
		if err := m.Open(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { m.Close() })
		out[tg.Name] = m
	}
	return out
}

// BenchmarkLogin measures a whole login: the form post, the rate-limit
// counters, the argon2id check and the new session.
func BenchmarkLogin(b *testing.B) {
	for name, m := range benchMains(b) {
		b.Run(name, func(b *testing.B) {
			h := m.Web.Handler()
			csrf := "0123456789abcdef0123456789abcdef0123456789a"
			form := url.Values{"email": {"editor@demo.crocevia.it"}, "password": {"crocevia-demo"}, "csrf_token": {csrf}}.Encode()
			for i := 0; b.Loop(); i++ {
				req := httptest.NewRequest("POST", "/login", strings.NewReader(form))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.AddCookie(&http.Cookie{Name: "crocevia_csrf", Value: csrf})
				// A different client address each time keeps the per-IP limit out of the way.
				req.RemoteAddr = "10.1." + strconv.Itoa(i/250%250) + "." + strconv.Itoa(i%250) + ":1234"
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusSeeOther {
					b.Fatalf("login status %d", rec.Code)
				}
				// The per-account limit resets after a successful login.
			}
		})
	}
}

// BenchmarkPublicHome measures the home page of an anonymous visitor.
func BenchmarkPublicHome(b *testing.B) {
	for name, m := range benchMains(b) {
		b.Run(name, func(b *testing.B) {
			h := m.Web.Handler()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}
