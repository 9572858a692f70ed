// Package dbtest runs storage tests on every database the platform supports:
// always on SQLite in a temporary folder, and on PostgreSQL too when
// CROCEVIA_TEST_POSTGRES holds a URL. Each test gets a database of its own,
// copied from a template (see template.go) and dropped at the end, so tests
// never see each other's rows.
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/crocevia/crocevia/internal/platform/db"
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

// Targets returns a fresh SQLite database and, when configured, a fresh
// PostgreSQL database, both migrated and with the municipalities loaded.
func Targets(t testing.TB) []Target {
	t.Helper()
	dir := t.TempDir()
	copySQLite(t, dir)
	out := []Target{{Name: "sqlite", DataDir: dir}}
	if base := PostgresURL(); base != "" {
		out = append(out, Target{Name: "postgres", URL: NewDatabase(t, base), DataDir: t.TempDir()})
	}
	return out
}

// NewDatabase creates a database on the server at base, migrated and with
// the municipalities loaded, and returns its URL; the database is dropped
// when t ends.
func NewDatabase(t testing.TB, base string) string {
	t.Helper()
	tpl, err := postgresTemplate(base)
	if err != nil {
		t.Fatalf("dbtest: postgres template: %v", err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	if _, err := admin.Exec(`CREATE DATABASE ` + name + ` TEMPLATE ` + tpl); err != nil {
		admin.Close()
		t.Fatalf("dbtest: create database: %v", err)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec(`DROP DATABASE ` + name + ` WITH (FORCE)`)
		admin.Close()
	})
	return databaseURL(base, name)
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
	if err := fill(ctx, d); err != nil {
		t.Fatalf("dbtest: %s: %v", tg.Name, err)
	}
	return d
}
