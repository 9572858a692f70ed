package presences

import (
	"context"
	"net/http"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// BenchmarkFacilityMonth serves a facility's month view with the demo's
// six months of presences loaded, on each database.
func BenchmarkFacilityMonth(b *testing.B) {
	for _, tg := range dbtest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			d := dbtest.Open(b, tg)
			fx := setup(b, d)
			fx.env.InTx(func(ctx context.Context, tx *db.Tx) error { return DemoSeed(ctx, tx, nil, nil) })
			fac := fx.facility(b, fx.ponte)
			mgr := fx.login(b, auth.RoleFacilityManager, fx.ponte)
			path := "/presenze/" + fac.Code + "?mese=" + yesterday().Format("2006-01")
			b.ResetTimer()
			for b.Loop() {
				if res := mgr.Get(path); res.Status != http.StatusOK {
					b.Fatalf("status %d", res.Status)
				}
			}
		})
	}
}
