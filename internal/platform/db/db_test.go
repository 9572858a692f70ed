package db_test

import (
	"context"
	"errors"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestStorageContract(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		t.Run("schema matches the binary", func(t *testing.T) {
			if err := d.CheckSchema(ctx); err != nil {
				t.Fatal(err)
			}
		})
		t.Run("missing row is ErrNotFound", func(t *testing.T) {
			var name string
			err := d.QueryRowContext(ctx, `SELECT name FROM users WHERE id = ?`, 999).Scan(&name)
			if !errors.Is(err, db.ErrNotFound) {
				t.Fatalf("err = %v, want ErrNotFound", err)
			}
		})
		t.Run("unique violation is ErrConflict", func(t *testing.T) {
			insert := func() error {
				_, err := d.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('k', 'v')`)
				return err
			}
			if err := insert(); err != nil {
				t.Fatal(err)
			}
			if err := insert(); !errors.Is(err, db.ErrConflict) {
				t.Fatalf("second insert err = %v, want ErrConflict", err)
			}
		})
		t.Run("failed transaction writes nothing", func(t *testing.T) {
			boom := errors.New("boom")
			err := d.InTx(ctx, func(tx *db.Tx) error {
				if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('half', 'x')`); err != nil {
					return err
				}
				return boom
			})
			if !errors.Is(err, boom) {
				t.Fatalf("err = %v", err)
			}
			var n int
			if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM settings WHERE key = 'half'`).Scan(&n); err != nil || n != 0 {
				t.Fatalf("rows after rollback = %d (%v), want 0", n, err)
			}
		})
		t.Run("municipalities are loaded", func(t *testing.T) {
			var all, al int
			_ = d.QueryRowContext(ctx, `SELECT COUNT(*) FROM municipalities`).Scan(&all)
			_ = d.QueryRowContext(ctx, `SELECT COUNT(*) FROM municipalities WHERE province_code = 'AL'`).Scan(&al)
			if all != 7904 || al != 187 {
				t.Fatalf("municipalities = %d (AL %d), want 7904 (AL 187)", all, al)
			}
		})
	})
}
