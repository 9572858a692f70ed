package audit_test

import (
	"context"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func record(t *testing.T, d *db.DB, n int) {
	t.Helper()
	ctx := audit.WithActor(context.Background(), audit.Actor{UserID: 0, Email: "test@example.org"})
	for i := range n {
		err := d.InTx(ctx, func(tx *db.Tx) error {
			return audit.Record(ctx, tx, audit.Update, "thing", i, []audit.Change{{Field: "name", Before: "a", After: i}})
		})
		if err != nil {
			t.Fatalf("record: %v", err)
		}
	}
}

func TestVerify(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		record(t, d, 5)
		t.Run("intact chain verifies", func(t *testing.T) {
			broken, n, err := audit.Verify(ctx, d)
			if err != nil || broken != nil || n != 5 {
				t.Fatalf("Verify = %v, %d, %v; want intact with 5 entries", broken, n, err)
			}
		})
		t.Run("tampered entry is named", func(t *testing.T) {
			if _, err := d.ExecContext(ctx, `UPDATE audit_log SET changes = '[]' WHERE id = 3`); err != nil {
				t.Fatal(err)
			}
			broken, _, err := audit.Verify(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if broken == nil || broken.ID != 3 {
				t.Fatalf("Verify = %+v; want entry 3 broken", broken)
			}
		})
	})
}

func TestVerifyDeletedTail(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		record(t, d, 3)
		if _, err := d.ExecContext(ctx, `DELETE FROM audit_log WHERE id = 3`); err != nil {
			t.Fatal(err)
		}
		broken, _, err := audit.Verify(ctx, d)
		if err != nil || broken == nil || broken.ID != 3 {
			t.Fatalf("Verify = %+v, %v; want the removed entry 3 named", broken, err)
		}
	})
}

func TestDiff(t *testing.T) {
	got := audit.Diff(audit.Fields{"a": 1, "b": "x"}, audit.Fields{"a": 1, "b": "y", "c": true})
	if len(got) != 2 || got[0].Field != "b" || got[1].Field != "c" {
		t.Fatalf("Diff = %+v; want changes of b and c only", got)
	}
}

func TestConcurrentWritersKeepOneChain(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		errs := make(chan error, 8)
		for w := range 8 {
			go func() {
				var err error
				for i := range 5 {
					err = d.InTx(ctx, func(tx *db.Tx) error {
						return audit.Record(ctx, tx, audit.Create, "thing", w*100+i, nil)
					})
					if err != nil {
						break
					}
				}
				errs <- err
			}()
		}
		for range 8 {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		broken, n, err := audit.Verify(ctx, d)
		if err != nil || broken != nil || n != 40 {
			t.Fatalf("Verify = %+v, %d, %v; want 40 entries in one intact chain", broken, n, err)
		}
	})
}
