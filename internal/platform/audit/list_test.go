package audit_test

import (
	"context"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		write := func(email, action, entity string, id int) {
			t.Helper()
			actx := audit.WithActor(ctx, audit.Actor{Email: email})
			err := d.InTx(actx, func(tx *db.Tx) error {
				return audit.Record(actx, tx, action, entity, id, []audit.Change{{Field: "name", Before: nil, After: "x"}})
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		write("anna@example.org", audit.Create, "user", 1)
		write("anna@example.org", audit.Update, "user", 1)
		write("bruno@example.org", audit.Create, "organisation", 7)
		str := func(s string) *string { return &s }
		now := time.Now()
		later, earlier := now.Add(time.Hour), now.Add(-time.Hour)
		tests := []struct {
			name   string
			filter audit.Filter
			want   []int64 // entry IDs, newest first
		}{
			{"no filter lists all newest first", audit.Filter{}, []int64{3, 2, 1}},
			{"entity and id", audit.Filter{Entity: str("user"), EntityID: str("1")}, []int64{2, 1}},
			{"actor matches part of the e-mail ignoring case", audit.Filter{ActorEmail: str("BRUNO")}, []int64{3}},
			{"action", audit.Filter{Action: str(audit.Update)}, []int64{2}},
			{"a range around now keeps all", audit.Filter{From: &earlier, To: &later}, []int64{3, 2, 1}},
			{"to before the entries", audit.Filter{To: &earlier}, nil},
			{"paging", audit.Filter{Limit: 1, Offset: 1}, []int64{2}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				got, total, err := audit.List(ctx, d, tc.filter)
				if err != nil {
					t.Fatal(err)
				}
				var ids []int64
				for _, e := range got {
					ids = append(ids, e.ID)
				}
				if len(ids) != len(tc.want) || (tc.filter.Limit == 0 && total != len(tc.want)) {
					t.Fatalf("List = %v (total %d); want %v", ids, total, tc.want)
				}
				for i := range ids {
					if ids[i] != tc.want[i] {
						t.Fatalf("List = %v; want %v", ids, tc.want)
					}
				}
			})
		}
		t.Run("changes decode", func(t *testing.T) {
			got, _, _ := audit.List(ctx, d, audit.Filter{Limit: 1})
			ch, err := got[0].ChangeList()
			if err != nil || len(ch) != 1 || ch[0].Field != "name" || ch[0].Before != nil || ch[0].After != "x" {
				t.Fatalf("ChangeList = %+v, %v", ch, err)
			}
		})
	})
}
