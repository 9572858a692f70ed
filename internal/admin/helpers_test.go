package admin_test

import (
	"context"
	"testing"

	"github.com/crocevia/crocevia/internal/admin"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

const baseURL = "https://crocevia.example.org"

// setup mounts the admin module on a fresh server and logs an admin in.
func setup(t *testing.T, d *db.DB) (*webtest.Env, *webtest.Client) {
	t.Helper()
	env := webtest.New(t, d)
	h, err := admin.New(admin.Deps{Web: env.Web, Auth: env.Auth, BaseURL: baseURL + "/"})
	if err != nil {
		t.Fatalf("admin.New: %v", err)
	}
	env.Mount(h)
	return env, env.Login(env.User("admin@example.org", auth.RoleAdmin))
}

// count runs a COUNT(*) query.
func count(t *testing.T, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("count %q: %v", query, err)
	}
	return n
}
