package main

import (
	"context"
	"net/url"
	"strconv"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

// Contestations exist for admins, Prefettura officers, inspectors (of
// their commissions) and facility managers (of their body, never drafts).
// The rows use the demo's contestation notified to the demo manager's body
// and still awaiting counter-deductions.
func init() {
	moduleRows = append(moduleRows, func(t *testing.T, m *Main) []routeSpec {
		var id int64
		err := m.DB.QueryRowContext(context.Background(), `SELECT c.id FROM contestations c JOIN organisations o
			ON o.id = c.managing_body_id WHERE c.state = 'notified' AND o.name LIKE '%Ponte%' ORDER BY c.id LIMIT 1`).Scan(&id)
		if err != nil {
			t.Fatalf("demo notified contestation: %v", err)
		}
		// answers gives the inspector's and the manager's answers; the
		// Prefettura's is the row's ok; the other roles get 404.
		answers := func(inspector, manager int) map[string]int {
			m := map[string]int{string(auth.RoleInspector): inspector, string(auth.RoleFacilityManager): manager}
			for _, r := range auth.Roles {
				if r != auth.RoleAdmin && r != auth.RolePrefettura && r != auth.RoleInspector && r != auth.RoleFacilityManager {
					m[string(r)] = 404
				}
			}
			return m
		}
		c := "/contestazioni/" + strconv.FormatInt(id, 10)
		return []routeSpec{
			{route: "GET /contestazioni", path: "/contestazioni", who: members, ok: 200, override: answers(200, 200)},
			{route: "GET /contestazioni/nuova", path: "/contestazioni/nuova", who: members, ok: 200, override: answers(404, 404)},
			{route: "POST /contestazioni", path: "/contestazioni", who: members, ok: 422, override: answers(404, 404)},
			{route: "GET /contestazioni/{id}", path: c, who: members, ok: 200, override: answers(200, 200)},
			{route: "POST /contestazioni/{id}/rilievi", path: c + "/rilievi", who: members, ok: 409, override: answers(404, 404)},
			{route: "POST /contestazioni/{id}/rilievi/aggiungi", path: c + "/rilievi/aggiungi", who: members, ok: 409, override: answers(404, 404)},
			{route: "POST /contestazioni/{id}/notifica", path: c + "/notifica", who: members, ok: 409, override: answers(404, 404)},
			{route: "POST /contestazioni/{id}/controdeduzioni", path: c + "/controdeduzioni", who: members, ok: 403, override: answers(403, 422)},
			{route: "POST /contestazioni/{id}/decisione", path: c + "/decisione", who: members, ok: 409, override: answers(404, 404),
				form: url.Values{"decision": {"archived"}, "reason": {"Prova"}}},
			{route: "POST /contestazioni/{id}/esecuzione", path: c + "/esecuzione", who: members, ok: 409, override: answers(404, 404)},
			{route: "GET /contestazioni/{id}/dossier.pdf", path: c + "/dossier.pdf", who: members, ok: 200, override: answers(200, 200)},
			{route: "GET /contestazioni/{id}/dossier.zip", path: c + "/dossier.zip", who: members, ok: 200, override: answers(200, 200)},
		}
	})
}
