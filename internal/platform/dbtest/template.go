package dbtest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/jobs"
	"github.com/crocevia/crocevia/internal/platform/municipalities"
)

// Migrating a database and loading the 8,000 municipalities takes about a
// second on PostgreSQL and a fifth of one on SQLite, and the suite opens
// hundreds of databases. So each kind is built once, as a template, and
// every test gets a copy: a file written from memory on SQLite, a
// CREATE DATABASE … TEMPLATE on PostgreSQL. A copy is exactly what Open
// would have built, and Open still runs the migrations, which find nothing
// to do.

// templateKey names what a template holds: the schema migrations and the
// municipalities; a change to either makes a new template. The job queue's
// tables are pinned with River's version in go.mod, and a copy made before
// an upgrade would only be brought up to date by Open's migrations.
var templateKey = sync.OnceValue(func() string {
	h := sha256.New()
	fmt.Fprintln(h, db.MigrationsDigest())
	all, _ := municipalities.All()
	fmt.Fprint(h, all)
	return hex.EncodeToString(h.Sum(nil))[:16]
})

// fill migrates d and loads its reference data, as Open does.
func fill(ctx context.Context, d *db.DB) error {
	if err := d.Migrate(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if err := jobs.Migrate(ctx, d); err != nil {
		return fmt.Errorf("migrate jobs: %w", err)
	}
	if err := municipalities.Load(ctx, d); err != nil {
		return fmt.Errorf("municipalities: %w", err)
	}
	return nil
}

// sqliteTemplate is the file of a filled SQLite database, built once per
// test binary.
var sqliteTemplate = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "crocevia-template-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	d, err := db.Open(ctx, "", dir)
	if err != nil {
		return nil, err
	}
	err = fill(ctx, d)
	if err == nil {
		// The copy is the main file alone: nothing may stay in the WAL.
		_, err = d.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	return os.ReadFile(filepath.Join(dir, "crocevia.db"))
})

// copySQLite writes a filled database into dir.
func copySQLite(t testing.TB, dir string) {
	t.Helper()
	b, err := sqliteTemplate()
	if err != nil {
		t.Fatalf("dbtest: sqlite template: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "crocevia.db"), b, 0o600); err != nil {
		t.Fatalf("dbtest: %v", err)
	}
}

// postgresTemplate returns the name of the template database on the
// server at base, building it if no test process has yet. Test binaries
// of several packages run at once: an advisory lock lets one build while
// the others wait, and the template gets its name only once complete.
// Templates of older schemas are left alone (a test process of another
// checkout may be copying one); any crocevia_tpl_* database can be dropped
// when no tests run.
func postgresTemplate(base string) (string, error) {
	name := "crocevia_tpl_" + templateKey()
	ctx := context.Background()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	conn, err := admin.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(hashtext('crocevia dbtest template'))`); err != nil {
		return "", err
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock(hashtext('crocevia dbtest template'))`)
	var exists bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return "", err
	}
	if exists {
		return name, nil
	}
	building := name + "_building"
	if _, err := conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+building+` WITH (FORCE)`); err != nil {
		return "", err
	}
	if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+building); err != nil {
		return "", err
	}
	d, err := db.Open(ctx, databaseURL(base, building), "")
	if err != nil {
		return "", err
	}
	err = fill(ctx, d)
	d.Close()
	if err != nil {
		return "", err
	}
	// The server may still be closing the builder's sessions, which would
	// refuse the rename (and every copy).
	for range 100 {
		if _, err = conn.ExecContext(ctx, `ALTER DATABASE `+building+` RENAME TO `+name); err == nil {
			return name, nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return "", err
}

// databaseURL is base pointed at another database on the same server.
func databaseURL(base, name string) string {
	u, err := url.Parse(base)
	if err != nil {
		return base
	}
	u.Path = "/" + name
	return u.String()
}
