package mediation_test

import (
	"context"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/mediation"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/notify"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// world is a server with the mediation module mounted: a coordinator; an
// operator of the ASL and one of a Comune; two Arabic mediators with
// logins (Amina in Alessandria, Omar elsewhere) and a Chinese one without;
// a funding line of lineHours hours over this year and the next.
type world struct {
	env         *webtest.Env
	store       *mediation.Store
	h           *mediation.Handler
	asl, comune int64
	provider    int64
	coordinator *auth.User
	operator    *auth.User
	other       *auth.User
	aminaUser   *auth.User
	omarUser    *auth.User
	amina, omar int64
	li          int64
	line        int64
}

const lineHours = 10

func mustWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	env := webtest.New(t, d)
	h, err := mediation.New(mediation.Deps{Web: env.Web, DB: d, Notify: &notify.Service{DB: d}})
	if err != nil {
		t.Fatal(err)
	}
	env.Mount(h)
	w := &world{env: env, store: h.Store(), h: h}
	w.asl = env.Org("ASL di prova", auth.KindHealth).ID
	w.comune = env.Org("Comune di prova", auth.KindComune).ID
	w.provider = env.Org("Mediazione di prova", auth.KindMediationProvider).ID
	w.coordinator = env.UserIn(w.provider, "coordinatrice@example.org", auth.RoleMediationCoordinator)
	w.operator = env.UserIn(w.asl, "operatore@example.org", auth.RoleServiceOperator)
	w.other = env.UserIn(w.comune, "comune@example.org", auth.RoleServiceOperator)
	w.aminaUser = env.UserIn(w.provider, "amina@example.org", auth.RoleMediator)
	w.omarUser = env.UserIn(w.provider, "omar@example.org", auth.RoleMediator)
	env.InTx(func(ctx context.Context, tx *db.Tx) error {
		var err error
		if w.amina, err = insertMediator(ctx, tx, w.provider, w.aminaUser.ID, "Amina", "health", "006003", "ar", "native"); err != nil {
			return err
		}
		if w.omar, err = insertMediator(ctx, tx, w.provider, w.omarUser.ID, "Omar", "legal", "006039", "ar", "C1"); err != nil {
			return err
		}
		if w.li, err = insertMediator(ctx, tx, w.provider, 0, "Li", "health", "006003", "zh", "native"); err != nil {
			return err
		}
		y := time.Now().Year()
		w.line, err = db.InsertID(ctx, tx, `INSERT INTO mediation_funding_lines (name, total_min, starts_on, ends_on, created_at)
			VALUES (?, ?, ?, ?, ?)`, "Progetto di prova", lineHours*60, time.Date(y-1, 1, 1, 0, 0, 0, 0, time.UTC),
			time.Date(y+1, 12, 31, 0, 0, 0, 0, time.UTC), tx.Now)
		return err
	})
	return w
}

// insertMediator adds a mediator available every day from 7 to 22, in
// person, by phone and video.
func insertMediator(ctx context.Context, tx *db.Tx, provider, user int64, name, areas, istat, lang, level string) (int64, error) {
	var uid any
	if user != 0 {
		uid = user
	}
	id, err := db.InsertID(ctx, tx, `INSERT INTO mediators (user_id, provider_id, name, in_person, phone_mode, video, areas,
		ical_token, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		uid, provider, name, true, true, true, areas, "tok-"+name, tx.Now, tx.Now)
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO mediator_languages (mediator_id, language, level) VALUES (?, ?, ?)`, id, lang, level); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO mediator_municipalities (mediator_id, istat_code) VALUES (?, ?)`, id, istat); err != nil {
		return 0, err
	}
	for wd := 1; wd <= 7; wd++ {
		if _, err := tx.ExecContext(ctx, `INSERT INTO mediator_availability (mediator_id, weekday, start_min, end_min)
			VALUES (?, ?, ?, ?)`, id, wd, 7*60, 22*60); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// slotIn is a Rome time days ahead at hour:00.
func slotIn(days, hour int) time.Time {
	d := time.Now().In(i18n.Rome).AddDate(0, 0, days)
	return time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, i18n.Rome)
}

// form is an operator's request for Arabic at the hospital, days ahead at
// hour, for minutes.
func form(days, hour, minutes int) mediation.Form {
	s := slotIn(days, hour)
	return mediation.Form{Office: "Pronto soccorso", Referent: "Dott.ssa Rossi", Contact: "Infermiera di turno",
		Service: mediation.Health, Kind: mediation.Interpreting, Language: "ar", Nationality: "Marocco",
		Mode: mediation.InPerson, Urgency: mediation.Scheduled, ISTATCode: "006003", Place: "Ospedale civile",
		Day: s.Format("2006-01-02"), Time: s.Format("15:04"), DurationMin: minutes,
		Reason: "Colloquio di accoglienza in reparto", Beneficiary: "BEN-0001"}
}

func (w *world) mustCreate(t *testing.T, f mediation.Form, send bool) []int64 {
	t.Helper()
	ids, err := w.store.Create(webtest.System(), w.operator, f, send)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	return ids
}

// mustBooked creates, sends, validates and assigns a request to mediator.
func (w *world) mustBooked(t *testing.T, f mediation.Form, mediator int64) int64 {
	t.Helper()
	id := w.mustCreate(t, f, true)[0]
	ctx := webtest.System()
	if err := w.store.Validate(ctx, w.coordinator, id); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if err := w.store.Assign(ctx, w.coordinator, id, mediation.Booking{MediatorID: mediator}); err != nil {
		t.Fatalf("Assign: %v", err)
	}
	return id
}

func (w *world) scope(t *testing.T, u *auth.User) mediation.Scope {
	t.Helper()
	mid, err := w.store.MediatorOfUser(context.Background(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	return mediation.ScopeOf(u, mid)
}

func (w *world) get(t *testing.T, id int64) *mediation.Request {
	t.Helper()
	r, err := w.store.Request(context.Background(), mediation.Scope{All: true}, id)
	if err != nil {
		t.Fatalf("Request %d: %v", id, err)
	}
	return r
}

// moveToPast shifts request id's slot hours back, as if time had passed.
func (w *world) moveToPast(t *testing.T, id int64, hours int) {
	t.Helper()
	r := w.get(t, id)
	d := time.Duration(hours) * time.Hour
	w.env.InTx(func(ctx context.Context, tx *db.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE mediation_requests SET starts_at = ?, ends_at = ? WHERE id = ?`,
			r.Start.Add(-d), r.End.Add(-d), id)
		return err
	})
}

func (w *world) balance(t *testing.T) mediation.Balance {
	t.Helper()
	b, err := w.store.LineBalance(context.Background(), w.line)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func nowRome() time.Time { return time.Now().In(i18n.Rome) }

func timeHours(n int) time.Duration { return time.Duration(n) * time.Hour }
