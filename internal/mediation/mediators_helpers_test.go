package mediation_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/mediation"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// medWorld is a server with the mediation pages mounted: a provider of
// mediators with a coordinator and two mediators with a login (Amina,
// who speaks Arabic and French, and Omar, who speaks Arabic and Urdu),
// the ASL and a Comune with a service operator each, and an editor who
// has nothing to do with mediation.
type medWorld struct {
	env                  *webtest.Env
	store                *mediation.Store
	provider, asl, comun int64
	coordinator          *auth.User
	amina, omar          *auth.User
	operator, otherOp    *auth.User
	stranger             *auth.User
	aminaID, omarID      int64
}

func mustMedWorld(t *testing.T, d *db.DB) *medWorld {
	t.Helper()
	env := webtest.New(t, d)
	h, err := mediation.New(mediation.Deps{Web: env.Web, DB: d})
	if err != nil {
		t.Fatal(err)
	}
	env.Mount(h)
	w := &medWorld{env: env, store: h.Store()}
	w.provider = env.Org("Mediazione di prova", auth.KindMediationProvider).ID
	w.asl = env.Org("ASL di prova", auth.KindHealth).ID
	w.comun = env.Org("Comune di prova", auth.KindComune).ID
	w.coordinator = env.UserIn(w.provider, "coordinatrice@example.org", auth.RoleMediationCoordinator)
	w.amina = env.UserIn(w.provider, "amina@example.org", auth.RoleMediator)
	w.omar = env.UserIn(w.provider, "omar@example.org", auth.RoleMediator)
	w.operator = env.UserIn(w.asl, "operatrice@example.org", auth.RoleServiceOperator)
	w.otherOp = env.UserIn(w.comun, "comune@example.org", auth.RoleServiceOperator)
	w.stranger = env.User("redattore@example.org", auth.RoleEditor)
	w.aminaID = w.mustCreate(t, w.profile("Amina Benali", w.amina.ID, mediation.Spoken{Code: "ar", Level: "native"},
		mediation.Spoken{Code: "fr", Level: "C1"}))
	w.omarID = w.mustCreate(t, w.profile("Omar Khan", w.omar.ID, mediation.Spoken{Code: "ar", Level: "B2"},
		mediation.Spoken{Code: "ur", Level: "native"}))
	return w
}

// profile is a valid profile: in person in Alessandria and by phone,
// health and social areas.
func (w *medWorld) profile(name string, user int64, langs ...mediation.Spoken) mediation.Profile {
	return mediation.Profile{ProviderID: w.provider, UserID: user, Name: name, Email: "m@example.org", InPerson: true,
		PhoneMode: true, Areas: []mediation.Area{mediation.AreaHealth, mediation.AreaSocial}, Active: true,
		Languages: langs, Municipalities: []string{"006003"}}
}

func (w *medWorld) mustCreate(t *testing.T, p mediation.Profile) int64 {
	t.Helper()
	id, err := w.store.CreateMediator(webtest.System(), w.coordinator, p)
	if err != nil {
		t.Fatalf("CreateMediator: %v", err)
	}
	return id
}

func (w *medWorld) mustMediator(t *testing.T, id int64) *mediation.Mediator {
	t.Helper()
	m, err := w.store.Mediator(context.Background(), w.coordinator, id)
	if err != nil {
		t.Fatalf("Mediator(%d): %v", id, err)
	}
	return m
}

// booking is a request row as the lead's lifecycle leaves it.
type booking struct {
	org         int64
	mediator    int64
	state       mediation.State
	start       time.Time
	minutes     int
	language    string
	mode        mediation.Mode
	reason      string
	beneficiary string
}

// mustBook writes a request in the given state directly, as the
// lifecycle would have left it, and returns its ID.
func (w *medWorld) mustBook(t *testing.T, b booking) int64 {
	t.Helper()
	if b.language == "" {
		b.language = "ar"
	}
	if b.mode == "" {
		b.mode = mediation.InPerson
	}
	if b.minutes == 0 {
		b.minutes = 90
	}
	var id int64
	w.env.InTx(func(ctx context.Context, tx *db.Tx) error {
		var err error
		id, err = db.InsertID(ctx, tx, `INSERT INTO mediation_requests (org_id, office, service_type, language, mode,
			urgency, istat_code, place, starts_at, ends_at, reason, beneficiary, state, mediator_id, created_at, updated_at)
			VALUES (?, 'Consultorio', 'health', ?, ?, 'scheduled', '006003', 'Via Venezia 6', ?, ?, ?, ?, ?, ?, ?, ?)`,
			b.org, b.language, string(b.mode), b.start.UTC(), b.start.Add(time.Duration(b.minutes)*time.Minute).UTC(),
			b.reason, b.beneficiary, string(b.state), nullable(b.mediator), tx.Now, tx.Now)
		return err
	})
	return id
}

func nullable(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// rome is a wall-clock time in Rome.
func rome(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, i18n.Rome)
}

func idOf(id int64) string { return strconv.FormatInt(id, 10) }

func wantKind(t *testing.T, err error, kind apperr.Kind) {
	t.Helper()
	if err == nil || apperr.KindOf(err) != kind {
		t.Fatalf("error = %v (kind %d); want kind %d", err, apperr.KindOf(err), kind)
	}
}

func wantField(t *testing.T, err error, field string) {
	t.Helper()
	if _, ok := apperr.FieldsOf(err)[field]; !ok {
		t.Fatalf("error = %v (fields %v); want a message on %q", err, apperr.FieldsOf(err), field)
	}
}

func countRows(t *testing.T, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("count: %v", err)
	}
	return n
}
