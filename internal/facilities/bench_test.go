package facilities_test

import (
	"net/http"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// BenchmarkFacilityList asks the filtered facility list through the whole
// handler, on the demo registry, on SQLite and (when configured) PostgreSQL.
func BenchmarkFacilityList(b *testing.B) {
	for _, tg := range dbtest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			fx := setup(b, dbtest.Open(b, tg))
			off := fx.login(b, auth.RolePrefettura, 0)
			for b.Loop() {
				res := off.Get("/strutture?q=appartamento&state=active&system_type=cas")
				if res.Status != http.StatusOK {
					b.Fatalf("status %d", res.Status)
				}
			}
		})
	}
}
