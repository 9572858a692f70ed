package main

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Questions (Medi-AL): anyone logged in asks and lists their scope;
// coordinators and admins see and triage everything; the expert sees what
// is assigned to them, the validator their office's questions once
// drafted, the asker's organisation its own. The rows use a question the
// demo operator (ASL) asked, assigned to the demo expert and routed to the
// Prefettura, whose answer waits for validation: every action below fails
// its check (empty form: 422; wrong state: 409), so no row changes it.
func init() {
	moduleRows = append(moduleRows, func(t *testing.T, m *Main) []routeSpec {
		id := questionFixture(t, m)
		// seen gives the answers of the roles that see the question; the
		// others get 404, as if it did not exist.
		seen := func(coordinator, validator, expert, asker int) map[string]int {
			out := map[string]int{string(auth.RoleQuestionCoordinator): coordinator, string(auth.RoleValidator): validator,
				string(auth.RoleExpert): expert, string(auth.RoleServiceOperator): asker}
			for _, r := range auth.Roles {
				if _, ok := out[string(r)]; !ok && r != auth.RoleAdmin {
					out[string(r)] = 404
				}
			}
			return out
		}
		onlyCoordinators := map[string]int{}
		for _, r := range auth.Roles {
			if r != auth.RoleAdmin && r != auth.RoleQuestionCoordinator {
				onlyCoordinators[string(r)] = 404
			}
		}
		q := "/domande/" + strconv.FormatInt(id, 10)
		return []routeSpec{
			{route: "GET /domande", path: "/domande", who: members, ok: 200},
			{route: "GET /domande/nuova", path: "/domande/nuova", who: members, ok: 200},
			{route: "POST /domande", path: "/domande", who: members, ok: 422},
			{route: "GET /domande/smistamento", path: "/domande/smistamento", who: members, ok: 200, override: onlyCoordinators},
			{route: "GET /domande/argomenti", path: "/domande/argomenti", who: members, ok: 200, override: onlyCoordinators},
			// Nothing in the form: nothing changes.
			{route: "POST /domande/argomenti", path: "/domande/argomenti", who: members, ok: 303, override: onlyCoordinators},
			{route: "GET /domande/{id}", path: q, who: members, ok: 200, override: seen(200, 200, 200, 200)},
			// Triage is over for this question (409) and only the coordinators' (403).
			{route: "POST /domande/{id}/assegna", path: q + "/assegna", who: members, ok: 409, override: seen(409, 403, 403, 403)},
			{route: "POST /domande/{id}/unisci", path: q + "/unisci", who: members, ok: 409, override: seen(409, 403, 403, 403)},
			{route: "POST /domande/{id}/respingi", path: q + "/respingi", who: members, ok: 409, override: seen(409, 403, 403, 403)},
			{route: "POST /domande/{id}/chiedi-informazioni", path: q + "/chiedi-informazioni", who: members, ok: 409, override: seen(409, 403, 409, 403)},
			// Nobody asked for information.
			{route: "POST /domande/{id}/informazioni", path: q + "/informazioni", who: members, ok: 409, override: seen(409, 409, 409, 409)},
			{route: "POST /domande/{id}/risposta", path: q + "/risposta", who: members, ok: 422, override: seen(422, 403, 422, 403)},
			// The answer is in validation already: nothing to submit, no new version of an unpublished answer.
			{route: "POST /domande/{id}/invia-validazione", path: q + "/invia-validazione", who: members, ok: 409, override: seen(409, 403, 409, 403)},
			{route: "POST /domande/{id}/nuova-versione", path: q + "/nuova-versione", who: members, ok: 409, override: seen(409, 403, 409, 403)},
			// The office's validator (and the admin) validate, send back, reject: an empty form is 422.
			{route: "POST /domande/{id}/valida", path: q + "/valida", who: members, ok: 422, override: seen(403, 422, 403, 403)},
			{route: "POST /domande/{id}/rimanda", path: q + "/rimanda", who: members, ok: 422, override: seen(403, 422, 403, 403)},
			{route: "POST /domande/{id}/rifiuta", path: q + "/rifiuta", who: members, ok: 422, override: seen(403, 422, 403, 403)},
			// Only a published question is superseded.
			{route: "POST /domande/{id}/supera", path: q + "/supera", who: members, ok: 409, override: seen(409, 409, 403, 403)},
			{route: "POST /domande/{id}/archivia", path: q + "/archivia", who: members, ok: 422, override: seen(422, 403, 403, 403)},
		}
	})
}

// questionFixture writes the rows' question: asked by the demo operator,
// routed to the demo validator's office, assigned to the demo expert, its
// first answer in validation.
func questionFixture(t *testing.T, m *Main) int64 {
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
	asker, org := member(auth.RoleServiceOperator)
	expert, _ := member(auth.RoleExpert)
	_, office := member(auth.RoleValidator)
	var id int64
	err := m.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		id, err = db.InsertID(ctx, tx, `INSERT INTO questions (title, body, topic_id, visibility, state, asker_id, org_id,
			office_id, expert_id, due_on, created_at, updated_at) VALUES (?, ?, (SELECT id FROM question_topics WHERE slug = 'permessi'),
			'public', 'in_validation', ?, ?, ?, ?, ?, ?, ?)`, "Rinnovo del permesso per un ospite del CAS",
			"Un ospite ha il permesso in scadenza: chi presenta la domanda di rinnovo?", asker, org, office, expert,
			time.Now().UTC().AddDate(0, 0, 10), tx.Now, tx.Now)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO question_answers (question_id, version, body, state, author_id,
			submitted_at, created_at, updated_at) VALUES (?, 1, ?, 'in_validation', ?, ?, ?, ?)`, id,
			"La domanda la presenta l'ospite, con l'aiuto dell'ente gestore.", expert, tx.Now, tx.Now, tx.Now)
		return err
	})
	if err != nil {
		t.Fatalf("question fixture: %v", err)
	}
	return id
}
