// Package dbtest runs storage tests on every database the platform supports:
// always on SQLite in a temporary folder, and on PostgreSQL too when
// CROCEVIA_TEST_POSTGRES holds a URL. Each PostgreSQL test gets a schema of
// its own, dropped at the end, so tests never see each other's rows.
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/jobs"
	"github.com/crocevia/crocevia/internal/platform/municipalities"
)

// Target is one database to run a test on.
type Target struct {
	Name string
	// URL is "" for SQLite (the database lives in DataDir) or a PostgreSQL URL.
	URL     string
	DataDir string
}

// PostgresURL is the PostgreSQL server for tests, "" when not configured.
func PostgresURL() string { return os.Getenv("CROCEVIA_TEST_POSTGRES") }

// Targets returns a fresh SQLite target and, when configured, a fresh
// PostgreSQL schema.
func Targets(t testing.TB) []Target {
	t.Helper()
	out := []Target{{Name: "sqlite", DataDir: t.TempDir()}}
	if base := PostgresURL(); base != "" {
		out = append(out, Target{Name: "postgres", URL: NewSchema(t, base), DataDir: t.TempDir()})
	}
	return out
}

// NewSchema creates an empty schema on the server at base and returns a URL
// whose search_path points at it; the schema is dropped when t ends.
func NewSchema(t testing.TB, base string) string {
	t.Helper()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	if _, err := admin.Exec(`CREATE SCHEMA ` + name); err != nil {
		admin.Close()
		t.Fatalf("dbtest: create schema: %v", err)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec(`DROP SCHEMA ` + name + ` CASCADE`)
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

// Each runs fn as a subtest on every target, with the schema migrated and
// the municipalities loaded.
func Each(t *testing.T, fn func(t *testing.T, d *db.DB)) {
	t.Helper()
	for _, tg := range Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			fn(t, Open(t, tg))
		})
	}
}

// Open opens, migrates and fills the reference data of a target; the pool
// is closed when t ends.
func Open(t testing.TB, tg Target) *db.DB {
	t.Helper()
	ctx := context.Background()
	d, err := db.Open(ctx, tg.URL, tg.DataDir)
	if err != nil {
		t.Fatalf("dbtest: open %s: %v", tg.Name, err)
	}
	t.Cleanup(func() { d.Close() })
	if err := d.Migrate(ctx); err != nil {
		t.Fatalf("dbtest: migrate: %v", err)
	}
	if err := jobs.Migrate(ctx, d); err != nil {
		t.Fatalf("dbtest: migrate jobs: %v", err)
	}
	if err := municipalities.Load(ctx, d); err != nil {
		t.Fatalf("dbtest: municipalities: %v", err)
	}
	return d
}
