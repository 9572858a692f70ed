package db_test

import (
	"context"
	"errors"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestCollectReadsEveryRowOrTheFirstError(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		for _, kv := range [][2]string{{"a", "1"}, {"b", "2"}, {"c", "3"}} {
			if _, err := d.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)`, kv[0], kv[1]); err != nil {
				t.Fatal(err)
			}
		}
		key := func(sc db.Scanner) (string, error) {
			var k string
			return k, sc.Scan(&k)
		}
		rows, err := d.QueryContext(ctx, `SELECT key FROM settings WHERE key IN ('a', 'b', 'c') ORDER BY key`)
		got, err := db.Collect(rows, err, key)
		if err != nil || len(got) != 3 || got[0] != "a" || got[2] != "c" {
			t.Fatalf("Collect = %v, %v; want [a b c]", got, err)
		}

		rows, err = d.QueryContext(ctx, `SELECT key FROM settings WHERE key = 'none'`)
		if got, err := db.Collect(rows, err, key); err != nil || len(got) != 0 {
			t.Fatalf("Collect of no rows = %v, %v; want none", got, err)
		}

		rows, err = d.QueryContext(ctx, `SELECT no_such_column FROM settings`)
		if got, err := db.Collect(rows, err, key); err == nil || got != nil {
			t.Fatalf("Collect after a failed query = %v, %v; want the query's error", got, err)
		}

		boom := errors.New("boom")
		rows, err = d.QueryContext(ctx, `SELECT key FROM settings WHERE key IN ('a', 'b') ORDER BY key`)
		got, err = db.Collect(rows, err, func(db.Scanner) (string, error) { return "", boom })
		if !errors.Is(err, boom) || got != nil {
			t.Fatalf("Collect with a failing scan = %v, %v; want boom", got, err)
		}
	})
}
