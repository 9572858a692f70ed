package db

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
)

//go:embed migrations
var migrations embed.FS

// Migrate brings the schema to the newest version embedded in the binary.
func (d *DB) Migrate(ctx context.Context) error {
	p, err := d.provider()
	if err != nil {
		return err
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// CheckSchema refuses a database whose schema is older or newer than this
// binary knows: serving on a schema it was not built for would corrupt data.
func (d *DB) CheckSchema(ctx context.Context) error {
	p, err := d.provider()
	if err != nil {
		return err
	}
	have, err := p.GetDBVersion(ctx)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	sources := p.ListSources()
	want := sources[len(sources)-1].Version
	switch {
	case have > want:
		return fmt.Errorf("the database schema (version %d) is newer than this binary (%d): upgrade crocevia", have, want)
	case have < want:
		return fmt.Errorf("the database schema (version %d) is older than this binary (%d): run crocevia migrate", have, want)
	}
	return nil
}

func (d *DB) provider() (*goose.Provider, error) {
	sub, err := fs.Sub(migrations, "migrations/"+d.dialect.String())
	if err != nil {
		return nil, err
	}
	dialect := goose.DialectSQLite3
	if d.dialect == Postgres {
		dialect = goose.DialectPostgres
	}
	p, err := goose.NewProvider(dialect, d.sql, sub, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return nil, fmt.Errorf("load migrations: %w", err)
	}
	if len(p.ListSources()) == 0 {
		return nil, errors.New("no migrations embedded")
	}
	return p, nil
}

// MigrationsDigest identifies the migrations embedded in the binary: two
// builds with the same digest make the same schema, so a migrated copy
// made by one (a test template) can serve the other.
func MigrationsDigest() string {
	h := sha256.New()
	_ = fs.WalkDir(migrations, ".", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := migrations.ReadFile(path)
		fmt.Fprintf(h, "%s %d\n", path, len(b))
		h.Write(b)
		return err
	})
	return hex.EncodeToString(h.Sum(nil))
}
