package presences

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// benchFacilities and benchDays size the synthetic data: 800 facilities
// with three years of daily presences, about 876,000 rows, a tenth of the
// national scale, where the reconciliation reads one contract's
// facilities for one month through the (facility_id, day) index.
const (
	benchFacilities = 800
	benchDays       = 3 * 365
)

// BenchmarkReconciliation serves the reconciliation page of one contract
// and month to a Prefettura officer over the synthetic data, on each
// database.
func BenchmarkReconciliation(b *testing.B) {
	for _, tg := range dbtest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			d := dbtest.Open(b, tg)
			fx := setup(b, d)
			rc := newRecCase(b, fx)
			benchData(b, fx)
			pref := fx.login(b, auth.RolePrefettura, 0)
			b.Run("page", func(b *testing.B) {
				for b.Loop() {
					if res := pref.Get(rc.path()); res.Status != http.StatusOK {
						b.Fatalf("status %d", res.Status)
					}
				}
			})
			b.Run("compute", func(b *testing.B) {
				today := dayOf(time.Now())
				for b.Loop() {
					if _, err := reconcileOne(context.Background(), d, scope{all: true}, rc.contract, rc.month, today); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// benchData copies the demo facilities up to benchFacilities and gives
// every facility benchDays of presences up to yesterday.
func benchData(b *testing.B, fx *fixture) {
	b.Helper()
	orig := count(b, fx.env.DB, `SELECT COUNT(*) FROM facilities`)
	fx.env.InTx(func(ctx context.Context, tx *db.Tx) error {
		for n := 0; orig*(n+1) < benchFacilities; n++ {
			if _, err := tx.ExecContext(ctx, `INSERT INTO facilities (code, name, system_type, typology, guests, address,
				istat_code, authorised_places, contracted_places, managing_body_id, state, state_since, opened_on, closed_on,
				created_at, updated_at) SELECT code || ?, name, system_type, typology, guests, address, istat_code,
				authorised_places, contracted_places, managing_body_id, state, state_since, opened_on, closed_on, created_at,
				updated_at FROM facilities WHERE code NOT LIKE '%-B%'`, fmt.Sprintf("-B%d", n)); err != nil {
				return err
			}
		}
		return nil
	})
	ids := facilityIDs(b, fx.env.DB)
	today := dayOf(time.Now())
	fx.env.InTx(func(ctx context.Context, tx *db.Tx) error {
		bt := &batch{tx: tx}
		for _, id := range ids {
			// The rows the test case wrote for its month are kept.
			var have int
			_ = tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM presences WHERE facility_id = ?`, id).Scan(&have)
			if have > 0 {
				continue
			}
			for i := 1; i <= benchDays; i++ {
				day := today.AddDate(0, 0, -i)
				p := &Presence{FacilityID: id, Day: day, Source: SourceUpload, ReportedAt: day, UpdatedAt: day}
				p.Present = int(id+int64(i)) % 20
				if err := bt.add(ctx, p); err != nil {
					return err
				}
			}
		}
		return bt.flush(ctx)
	})
	// As autovacuum would after a bulk load: the planner needs the statistics.
	if _, err := fx.env.DB.ExecContext(context.Background(), `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d facilities, %d presence rows", len(ids), count(b, fx.env.DB, `SELECT COUNT(*) FROM presences`))
}

func facilityIDs(b *testing.B, d *db.DB) []int64 {
	rows, err := d.QueryContext(context.Background(), `SELECT id FROM facilities ORDER BY id`)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			b.Fatal(err)
		}
		out = append(out, id)
	}
	return out
}
