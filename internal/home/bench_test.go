package home_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// benchDemo serves the home module on each database holding the demo data
// of the province, and hands fn the demo account with the given e-mail
// logged in ("" for an anonymous visitor).
func benchDemo(b *testing.B, email string, fn func(b *testing.B, c *webtest.Client)) {
	for _, tg := range dbtest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			d := dbtest.Open(b, tg)
			if _, err := demo.Load(context.Background(), d); err != nil {
				b.Fatalf("demo: %v", err)
			}
			env := newEnv(b, d)
			c := env.Anonymous()
			if email != "" {
				u, err := env.Auth.UserByEmail(context.Background(), d, email)
				if err != nil {
					b.Fatal(err)
				}
				c = env.Login(u)
			}
			fn(b, c)
		})
	}
}

// BenchmarkDashboard renders the admin's home dashboard through the whole
// handler: session lookup, the page's queries and the template.
func BenchmarkDashboard(b *testing.B) {
	benchDemo(b, "admin@demo.crocevia.it", func(b *testing.B, c *webtest.Client) {
		c.Get("/").WantBody(b, "Utenti attivi: 11")
		b.ReportAllocs()
		for b.Loop() {
			if res := c.Get("/"); res.Status != http.StatusOK {
				b.Fatalf("status %d", res.Status)
			}
		}
	})
}

// BenchmarkPublicHome renders the visitors' home with its figures.
func BenchmarkPublicHome(b *testing.B) {
	benchDemo(b, "", func(b *testing.B, c *webtest.Client) {
		b.ReportAllocs()
		for b.Loop() {
			if res := c.Get("/"); res.Status != http.StatusOK {
				b.Fatalf("status %d", res.Status)
			}
		}
	})
}
