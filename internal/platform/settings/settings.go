// Package settings keeps the few facts about an instance that live in its
// database, so every instance sharing it agrees: whether it holds demo or
// synthetic data.
package settings

import (
	"context"
	"errors"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Keys of the settings table.
const (
	DemoData      = "demo_data"
	SyntheticData = "synthetic_data"
)

// Get returns the value of key, "" when unset.
func Get(ctx context.Context, q db.Querier, key string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, db.ErrNotFound) {
		return "", nil
	}
	return v, err
}

// Set stores value under key.
func Set(ctx context.Context, q db.Querier, key, value string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)`+
		q.Dialect().Upsert("key", "value = excluded.value"), key, value)
	return err
}

// Flag reports whether key is set to "1".
func Flag(ctx context.Context, q db.Querier, key string) bool {
	v, err := Get(ctx, q, key)
	return err == nil && v == "1"
}
