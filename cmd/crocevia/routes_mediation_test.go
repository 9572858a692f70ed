package main

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Mediation requests: coordinators (and the admin) see every request, the
// demo operator's service its own, the demo mediator their assignments;
// to everyone else the pages do not exist. The rows use a request of the
// demo operator's organisation delivered by the demo mediator and
// reported, waiting for the service's sign-off: every action below fails
// its check (empty form: 422; wrong state: 409; wrong role: 403), so no
// row changes it.
func init() {
	moduleRows = append(moduleRows, func(t *testing.T, m *Main) []routeSpec {
		id := mediationFixture(t, m)
		// seen gives the answers of the module's roles; the others get
		// 404, as if the request did not exist. The admin answers as a
		// coordinator, the row's ok.
		seen := func(op, mediator int) map[string]int {
			out := map[string]int{string(auth.RoleServiceOperator): op, string(auth.RoleMediator): mediator}
			for _, r := range auth.Roles {
				if _, ok := out[string(r)]; !ok && r != auth.RoleAdmin && r != auth.RoleMediationCoordinator {
					out[string(r)] = 404
				}
			}
			return out
		}
		q := "/mediazione/" + strconv.FormatInt(id, 10)
		return []routeSpec{
			{route: "GET /mediazione", path: "/mediazione", who: members, ok: 200, override: seen(200, 200)},
			// Mediators do not request mediation: to them the form does not exist.
			{route: "GET /mediazione/nuova", path: "/mediazione/nuova", who: members, ok: 200, override: seen(200, 404)},
			{route: "POST /mediazione", path: "/mediazione", who: members, ok: 422, override: seen(422, 404)},
			{route: "GET /mediazione/{id}", path: q, who: members, ok: 200, override: seen(200, 200)},
			// Reported already: nothing to send, validate, match, confirm, decline or mark delivered.
			{route: "POST /mediazione/{id}/invia", path: q + "/invia", who: members, ok: 409, override: seen(409, 403)},
			{route: "POST /mediazione/{id}/convalida", path: q + "/convalida", who: members, ok: 409, override: seen(403, 403)},
			{route: "POST /mediazione/{id}/rifiuta", path: q + "/rifiuta", who: members, ok: 422, override: seen(403, 403)},
			{route: "POST /mediazione/{id}/assegna", path: q + "/assegna", who: members, ok: 409, override: seen(403, 403)},
			{route: "POST /mediazione/{id}/conferma", path: q + "/conferma", who: members, ok: 409, override: seen(403, 409)},
			{route: "POST /mediazione/{id}/declina", path: q + "/declina", who: members, ok: 409, override: seen(403, 409)},
			// Nobody was offered it.
			{route: "POST /mediazione/{id}/accetta", path: q + "/accetta", who: members, ok: 403, override: seen(403, 403)},
			{route: "POST /mediazione/{id}/svolta", path: q + "/svolta", who: members, ok: 409, override: seen(409, 409)},
			{route: "POST /mediazione/{id}/assente", path: q + "/assente", who: members, ok: 409, override: seen(409, 409)},
			// Empty forms.
			{route: "POST /mediazione/{id}/rendiconto", path: q + "/rendiconto", who: members, ok: 422, override: seen(422, 422)},
			{route: "POST /mediazione/{id}/approva", path: q + "/approva", who: members, ok: 422, override: seen(422, 422)},
			{route: "POST /mediazione/{id}/rimanda", path: q + "/rimanda", who: members, ok: 422, override: seen(422, 422)},
			{route: "POST /mediazione/{id}/annulla", path: q + "/annulla", who: members, ok: 422, override: seen(422, 422)},
		}
	})
}

// mediationFixture writes the rows' request: asked by the demo operator's
// organisation yesterday, delivered by the demo mediator (given a mediator
// record if the demo has none) and reported.
func mediationFixture(t *testing.T, m *Main) int64 {
	t.Helper()
	ctx := context.Background()
	member := func(role auth.Role) (user, org int64) {
		err := m.DB.QueryRowContext(ctx, `SELECT u.id, ms.org_id FROM users u JOIN memberships ms ON ms.user_id = u.id
			WHERE u.email = ? AND ms.role = ?`, demoEmail(role), string(role)).Scan(&user, &org)
		if err != nil {
			t.Fatalf("demo %s: %v", role, err)
		}
		return user, org
	}
	op, org := member(auth.RoleServiceOperator)
	mu, provider := member(auth.RoleMediator)
	var id int64
	err := m.DB.InTx(ctx, func(tx *db.Tx) error {
		var mid int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM mediators WHERE user_id = ?`, mu).Scan(&mid)
		if err != nil {
			if mid, err = db.InsertID(ctx, tx, `INSERT INTO mediators (user_id, provider_id, name, ical_token, created_at, updated_at)
				VALUES (?, ?, 'Mediatrice di prova', 'route-fixture', ?, ?)`, mu, provider, tx.Now, tx.Now); err != nil {
				return err
			}
		}
		start := tx.Now.Add(-26 * time.Hour).Truncate(time.Hour)
		id, err = db.InsertID(ctx, tx, `INSERT INTO mediation_requests (org_id, office, requester_id, referent, service_type,
			language, mode, urgency, starts_at, ends_at, state, mediator_id, held_min, counted_min, actual_start, actual_end,
			sent_at, validated_at, assigned_at, confirmed_at, delivered_at, reported_at, created_at, updated_at)
			VALUES (?, 'Pronto soccorso', ?, 'Referente di prova', 'health', 'ar', 'in_person', 'scheduled', ?, ?, 'reported', ?,
			60, 60, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, org, op, start, start.Add(time.Hour), mid, start, start.Add(time.Hour),
			tx.Now, tx.Now, tx.Now, tx.Now, tx.Now, tx.Now, tx.Now, tx.Now)
		return err
	})
	if err != nil {
		t.Fatalf("mediation fixture: %v", err)
	}
	return id
}
