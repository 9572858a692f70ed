package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/mail"
)

// Who may reach a route. The README's permission table says the same in words.
type audience int

const (
	everyone audience = iota // anonymous visitors included
	members                  // any logged-in user
	admins
)

var admitted = map[audience][]auth.Role{
	admins: {auth.RoleAdmin},
}

// routeSpec is one row of the route-by-role table: the route as
// registered, a concrete path to ask for, who is admitted, what an admitted
// identity gets, and what everybody else gets. Anonymous visitors turned away
// from a page are sent to the login form (303); from an action, 401.
type routeSpec struct {
	route    string
	path     string
	who      audience
	ok       int
	denied   int            // logged-in users outside the audience; 403 when 0
	anon     int            // overrides the anonymous answer when not 0
	override map[string]int // identity name → answer, where a record decides
	form     url.Values     // body of an action; "{who}" is replaced by the identity
}

// moduleRows add the rows of a module's routes, kept in a file of their
// own next to the fixtures they need (routes_<module>_test.go).
var moduleRows []func(t *testing.T, m *Main) []routeSpec

// fixtures are records the table's paths point at.
type fixtures struct {
	org, victim, outbox, notice, file int64
	// Checklists: the default template, its published version with one of its sections and items, and a draft copied from it.
	checklist, published, pubSection, pubItem, draft, draftSection, draftItem int64
	// Facilities: an active facility of the demo manager's body, one of its documents, and a contract of that body.
	facility              string
	facilityDoc, contract int64
	// Inspections: a demo inspection in progress, with the demo inspector on its commission, and one of its items.
	inspection, inspItem int64
	// Corrective actions: an open action owed by the demo manager's body, from an inspection the demo inspector signed.
	action int64
}

func routeTable(f fixtures) []routeSpec {
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	onlyAdmin := map[string]int{}
	for _, r := range auth.Roles {
		if r != auth.RoleAdmin {
			onlyAdmin[string(r)] = 404
		}
	}
	// Checklists exist only for admins, Prefettura officers and inspectors;
	// inspectors read them but may not edit.
	checklistView, checklistEdit := map[string]int{}, map[string]int{string(auth.RoleInspector): 403}
	for _, r := range auth.Roles {
		if r != auth.RoleAdmin && r != auth.RolePrefettura && r != auth.RoleInspector {
			checklistView[string(r)], checklistEdit[string(r)] = 404, 404
		}
	}
	cl := "/ispezioni/checklist"
	// The facility registry exists for admins, Prefettura officers, inspectors
	// and facility managers (of their own body's records); registry changes
	// are the Prefettura's: the forms do not exist for others, the actions
	// answer 403. reg gives the inspector's and the manager's answers.
	reg := func(inspector, manager int) map[string]int {
		m := map[string]int{string(auth.RoleInspector): inspector, string(auth.RoleFacilityManager): manager}
		for _, r := range auth.Roles {
			if r != auth.RoleAdmin && r != auth.RolePrefettura && r != auth.RoleInspector && r != auth.RoleFacilityManager {
				m[string(r)] = 404
			}
		}
		return m
	}
	st, ct := "/strutture/"+f.facility, "/contratti/"+id(f.contract)
	isp := "/ispezioni/" + id(f.inspection)
	inspPlan := map[string]int{string(auth.RoleInspector): 404}
	for r, code := range checklistView {
		inspPlan[r] = code
	}
	return []routeSpec{
		{route: "GET /{$}", path: "/", who: everyone, ok: 200},
		{route: "GET /privacy", path: "/privacy", who: everyone, ok: 200},
		{route: "GET /accessibilita", path: "/accessibilita", who: everyone, ok: 200},
		{route: "POST /accessibilita", path: "/accessibilita", who: everyone, ok: 422},
		{route: "GET /accessibilita/segnalazioni", path: "/accessibilita/segnalazioni", who: admins, ok: 200},
		{route: "GET /healthz", path: "/healthz", who: everyone, ok: 200},
		{route: "GET /metrics", path: "/metrics", who: everyone, ok: 200},

		{route: "GET /login", path: "/login", who: everyone, ok: 303, anon: 200},
		{route: "POST /login", path: "/login", who: everyone, ok: 401, form: url.Values{"email": {"nessuno-{who}@example.org"}, "password": {"sbagliata"}}},
		{route: "POST /logout", path: "/logout", who: everyone, ok: 303},
		{route: "POST /lingua", path: "/lingua", who: everyone, ok: 303, form: url.Values{"lang": {"en"}}},
		{route: "GET /login/otp", path: "/login/otp", who: everyone, ok: 303},
		{route: "POST /login/otp", path: "/login/otp", who: everyone, ok: 303},
		{route: "GET /account/2fa", path: "/account/2fa", who: members, ok: 200, anon: 303},
		{route: "POST /account/2fa", path: "/account/2fa", who: members, ok: 422, anon: 303},
		// Without a second factor there is nothing to disable or regenerate: back to the profile.
		{route: "GET /account/2fa/disattiva", path: "/account/2fa/disattiva", who: members, ok: 303},
		{route: "POST /account/2fa/disattiva", path: "/account/2fa/disattiva", who: members, ok: 303},
		{route: "GET /account/2fa/codici", path: "/account/2fa/codici", who: members, ok: 303},
		{route: "POST /account/2fa/codici", path: "/account/2fa/codici", who: members, ok: 303},
		{route: "GET /account", path: "/account", who: members, ok: 200},
		{route: "POST /account", path: "/account", who: members, ok: 422},
		{route: "GET /account/password", path: "/account/password", who: members, ok: 200},
		{route: "POST /account/password", path: "/account/password", who: members, ok: 422},
		{route: "GET /password/reset", path: "/password/reset", who: everyone, ok: 200},
		{route: "POST /password/reset", path: "/password/reset", who: everyone, ok: 422},
		// An unknown or expired link is gone, for everybody alike.
		{route: "GET /password/reset/{token}", path: "/password/reset/scaduto", who: everyone, ok: 410},
		{route: "POST /password/reset/{token}", path: "/password/reset/scaduto", who: everyone, ok: 410},
		{route: "GET /invito/{token}", path: "/invito/scaduto", who: everyone, ok: 410},
		{route: "POST /invito/{token}", path: "/invito/scaduto", who: everyone, ok: 410},

		{route: "GET /notifiche", path: "/notifiche", who: members, ok: 200},
		{route: "POST /notifiche/lette", path: "/notifiche/lette", who: members, ok: 303},
		// Only the owner (the admin) may mark a notification; to anyone else it does not exist.
		{route: "POST /notifiche/{id}/letta", path: "/notifiche/" + id(f.notice) + "/letta", who: members, ok: 303, override: onlyAdmin},

		// A file is readable by whoever may read the record it belongs to: the
		// test's record admits the admin only, and hides itself from others.
		{route: "GET /files/{id}", path: "/files/" + id(f.file), who: members, ok: 200, override: onlyAdmin},

		{route: "GET /admin", path: "/admin", who: admins, ok: 200},
		{route: "GET /admin/organisations", path: "/admin/organisations", who: admins, ok: 200},
		{route: "GET /admin/organisations/new", path: "/admin/organisations/new", who: admins, ok: 200},
		{route: "POST /admin/organisations", path: "/admin/organisations", who: admins, ok: 422},
		{route: "GET /admin/organisations/{id}", path: "/admin/organisations/" + id(f.org), who: admins, ok: 200},
		{route: "GET /admin/organisations/{id}/edit", path: "/admin/organisations/" + id(f.org) + "/edit", who: admins, ok: 200},
		{route: "POST /admin/organisations/{id}", path: "/admin/organisations/" + id(f.org), who: admins, ok: 422},
		{route: "GET /admin/users", path: "/admin/users", who: admins, ok: 200},
		{route: "GET /admin/users/{id}", path: "/admin/users/" + id(f.victim), who: admins, ok: 200},
		{route: "POST /admin/users/{id}/roles", path: "/admin/users/" + id(f.victim) + "/roles", who: admins, ok: 422},
		{route: "POST /admin/users/{id}/roles/remove", path: "/admin/users/" + id(f.victim) + "/roles/remove", who: admins, ok: 422},
		{route: "POST /admin/users/{id}/deactivate", path: "/admin/users/" + id(f.victim) + "/deactivate", who: admins, ok: 303},
		{route: "POST /admin/users/{id}/activate", path: "/admin/users/" + id(f.victim) + "/activate", who: admins, ok: 303},
		{route: "POST /admin/users/{id}/invite", path: "/admin/users/" + id(f.victim) + "/invite", who: admins, ok: 303},
		{route: "GET /admin/invitations/new", path: "/admin/invitations/new", who: admins, ok: 200},
		{route: "POST /admin/invitations", path: "/admin/invitations", who: admins, ok: 422},
		{route: "GET /admin/audit", path: "/admin/audit", who: admins, ok: 200},
		{route: "GET /admin/outbox", path: "/admin/outbox", who: admins, ok: 200},
		{route: "GET /admin/outbox/{id}", path: "/admin/outbox/" + id(f.outbox), who: admins, ok: 200},

		{route: "GET " + cl, path: cl, who: members, ok: 200, override: checklistView},
		{route: "GET " + cl + "/{id}", path: cl + "/" + id(f.checklist), who: members, ok: 200, override: checklistView},
		{route: "GET " + cl + "/versioni/{id}", path: cl + "/versioni/" + id(f.published), who: members, ok: 200, override: checklistView},
		// A draft exists already: a new version leads to it.
		{route: "POST " + cl + "/versioni/{id}/nuova", path: cl + "/versioni/" + id(f.published) + "/nuova", who: members, ok: 303, override: checklistEdit},
		// Published versions never change.
		{route: "POST " + cl + "/versioni/{id}/pubblica", path: cl + "/versioni/" + id(f.published) + "/pubblica", who: members, ok: 409, override: checklistEdit},
		{route: "POST " + cl + "/versioni/{id}/sezioni", path: cl + "/versioni/" + id(f.draft) + "/sezioni", who: members, ok: 422, override: checklistEdit},
		{route: "GET " + cl + "/sezioni/{id}", path: cl + "/sezioni/" + id(f.draftSection), who: members, ok: 200, override: checklistEdit},
		{route: "POST " + cl + "/sezioni/{id}", path: cl + "/sezioni/" + id(f.draftSection), who: members, ok: 422, override: checklistEdit},
		{route: "POST " + cl + "/sezioni/{id}/elimina", path: cl + "/sezioni/" + id(f.pubSection) + "/elimina", who: members, ok: 409, override: checklistEdit},
		{route: "POST " + cl + "/sezioni/{id}/sposta", path: cl + "/sezioni/" + id(f.draftSection) + "/sposta", who: members, ok: 303, override: checklistEdit},
		{route: "GET " + cl + "/sezioni/{id}/voci/nuova", path: cl + "/sezioni/" + id(f.draftSection) + "/voci/nuova", who: members, ok: 200, override: checklistEdit},
		{route: "POST " + cl + "/sezioni/{id}/voci", path: cl + "/sezioni/" + id(f.draftSection) + "/voci", who: members, ok: 422, override: checklistEdit},
		{route: "GET " + cl + "/voci/{id}", path: cl + "/voci/" + id(f.draftItem), who: members, ok: 200, override: checklistEdit},
		{route: "POST " + cl + "/voci/{id}", path: cl + "/voci/" + id(f.draftItem), who: members, ok: 422, override: checklistEdit},
		{route: "POST " + cl + "/voci/{id}/elimina", path: cl + "/voci/" + id(f.pubItem) + "/elimina", who: members, ok: 409, override: checklistEdit},
		{route: "POST " + cl + "/voci/{id}/sposta", path: cl + "/voci/" + id(f.draftItem) + "/sposta", who: members, ok: 303, override: checklistEdit},

		{route: "GET /strutture", path: "/strutture", who: members, ok: 200, override: reg(200, 200)},
		{route: "GET /strutture/nuova", path: "/strutture/nuova", who: members, ok: 200, override: reg(404, 404)},
		{route: "POST /strutture", path: "/strutture", who: members, ok: 422, override: reg(403, 403)},
		{route: "GET /strutture/{code}", path: st, who: members, ok: 200, override: reg(200, 200)},
		{route: "GET /strutture/{code}/modifica", path: st + "/modifica", who: members, ok: 200, override: reg(404, 404)},
		{route: "POST /strutture/{code}", path: st, who: members, ok: 422, override: reg(403, 403)},
		{route: "POST /strutture/{code}/stato", path: st + "/stato", who: members, ok: 422, override: reg(403, 403)},
		{route: "GET /strutture/{code}/documenti/nuovo", path: st + "/documenti/nuovo", who: members, ok: 200, override: reg(404, 404)},
		{route: "POST /strutture/{code}/documenti", path: st + "/documenti", who: members, ok: 422, override: reg(403, 403)},
		{route: "GET /strutture/{code}/documenti/{id}", path: st + "/documenti/" + id(f.facilityDoc), who: members, ok: 200, override: reg(404, 404)},
		{route: "POST /strutture/{code}/documenti/{id}", path: st + "/documenti/" + id(f.facilityDoc), who: members, ok: 422, override: reg(403, 403)},
		{route: "GET /contratti", path: "/contratti", who: members, ok: 200, override: reg(200, 200)},
		{route: "GET /contratti/nuovo", path: "/contratti/nuovo", who: members, ok: 200, override: reg(404, 404)},
		{route: "POST /contratti", path: "/contratti", who: members, ok: 422, override: reg(403, 403)},
		{route: "GET /contratti/{id}", path: ct, who: members, ok: 200, override: reg(200, 200)},
		{route: "GET /contratti/{id}/modifica", path: ct + "/modifica", who: members, ok: 200, override: reg(404, 404)},
		{route: "POST /contratti/{id}", path: ct, who: members, ok: 422, override: reg(403, 403)},
		{route: "POST /contratti/{id}/penali", path: ct + "/penali", who: members, ok: 422, override: reg(403, 403)},
		// The grid has no row 999999: not found, even for those who may remove rows.
		{route: "POST /contratti/{id}/penali/{pid}/elimina", path: ct + "/penali/999999/elimina", who: members, ok: 404, override: reg(403, 403)},
		{route: "POST /contratti/{id}/strutture", path: ct + "/strutture", who: members, ok: 422, override: reg(403, 403)},
		// No code given: no facility to remove.
		{route: "POST /contratti/{id}/strutture/rimuovi", path: ct + "/strutture/rimuovi", who: members, ok: 404, override: reg(403, 403)},
		// Caps sum every body's places: staff only. An empty figure restores the default.
		{route: "GET /comuni/tetti", path: "/comuni/tetti", who: members, ok: 200, override: reg(200, 404)},
		{route: "GET /comuni/tetti/{istat}", path: "/comuni/tetti/006003", who: members, ok: 200, override: reg(200, 404)},
		{route: "POST /comuni/tetti/{istat}", path: "/comuni/tetti/006003", who: members, ok: 303, override: reg(403, 404)},
		// Centri d'Italia export follows the list's scope; the import is the
		// Prefettura's. The import actions below carry no file, hence 422.
		{route: "GET /facilities/export.csv", path: "/facilities/export.csv", who: members, ok: 200, override: reg(200, 200)},
		{route: "GET /facilities/export.xlsx", path: "/facilities/export.xlsx", who: members, ok: 200, override: reg(200, 200)},
		{route: "GET /facilities/import", path: "/facilities/import", who: members, ok: 200, override: reg(404, 404)},
		{route: "POST /facilities/import", path: "/facilities/import", who: members, ok: 422, override: reg(404, 404)},
		{route: "POST /facilities/import/confirm", path: "/facilities/import/confirm", who: members, ok: 422, override: reg(404, 404)},

		// Presences follow the registry's scope; inspectors read only. The
		// actions below carry no file or figures, hence 422 for reporters.
		{route: "GET /presenze", path: "/presenze", who: members, ok: 200, override: reg(200, 200)},
		{route: "GET /presenze/importa", path: "/presenze/importa", who: members, ok: 200, override: reg(404, 200)},
		{route: "POST /presenze/importa", path: "/presenze/importa", who: members, ok: 422, override: reg(403, 422)},
		{route: "POST /presenze/importa/conferma", path: "/presenze/importa/conferma", who: members, ok: 422, override: reg(403, 422)},
		{route: "GET /presenze/occupazione", path: "/presenze/occupazione", who: members, ok: 200, override: reg(200, 200)},
		{route: "GET /presenze/occupazione/{mese}/export.csv", path: "/presenze/occupazione/2026-11/export.csv", who: members, ok: 200, override: reg(200, 200)},
		{route: "GET /presenze/{code}", path: "/presenze/" + f.facility, who: members, ok: 200, override: reg(200, 200)},
		{route: "GET /presenze/{code}/giorno", path: "/presenze/" + f.facility + "/giorno", who: members, ok: 200, override: reg(200, 200)},
		{route: "POST /presenze/{code}/giorno", path: "/presenze/" + f.facility + "/giorno", who: members, ok: 422, override: reg(403, 422)},

		// Inspections exist for admins, Prefettura officers and inspectors (on
		// the commission: the demo inspector sits on every demo commission);
		// planning is the Prefettura's: its pages and actions do not exist
		// for inspectors. Empty forms give 422; the inspection is
		// started already (409) and half answered (no draft report yet, 409).
		{route: "GET /ispezioni", path: "/ispezioni", who: members, ok: 200, override: checklistView},

		// Corrective actions exist for admins, Prefettura officers, inspectors
		// (of their commissions) and facility managers (of their own body);
		// the body answers (empty form: 422), the Prefettura and the
		// commission close or reopen (empty note: 422), each is 403 for the other.
		{route: "GET /azioni-correttive", path: "/azioni-correttive", who: members, ok: 200, override: reg(200, 200)},
		{route: "GET /azioni-correttive/{id}", path: "/azioni-correttive/" + id(f.action), who: members, ok: 200, override: reg(200, 200)},
		{route: "POST /azioni-correttive/{id}/risposta", path: "/azioni-correttive/" + id(f.action) + "/risposta", who: members, ok: 403, override: reg(403, 422)},
		{route: "POST /azioni-correttive/{id}/esito", path: "/azioni-correttive/" + id(f.action) + "/esito", who: members, ok: 422, override: reg(422, 403)},
		{route: "GET /ispezioni/nuova", path: "/ispezioni/nuova", who: members, ok: 200, override: inspPlan},
		{route: "POST /ispezioni", path: "/ispezioni", who: members, ok: 422, override: inspPlan},
		{route: "GET /ispezioni/piani", path: "/ispezioni/piani", who: members, ok: 200, override: inspPlan},
		{route: "POST /ispezioni/piani", path: "/ispezioni/piani", who: members, ok: 422, override: inspPlan},
		{route: "GET /ispezioni/{id}", path: isp, who: members, ok: 200, override: checklistView},
		{route: "POST /ispezioni/{id}/avvia", path: isp + "/avvia", who: members, ok: 409, override: checklistView},
		{route: "POST /ispezioni/{id}/ospiti", path: isp + "/ospiti", who: members, ok: 422, override: checklistView},
		{route: "POST /ispezioni/{id}/bozza", path: isp + "/bozza", who: members, ok: 409, override: checklistView},
		{route: "GET /ispezioni/{id}/{view}", path: isp + "/compila", who: members, ok: 200, override: checklistView},
		// Nothing chosen: nothing to save, back to the inspection.
		{route: "POST /ispezioni/{id}/compila", path: isp + "/compila", who: members, ok: 303, override: checklistView},
		{route: "POST /ispezioni/{id}/voci/{item}", path: isp + "/voci/" + id(f.inspItem), who: members, ok: 422, override: checklistView},
		// No file chosen: the message goes next to the item.
		{route: "POST /ispezioni/{id}/voci/{item}/allegati", path: isp + "/voci/" + id(f.inspItem) + "/allegati", who: members, ok: 422, override: checklistView},
		// The fixture is in progress: nothing to sign, no verbale yet.
		{route: "POST /ispezioni/{id}/firma", path: isp + "/firma", who: members, ok: 409, override: checklistView},
		{route: "GET /ispezioni/{id}/{view}", path: isp + "/verbale.pdf", who: members, ok: 409, override: checklistView},
		// Follow-ups and closing are the Prefettura's: no date gives 422; the
		// fixture is not signed, so there is nothing to close (409).
		{route: "POST /ispezioni/{id}/verifica", path: isp + "/verifica", who: members, ok: 422, override: inspPlan},
		{route: "POST /ispezioni/{id}/chiudi", path: isp + "/chiudi", who: members, ok: 409, override: inspPlan},
		{route: "GET /inspections/{id}/verbale.pdf", path: "/inspections/" + id(f.inspection) + "/verbale.pdf", who: members, ok: 409, override: checklistView},

		// The JSON API never redirects: without a session or token it answers
		// 401 JSON. Lists follow each module's scope (empty for other roles);
		// a facility outside the scope is not found; the presences action
		// gets a form instead of JSON (422) and is refused to inspectors.
		{route: "GET /api/v1/openapi.json", path: "/api/v1/openapi.json", who: everyone, ok: 200},
		{route: "GET /api/v1/facilities", path: "/api/v1/facilities", who: members, ok: 200, anon: 401},
		{route: "GET /api/v1/facilities/{code}", path: "/api/v1/facilities/" + f.facility, who: members, ok: 200, anon: 401, override: reg(200, 200)},
		{route: "POST /api/v1/facilities/{code}/presences", path: "/api/v1/facilities/" + f.facility + "/presences", who: members, ok: 422, override: reg(403, 422)},
		{route: "GET /api/v1/inspections", path: "/api/v1/inspections", who: members, ok: 200, anon: 401},
		// API tokens: admins for every managing body, facility managers for
		// their own; the page does not exist for others. An empty name gives
		// 422; revoking a token that does not exist, 404.
		{route: "GET /account/api-token", path: "/account/api-token", who: members, ok: 200, override: apiTokens(200)},
		{route: "POST /account/api-token", path: "/account/api-token", who: members, ok: 422, override: apiTokens(422)},
		{route: "POST /account/api-token/{id}/revoke", path: "/account/api-token/999999/revoke", who: members, ok: 404},
	}
}

// apiTokens gives the facility manager's answer and 404 to roles that
// manage no token.
func apiTokens(manager int) map[string]int {
	m := map[string]int{string(auth.RoleFacilityManager): manager, string(auth.RoleMediationCoordinator): manager}
	for _, r := range auth.Roles {
		if _, issuer := m[string(r)]; !issuer && r != auth.RoleAdmin {
			m[string(r)] = 404
		}
	}
	return m
}

// TestEveryRouteForEveryRole asks every route as the anonymous visitor and
// as each demo role, and checks the answer against the table. A route
// missing from the table fails the test: a new page must say who sees it.
func TestEveryRouteForEveryRole(t *testing.T) {
	eachDatabase(t, func(t *testing.T, tg dbtest.Target) {
		m := newTestMain(t, tg)
		if err := m.Open(context.Background()); err != nil {
			t.Fatal(err)
		}
		f := routeFixtures(t, m)
		table := routeTable(f)
		for _, rows := range moduleRows {
			table = append(table, rows(t, m)...)
		}
		checkTableCoversRoutes(t, m, table)
		h := m.Web.Handler()
		identities := append([]string{"anonymous"}, roleNames()...)
		for _, spec := range table {
			var wrong []string
			for i, who := range identities {
				got := askRoute(t, m, h, spec, who, i)
				if want := spec.expect(who); got != want {
					wrong = append(wrong, fmt.Sprintf("%s %d (want %d)", who, got, want))
				}
			}
			if len(wrong) > 0 {
				t.Errorf("%s %s: %s", spec.route, spec.path, strings.Join(wrong, ", "))
			}
		}
	})
}

func roleNames() []string {
	var out []string
	for _, r := range auth.Roles {
		out = append(out, string(r))
	}
	return out
}

// expect is the answer the identity who should get.
func (s routeSpec) expect(who string) int {
	if v, ok := s.override[who]; ok {
		return v
	}
	if who == "anonymous" {
		switch {
		case s.anon != 0:
			return s.anon
		case s.who == everyone:
			return s.ok
		case strings.HasPrefix(s.route, "GET "):
			return http.StatusSeeOther
		default:
			return http.StatusUnauthorized
		}
	}
	if s.who != admins {
		return s.ok
	}
	for _, r := range admitted[s.who] {
		if string(r) == who {
			return s.ok
		}
	}
	if s.denied != 0 {
		return s.denied
	}
	return http.StatusForbidden
}

// askRoute sends the request as who, with a fresh session for each request
// so that one route's effect (a logout) never leaks into the next.
func askRoute(t *testing.T, m *Main, h http.Handler, spec routeSpec, who string, n int) int {
	t.Helper()
	method, _, _ := strings.Cut(spec.route, " ")
	form := url.Values{}
	for k, vs := range spec.form {
		for _, v := range vs {
			form.Add(k, strings.ReplaceAll(v, "{who}", who))
		}
	}
	csrf := strings.Repeat("c", 43)
	var cookies []*http.Cookie
	if who != "anonymous" {
		u, err := m.Auth.UserByEmail(context.Background(), m.DB, demoEmail(auth.Role(who)))
		if err != nil {
			t.Fatal(err)
		}
		tok, sess, err := m.Auth.CreateSession(context.Background(), u.ID, true, "127.0.0.1", "routes-test")
		if err != nil {
			t.Fatal(err)
		}
		csrf = sess.CSRFToken
		cookies = append(cookies, &http.Cookie{Name: "crocevia_session", Value: tok})
	} else {
		cookies = append(cookies, &http.Cookie{Name: "crocevia_csrf", Value: csrf})
	}
	form.Set("csrf_token", csrf)
	var req *http.Request
	if method == http.MethodGet {
		req = httptest.NewRequest(method, spec.path, nil)
	} else {
		req = httptest.NewRequest(method, spec.path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	// Loopback (for /metrics), one address per identity (for the per-IP limits).
	req.RemoteAddr = "127.0.0." + strconv.Itoa(n+1) + ":40000"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code
}

// checkTableCoversRoutes fails for any registered route without a row.
func checkTableCoversRoutes(t *testing.T, m *Main, table []routeSpec) {
	t.Helper()
	rows := map[string]bool{}
	for _, s := range table {
		rows[s.route] = true
	}
	for _, r := range m.Web.Routes() {
		if !rows[r.Method+" "+r.Pattern] {
			t.Errorf("route %s %s has no row in the route-by-role table", r.Method, r.Pattern)
		}
	}
}

// routeFixtures creates the records the table's paths name: a user the
// admin may deactivate and re-invite, a mail in the outbox and a
// notification of the admin.
func routeFixtures(t *testing.T, m *Main) fixtures {
	t.Helper()
	ctx := context.Background()
	var f fixtures
	admin, err := m.Auth.UserByEmail(ctx, m.DB, demoEmail(auth.RoleAdmin))
	if err != nil {
		t.Fatal(err)
	}
	f.org = admin.PrimaryOrgID()
	err = m.DB.InTx(ctx, func(tx *db.Tx) error {
		if f.victim, err = m.Auth.CreateUser(ctx, tx, auth.NewUser{Email: "invitato@example.org", Name: "Invitato"}); err != nil {
			return err
		}
		if err := m.Auth.AddMembership(ctx, tx, f.victim, f.org, auth.RoleEditor); err != nil {
			return err
		}
		if f.outbox, err = mail.Queue(ctx, tx, mail.Message{To: "x@example.org", Subject: "Prova", Body: "Testo"}); err != nil {
			return err
		}
		f.notice, err = db.InsertID(ctx, tx, `INSERT INTO notifications (user_id, title, created_at) VALUES (?, ?, ?)`,
			admin.ID, "Avviso", tx.Now)
		if err != nil {
			return err
		}
		file, err := m.Files.Put(ctx, tx, files.Upload{Entity: "routetest", EntityID: "1", Name: "verbale.pdf",
			Reader: strings.NewReader("%PDF-1.4\n%%EOF\n"), UploadedBy: admin.ID})
		if err != nil {
			return err
		}
		f.file = file.ID
		return nil
	})
	m.Files.RegisterAccess("routetest", func(_ context.Context, u *auth.User, _ string) error {
		if u.IsAdmin() {
			return nil
		}
		return apperr.NotFoundf("Pagina non trovata.")
	})
	if err != nil {
		t.Fatal(err)
	}
	cl := &inspections.Store{DB: m.DB}
	tpl, err := cl.TemplateByCode(ctx, inspections.DefaultCode)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := cl.Version(ctx, tpl.Current.ID)
	if err != nil {
		t.Fatal(err)
	}
	f.checklist, f.published, f.pubSection, f.pubItem = tpl.ID, pub.ID, pub.Sections[0].ID, pub.Sections[0].Items[0].ID
	if f.draft, err = cl.NewVersion(ctx, pub.ID); err != nil {
		t.Fatal(err)
	}
	draft, err := cl.Version(ctx, f.draft)
	if err != nil {
		t.Fatal(err)
	}
	f.draftSection, f.draftItem = draft.Sections[0].ID, draft.Sections[0].Items[0].ID
	manager, err := m.Auth.UserByEmail(ctx, m.DB, demoEmail(auth.RoleFacilityManager))
	if err != nil {
		t.Fatal(err)
	}
	body := manager.PrimaryOrgID()
	err = m.DB.QueryRowContext(ctx, `SELECT f.code, MIN(d.id) FROM facilities f JOIN facility_documents d ON d.facility_id = f.id
		WHERE f.managing_body_id = ? AND f.state = 'active' GROUP BY f.code ORDER BY f.code LIMIT 1`, body).Scan(&f.facility, &f.facilityDoc)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.DB.QueryRowContext(ctx, `SELECT MIN(id) FROM contracts WHERE managing_body_id = ?`, body).Scan(&f.contract); err != nil {
		t.Fatal(err)
	}
	err = m.DB.QueryRowContext(ctx, `SELECT i.id, MIN(a.item_id) FROM inspections i JOIN inspection_answers a ON a.inspection_id = i.id
		WHERE i.state = 'in_progress' GROUP BY i.id ORDER BY i.id LIMIT 1`).Scan(&f.inspection, &f.inspItem)
	if err != nil {
		t.Fatal(err)
	}
	err = m.DB.QueryRowContext(ctx, `SELECT MIN(id) FROM corrective_actions WHERE owner_id = ? AND state = 'open'`, body).Scan(&f.action)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
