package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"strconv"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Mediators and calendars: the register and the profiles exist for the
// mediation coordinators (and admins); a mediator reads their own profile
// and changes its availability, leave and feed secret, while another's
// does not exist for them; the calendar is the coordinators', the
// mediators' and the requesting services'. The feed answers anyone who
// holds its secret. The rows use the demo mediator's profile and a second
// mediator without a login.
func init() {
	moduleRows = append(moduleRows, func(t *testing.T, m *Main) []routeSpec {
		own, other, token := mediatorFixture(t, m)
		// only gives the answers of the roles named; every other role gets
		// 404, as if the page did not exist.
		only := func(answers map[auth.Role]int) map[string]int {
			out := map[string]int{}
			for _, r := range auth.Roles {
				if r != auth.RoleAdmin {
					out[string(r)] = 404
				}
			}
			for r, code := range answers {
				out[string(r)] = code
			}
			return out
		}
		coord := func(code int) map[string]int { return only(map[auth.Role]int{auth.RoleMediationCoordinator: code}) }
		self := func(code int) map[string]int {
			return only(map[auth.Role]int{auth.RoleMediationCoordinator: code, auth.RoleMediator: code})
		}
		calendar := only(map[auth.Role]int{auth.RoleMediationCoordinator: 200, auth.RoleMediator: 200, auth.RoleServiceOperator: 200})
		mine, theirs := "/mediazione/mediatori/"+strconv.FormatInt(own, 10), "/mediazione/mediatori/"+strconv.FormatInt(other, 10)
		return []routeSpec{
			{route: "GET /mediazione/mediatori", path: "/mediazione/mediatori", who: members, ok: 200, override: coord(200)},
			{route: "GET /mediazione/mediatori/nuovo", path: "/mediazione/mediatori/nuovo", who: members, ok: 200, override: coord(200)},
			{route: "POST /mediazione/mediatori", path: "/mediazione/mediatori", who: members, ok: 422, override: coord(422)},
			{route: "GET /mediazione/mediatori/{id}", path: mine, who: members, ok: 200, override: self(200)},
			// Another mediator's profile does not exist for the demo mediator.
			{route: "GET /mediazione/mediatori/{id}", path: theirs, who: members, ok: 200, override: coord(200)},
			{route: "GET /mediazione/mediatori/{id}/modifica", path: mine + "/modifica", who: members, ok: 200, override: coord(200)},
			{route: "POST /mediazione/mediatori/{id}/modifica", path: mine + "/modifica", who: members, ok: 422, override: coord(422)},
			{route: "GET /mediazione/mediatori/{id}/disponibilita", path: mine + "/disponibilita", who: members, ok: 200, override: self(200)},
			// An empty week is a valid week: the other mediator has no window left.
			{route: "POST /mediazione/mediatori/{id}/disponibilita", path: theirs + "/disponibilita", who: members, ok: 303, override: coord(303)},
			{route: "POST /mediazione/mediatori/{id}/assenze", path: mine + "/assenze", who: members, ok: 422, override: self(422)},
			// No such leave, for anyone.
			{route: "POST /mediazione/mediatori/{id}/assenze/{leave}/elimina", path: mine + "/assenze/999999/elimina", who: members, ok: 404},
			{route: "POST /mediazione/mediatori/{id}/calendario/rigenera", path: theirs + "/calendario/rigenera", who: members, ok: 303, override: coord(303)},
			// The demo mediator goes to their profile, a coordinator without one to the register.
			{route: "GET /mediazione/profilo", path: "/mediazione/profilo", who: members, ok: 303, override: self(303)},
			{route: "GET /mediazione/calendario", path: "/mediazione/calendario", who: members, ok: 200, override: calendar},
			{route: "GET /mediazione/calendario/{feed}", path: "/mediazione/calendario/" + token + ".ics", who: everyone, ok: 200},
			{route: "GET /mediazione/calendario/{feed}", path: "/mediazione/calendario/sconosciuto.ics", who: everyone, ok: 404},
		}
	})
}

// mediatorFixture returns the demo mediator's profile (created when the
// demo has none) with its feed secret, and a second mediator of the same
// provider without a login.
func mediatorFixture(t *testing.T, m *Main) (own, other int64, token string) {
	t.Helper()
	ctx := context.Background()
	var user, provider int64
	err := m.DB.QueryRowContext(ctx, `SELECT u.id, ms.org_id FROM users u JOIN memberships ms ON ms.user_id = u.id
		WHERE u.email = ? AND ms.role = ?`, demoEmail(auth.RoleMediator), string(auth.RoleMediator)).Scan(&user, &provider)
	if err != nil {
		t.Fatalf("demo mediator: %v", err)
	}
	secret := func() string {
		b := make([]byte, 32)
		_, _ = rand.Read(b)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	err = m.DB.InTx(ctx, func(tx *db.Tx) error {
		insert := func(userID any, name string) (int64, error) {
			return db.InsertID(ctx, tx, `INSERT INTO mediators (user_id, provider_id, name, areas, ical_token, created_at, updated_at)
				VALUES (?, ?, ?, 'health', ?, ?, ?)`, userID, provider, name, secret(), tx.Now, tx.Now)
		}
		err := tx.QueryRowContext(ctx, `SELECT id FROM mediators WHERE user_id = ?`, user).Scan(&own)
		if err == db.ErrNotFound {
			own, err = insert(user, "Amina Mediatrice")
		}
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT ical_token FROM mediators WHERE id = ?`, own).Scan(&token); err != nil {
			return err
		}
		other, err = insert(nil, "Mediatore senza account")
		return err
	})
	if err != nil {
		t.Fatalf("mediator fixture: %v", err)
	}
	return own, other, token
}
