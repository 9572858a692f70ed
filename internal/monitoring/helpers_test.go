package monitoring_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/monitoring"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/webtest"
	"github.com/crocevia/crocevia/internal/presences"
)

// world is a server with the monitoring module over a small registry whose
// figures are known (see seedWorld), on day today.
type world struct {
	env   *webtest.Env
	h     *monitoring.Handler
	today time.Time
	ids   map[string]int64
	users map[auth.Role]*auth.User
}

func today() time.Time {
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func newWorld(t *testing.T, d *db.DB, deps monitoring.Deps) *world {
	t.Helper()
	env := webtest.New(t, d)
	deps.Web, deps.DB = env.Web, d
	h, err := monitoring.New(deps)
	if err != nil {
		t.Fatalf("monitoring.New: %v", err)
	}
	env.Mount(h)
	w := &world{env: env, h: h, today: today(), ids: map[string]int64{}, users: map[auth.Role]*auth.User{}}
	w.seed(t)
	return w
}

// as is a client logged in as a user holding role (one user per role).
func (w *world) as(role auth.Role) *webtest.Client {
	u, ok := w.users[role]
	if !ok {
		u = w.env.User(strings.ReplaceAll(string(role), "_", "-")+"@example.org", role)
		w.users[role] = u
	}
	return w.env.Login(u)
}

// day is today plus n days.
func (w *world) day(n int) time.Time { return w.today.AddDate(0, 0, n) }

// insert runs one INSERT and remembers the new row's ID under name.
func (w *world) insert(t *testing.T, tx *db.Tx, name, query string, args ...any) int64 {
	t.Helper()
	id, err := db.InsertID(context.Background(), tx, query, args...)
	if err != nil {
		t.Fatalf("insert %s: %v", name, err)
	}
	if name != "" {
		w.ids[name] = id
	}
	return id
}

// facility adds a facility: key, typology, guests, ISTAT code, authorised
// and contracted places, managing body key, state.
func (w *world) facility(t *testing.T, tx *db.Tx, key, typology, guests, istat string, auth, places int, body, state string) {
	t.Helper()
	w.insert(t, tx, key, `INSERT INTO facilities (code, name, system_type, typology, guests, address, istat_code,
		authorised_places, contracted_places, managing_body_id, state, state_since, created_at, updated_at)
		VALUES (?, ?, 'cas', ?, ?, 'Via Roma 1', ?, ?, ?, ?, ?, ?, ?, ?)`,
		"AL-CAS-"+key, "Struttura "+key, typology, guests, istat, auth, places, w.ids[body], state, tx.Now, tx.Now, tx.Now)
}

func (w *world) presence(t *testing.T, tx *db.Tx, fac string, day, present int) {
	t.Helper()
	w.insert(t, tx, "", `INSERT INTO presences (facility_id, day, present, arrivals, exits_transfer, exits_voluntary,
		exits_revoca, exits_end, exits_other, absences, unjustified, source, late, reported_at, updated_at)
		VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 'form', ?, ?, ?)`, w.ids[fac], w.day(day), present, false, tx.Now, tx.Now)
	// Written behind the presences module's back: bring its roll-up along.
	if err := presences.RebuildMonths(context.Background(), tx); err != nil {
		t.Fatal(err)
	}
}

func (w *world) inspection(t *testing.T, tx *db.Tx, key, fac, state string, day int) {
	t.Helper()
	w.insert(t, tx, key, `INSERT INTO inspections (facility_id, kind, planned_on, state, created_at, updated_at)
		VALUES (?, 'scheduled', ?, ?, ?, ?)`, w.ids[fac], w.day(day), state, tx.Now, tx.Now)
}

// answers adds n answers with result to inspection insp, one item each.
func (w *world) answers(t *testing.T, tx *db.Tx, insp, result string, n int) []int64 {
	t.Helper()
	var out []int64
	for range n {
		item := w.insert(t, tx, "", `INSERT INTO checklist_items (version_id, section_id, position, text, severity)
			VALUES (?, ?, 1, 'Voce', 'medium')`, w.ids["version"], w.ids["section"])
		out = append(out, w.insert(t, tx, "", `INSERT INTO inspection_answers (inspection_id, item_id, result, severity)
			VALUES (?, ?, ?, 'medium')`, w.ids[insp], item, result))
	}
	// Signing keeps the outcome counts on the inspection; the world's
	// inspections are written as if signed.
	if result == "conforming" || result == "partial" || result == "non_conforming" {
		if _, err := tx.ExecContext(context.Background(), `UPDATE inspections SET `+result+` = `+result+` + ? WHERE id = ?`, n, w.ids[insp]); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func (w *world) action(t *testing.T, tx *db.Tx, answer int64, state string, deadline int) {
	t.Helper()
	w.insert(t, tx, "", `INSERT INTO corrective_actions (facility_id, inspection_id, answer_id, owner_id, item_text,
		result, severity, deadline, state, created_at, updated_at)
		VALUES (?, ?, ?, ?, 'Voce', 'partial', 'medium', ?, ?, ?, ?)`,
		w.ids["F4"], w.ids["I4"], answer, w.ids["B"], w.day(deadline), state, tx.Now, tx.Now)
}

// contract adds a contract of body with a capitolato, expiry and
// optional extension (days from today), covering facs.
func (w *world) contract(t *testing.T, tx *db.Tx, cig, body, capitolato string, expires int, extended *int, facs ...string) {
	t.Helper()
	var ext any
	if extended != nil {
		ext = w.day(*extended)
	}
	id := w.insert(t, tx, cig, `INSERT INTO contracts (cig, award_procedure, capitolato, managing_body_id, signed_on,
		expires_on, extended_to, amount_cents, price_cents, places, created_at, updated_at)
		VALUES (?, 'open', ?, ?, ?, ?, ?, 100000, 3500, 10, ?, ?)`,
		cig, capitolato, w.ids[body], w.day(-700), w.day(expires), ext, tx.Now, tx.Now)
	for _, f := range facs {
		if _, err := tx.ExecContext(context.Background(), `INSERT INTO contract_facilities (contract_id, facility_id) VALUES (?, ?)`, id, w.ids[f]); err != nil {
			t.Fatal(err)
		}
	}
}

func (w *world) document(t *testing.T, tx *db.Tx, fac string, expires *int) {
	t.Helper()
	var exp any
	if expires != nil {
		exp = w.day(*expires)
	}
	w.insert(t, tx, "", `INSERT INTO facility_documents (facility_id, kind, issued_on, expires_on, created_at, updated_at)
		VALUES (?, 'insurance', ?, ?, ?, ?)`, w.ids[fac], w.day(-400), exp, tx.Now, tx.Now)
}

func ptr(n int) *int { return &n }
