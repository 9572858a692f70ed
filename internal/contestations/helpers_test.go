package contestations_test

import (
	"bytes"
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/contestations"
	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/notify"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// world is a server with two managing bodies, each running one facility
// under a contract worth € 10.000 with the same penalty grid, and one
// signed inspection of each facility: its first item non-conforming (with
// a photo as evidence), its second partial, the rest conforming.
type world struct {
	env                *webtest.Env
	store              *contestations.Store
	fs                 *files.Store
	officer, inspector *auth.User
	manager, stranger  *auth.User // managers of body A and of body B
	other              *auth.User // a role that has no contestations
	inspA, inspB       int64
	contractA          int64
	answersA, answersB []int64 // the non-conforming and the partial answer
}

const contractCents = 1_000_000

func mustWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := webtest.System()
	if err := inspections.EnsureDefaultChecklist(ctx, d); err != nil {
		t.Fatalf("EnsureDefaultChecklist: %v", err)
	}
	env := webtest.New(t, d)
	fs, err := files.New(d, files.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ih, err := inspections.New(inspections.Deps{Web: env.Web, DB: d, Files: fs})
	if err != nil {
		t.Fatal(err)
	}
	ch, err := contestations.New(contestations.Deps{Web: env.Web, DB: d, Files: fs, Notify: &notify.Service{DB: d}})
	if err != nil {
		t.Fatal(err)
	}
	env.Mount(ih, ch, &files.Handler{Store: fs, Web: env.Web})
	w := &world{env: env, store: ch.Store(), fs: fs,
		officer:   env.User("prefettura@example.org", auth.RolePrefettura),
		inspector: env.User("ispettore@example.org", auth.RoleInspector),
		other:     env.User("mediatore@example.org", auth.RoleMediator)}
	bodyA, bodyB := env.Org("Ente A", auth.KindEnteGestore).ID, env.Org("Ente B", auth.KindEnteGestore).ID
	w.manager = env.UserIn(bodyA, "gestore-a@example.org", auth.RoleFacilityManager)
	w.stranger = env.UserIn(bodyB, "gestore-b@example.org", auth.RoleFacilityManager)
	facA, contractA := mustFacility(t, env, "AL-CAS-0201", bodyA)
	facB, _ := mustFacility(t, env, "AL-CAS-0202", bodyB)
	w.contractA = contractA
	w.inspA, w.answersA = mustSigned(t, w, ih.Store(), facA)
	w.inspB, w.answersB = mustSigned(t, w, ih.Store(), facB)
	return w
}

// grid is the penalty grid of every test contract. The checklist's first
// items carry code P01.
func mustFacility(t *testing.T, env *webtest.Env, code string, body int64) (facility, contract int64) {
	t.Helper()
	env.InTx(func(ctx context.Context, tx *db.Tx) error {
		var err error
		facility, err = db.InsertID(ctx, tx, `INSERT INTO facilities (code, name, system_type, typology, guests, address, istat_code,
			authorised_places, contracted_places, managing_body_id, state, state_since, created_at, updated_at)
			VALUES (?, ?, 'cas', 'apartment', 'men', 'Via Roma 1', '006003', 10, 8, ?, 'active', ?, ?, ?)`,
			code, "Appartamento "+code, body, tx.Now, tx.Now, tx.Now)
		if err != nil {
			return err
		}
		contract, err = db.InsertID(ctx, tx, `INSERT INTO contracts (cig, award_procedure, capitolato, managing_body_id, signed_on,
			expires_on, amount_cents, price_cents, places, created_at, updated_at)
			VALUES (?, 'open', '2024', ?, ?, ?, ?, 3500, 8, ?, ?)`, "CIG"+code[len(code)-7:], body, tx.Now, tx.Now.AddDate(2, 0, 0),
			contractCents, tx.Now, tx.Now)
		if err != nil {
			return err
		}
		if _, err = tx.ExecContext(ctx, `INSERT INTO contract_facilities (contract_id, facility_id) VALUES (?, ?)`, contract, facility); err != nil {
			return err
		}
		for _, p := range []struct {
			code, basis  string
			amount, rate int64
			cap          any
		}{
			{"P01", "per_guest", 5000, 0, nil},  // € 50 per guest
			{"P02", "fixed", 45000, 0, nil},     // € 450
			{"P03", "per_day", 15000, 0, 40000}, // € 150 per day, at most € 400
			{"P04", "per_mille", 0, 1500, nil},  // 1,5 ‰ of the contract a day
		} {
			_, err = tx.ExecContext(ctx, `INSERT INTO contract_penalties (contract_id, code, description, basis, amount_cents, rate_ppm, cap_cents)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, contract, p.code, "Penale "+p.code, p.basis, p.amount, p.rate, p.cap)
			if err != nil {
				return err
			}
		}
		return nil
	})
	return facility, contract
}

func mustSigned(t *testing.T, w *world, s *inspections.Store, facility int64) (int64, []int64) {
	t.Helper()
	ctx := webtest.System()
	id, err := s.Plan(ctx, inspections.PlanInput{FacilityID: facility, Kind: inspections.Scheduled,
		PlannedOn: time.Now().UTC().AddDate(0, 0, -1), Members: []inspections.Member{{UserID: w.inspector.ID, Role: inspections.RolePresident}}})
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	if err := s.Start(ctx, inspections.Scope{All: true}, id); err != nil {
		t.Fatalf("Start: %v", err)
	}
	as, err := s.Answers(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	ins := map[int64]inspections.AnswerInput{}
	for i, a := range as {
		in := inspections.AnswerInput{Result: inspections.Conforming, Severity: inspections.Medium}
		switch i {
		case 0:
			in = inspections.AnswerInput{Result: inspections.NonConforming, Severity: inspections.Critical, Note: "Certificato assente"}
		case 1:
			in = inspections.AnswerInput{Result: inspections.Partial, Severity: inspections.Low}
		}
		ins[a.Item.ID] = in
	}
	if _, err := s.SaveAnswers(ctx, inspections.Scope{All: true}, id, ins); err != nil {
		t.Fatalf("SaveAnswers: %v", err)
	}
	photo := files.Upload{Name: "foto.png", Reader: bytes.NewReader(pngBytes)}
	if err := s.AddEvidence(ctx, w.fs, inspections.Scope{All: true}, id, as[0].Item.ID, []files.Upload{photo}); err != nil {
		t.Fatalf("AddEvidence: %v", err)
	}
	if err := s.MarkDraft(ctx, inspections.Scope{All: true}, id); err != nil {
		t.Fatalf("MarkDraft: %v", err)
	}
	if _, err := s.Sign(ctx, w.fs, w.inspector, id); err != nil {
		t.Fatalf("Sign: %v", err)
	}
	var answers []int64
	for _, a := range mustAnswers(t, s, id) {
		if a.Result == inspections.NonConforming || a.Result == inspections.Partial {
			answers = append(answers, a.ID)
		}
	}
	return id, answers
}

func mustAnswers(t *testing.T, s *inspections.Store, id int64) []*inspections.Answer {
	t.Helper()
	as, err := s.Answers(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return as
}

// pngBytes is a 1×1 PNG, enough for the file store to recognise a photo.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
	"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

// mustDraft drafts a contestation of inspection's answers as the officer.
func (w *world) mustDraft(t *testing.T, inspection int64, answers ...int64) *contestations.Contestation {
	t.Helper()
	id, err := w.store.Create(webtest.System(), w.officer, inspection, answers)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	return w.get(t, id)
}

func (w *world) get(t *testing.T, id int64) *contestations.Contestation {
	t.Helper()
	c, err := w.store.Contestation(context.Background(), contestations.Scope{All: true}, id)
	if err != nil {
		t.Fatalf("Contestation(%d): %v", id, err)
	}
	return c
}

// mustNotify notifies c with a PEC sent daysAgo, ten days to reply.
func (w *world) mustNotify(t *testing.T, c *contestations.Contestation, daysAgo int, ups ...files.Upload) {
	t.Helper()
	n := contestations.Notice{PECDate: time.Now().UTC().AddDate(0, 0, -daysAgo), Reference: "prot. 1", Days: 10}
	if err := w.store.Notify(webtest.System(), w.fs, w.officer, c.ID, n, ups); err != nil {
		t.Fatalf("Notify: %v", err)
	}
}

func wantKind(t *testing.T, err error, kind apperr.Kind) {
	t.Helper()
	if err == nil || apperr.KindOf(err) != kind {
		t.Fatalf("error = %v (kind %d); want kind %d", err, apperr.KindOf(err), kind)
	}
}

func count(t *testing.T, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("count %q: %v", query, err)
	}
	return n
}

func id(n int64) string { return strconv.FormatInt(n, 10) }
