package main

import (
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

// The monitoring pages exist only for their roles: the dashboard for
// admins and the Prefettura, the map also for inspectors, the typology
// analysis also for the university's analysts. To everyone else, 404.
func init() {
	moduleRows = append(moduleRows, func(t *testing.T, m *Main) []routeSpec {
		only := func(roles ...auth.Role) map[string]int {
			out := map[string]int{}
			for _, r := range auth.Roles {
				out[string(r)] = 404
			}
			for _, r := range roles {
				delete(out, string(r))
			}
			return out
		}
		dash := only(auth.RoleAdmin, auth.RolePrefettura)
		maps := only(auth.RoleAdmin, auth.RolePrefettura, auth.RoleInspector)
		typo := only(auth.RoleAdmin, auth.RolePrefettura, auth.RoleAnalyst)
		return []routeSpec{
			{route: "GET /cruscotto", path: "/cruscotto", who: members, ok: 200, override: dash},
			{route: "GET /mappa", path: "/mappa", who: members, ok: 200, override: maps},
			{route: "GET /mappa/dati.json", path: "/mappa/dati.json", who: members, ok: 200, override: maps},
			{route: "GET /analisi/tipologie", path: "/analisi/tipologie", who: members, ok: 200, override: typo},
			{route: "GET /analisi/tipologie/export.csv", path: "/analisi/tipologie/export.csv", who: members, ok: 200, override: typo},
			{route: "GET /analisi/tipologie/export.xlsx", path: "/analisi/tipologie/export.xlsx", who: members, ok: 200, override: typo},
		}
	})
}
