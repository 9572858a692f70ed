// Package db opens the platform's database, SQLite or PostgreSQL, behind one
// type. Queries are written once with ? placeholders; the differences between
// the two engines live in the named helpers of dialect.go.
package db

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver (pure Go)
)

// DB is the platform's connection pool with its dialect.
type DB struct {
	sql     *sql.DB
	dialect Dialect
	// URL is the PostgreSQL URL, or the SQLite file path.
	URL string
}

// Open connects to PostgreSQL when url starts with postgres:// or
// postgresql://, otherwise to the SQLite file crocevia.db under dataDir.
func Open(ctx context.Context, url, dataDir string) (*DB, error) {
	if IsPostgresURL(url) {
		return openPostgres(ctx, url)
	}
	return openSQLite(ctx, filepath.Join(dataDir, "crocevia.db"))
}

// IsPostgresURL reports whether url names a PostgreSQL database.
func IsPostgresURL(url string) bool {
	return strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://")
}

func openPostgres(ctx context.Context, url string) (*DB, error) {
	pool, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	pool.SetMaxOpenConns(20)
	pool.SetMaxIdleConns(10)
	pool.SetConnMaxIdleTime(5 * time.Minute)
	d := &DB{sql: pool, dialect: Postgres, URL: url}
	return d, d.ping(ctx)
}

// SQLiteDSN is the connection string for the file at path: WAL so readers
// never wait for the writer, a busy timeout instead of immediate SQLITE_BUSY,
// foreign keys on, and write transactions that take the lock at BEGIN so two
// writers queue up instead of failing half-way.
func SQLiteDSN(path string) string {
	return "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate&_time_format=sqlite"
}

func openSQLite(ctx context.Context, path string) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	pool, err := sql.Open("sqlite", SQLiteDSN(path))
	if err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	pool.SetMaxOpenConns(8)
	pool.SetMaxIdleConns(8)
	pool.SetConnMaxIdleTime(0)
	d := &DB{sql: pool, dialect: SQLite, URL: path}
	return d, d.ping(ctx)
}

func (d *DB) ping(ctx context.Context) error {
	if err := d.sql.PingContext(ctx); err != nil {
		d.sql.Close()
		return fmt.Errorf("connect to database: %w", err)
	}
	return nil
}

// Dialect returns the engine behind the pool.
func (d *DB) Dialect() Dialect { return d.dialect }

// Close closes the pool.
func (d *DB) Close() error { return d.sql.Close() }

// SQL exposes the pool to the few places that need database/sql itself
// (migrations, the job queue driver, pool metrics).
func (d *DB) SQL() *sql.DB { return d.sql }

// Ping checks that the database answers.
func (d *DB) Ping(ctx context.Context) error { return d.sql.PingContext(ctx) }

// ExecContext runs a statement outside a transaction.
func (d *DB) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	res, err := d.sql.ExecContext(ctx, d.dialect.Rebind(q), args...)
	return res, d.dialect.mapErr(err)
}

// QueryContext runs a query outside a transaction.
func (d *DB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	rows, err := d.sql.QueryContext(ctx, d.dialect.Rebind(q), args...)
	return rows, d.dialect.mapErr(err)
}

// QueryRowContext runs a query that returns at most one row.
func (d *DB) QueryRowContext(ctx context.Context, q string, args ...any) *Row {
	return &Row{row: d.sql.QueryRowContext(ctx, d.dialect.Rebind(q), args...), dialect: d.dialect}
}
