package main

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

// The monthly reconciliation follows the registry's scope: admins,
// Prefettura officers and inspectors read every contract, a facility
// manager its own body's; the invoice is recorded by the Prefettura or the
// body (empty form: 422), inspectors are told 403; everyone else 404.
func init() {
	moduleRows = append(moduleRows, func(t *testing.T, m *Main) []routeSpec {
		ctx := context.Background()
		manager, err := m.Auth.UserByEmail(ctx, m.DB, demoEmail(auth.RoleFacilityManager))
		if err != nil {
			t.Fatal(err)
		}
		var own, other int64
		if err := m.DB.QueryRowContext(ctx, `SELECT MIN(id) FROM contracts WHERE managing_body_id = ?`,
			manager.PrimaryOrgID()).Scan(&own); err != nil {
			t.Fatal(err)
		}
		if err := m.DB.QueryRowContext(ctx, `SELECT MIN(id) FROM contracts WHERE managing_body_id <> ?`,
			manager.PrimaryOrgID()).Scan(&other); err != nil {
			t.Fatal(err)
		}
		rec := func(inspector, mgr int) map[string]int {
			out := map[string]int{string(auth.RoleInspector): inspector, string(auth.RoleFacilityManager): mgr}
			for _, r := range auth.Roles {
				if r != auth.RoleAdmin && r != auth.RolePrefettura && r != auth.RoleInspector && r != auth.RoleFacilityManager {
					out[string(r)] = http.StatusNotFound
				}
			}
			return out
		}
		month := time.Now().AddDate(0, -1, 0).Format("2006-01")
		base := "/riconciliazione/" + strconv.FormatInt(own, 10)
		forged := "/riconciliazione/" + strconv.FormatInt(other, 10) + "/" + month
		return []routeSpec{
			{route: "GET /riconciliazione", path: "/riconciliazione", who: members, ok: 200, override: rec(200, 200)},
			{route: "GET /riconciliazione/{contract}", path: base, who: members, ok: 303, override: rec(303, 303)},
			{route: "GET /riconciliazione/{contract}/{mese}", path: base + "/" + month, who: members, ok: 200, override: rec(200, 200)},
			// Another body's contract does not exist for the manager.
			{route: "GET /riconciliazione/{contract}/{mese}", path: forged, who: members, ok: 200, override: rec(200, 404)},
			{route: "POST /riconciliazione/{contract}/{mese}", path: base + "/" + month, who: members, ok: 422, override: rec(403, 422)},
			{route: "POST /riconciliazione/{contract}/{mese}", path: forged, who: members, ok: 422, override: rec(403, 404)},
			{route: "GET /riconciliazione/{contract}/{mese}/{file}", path: base + "/" + month + "/export.xlsx", who: members, ok: 200, override: rec(200, 200)},
			{route: "GET /riconciliazione/{contract}/{mese}/{file}", path: base + "/" + month + "/export.pdf", who: members, ok: 200, override: rec(200, 200)},
			{route: "GET /riconciliazione/{contract}/{mese}/{file}", path: base + "/" + month + "/export.doc", who: members, ok: 404, override: rec(404, 404)},
		}
	})
}
