package mediation

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/notify"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// budgetFixture is a mounted mediation module with two requesting
// organisations, a provider with mediators and a coordinator. The
// lifecycle is written elsewhere: requests are inserted as rows in the
// state a test needs.
type budgetFixture struct {
	t           *testing.T
	env         *webtest.Env
	h           *Handler
	d           *db.DB
	asl, comune int64
	provider    int64
	coordinator *auth.User
	operator    *auth.User
	istat       [2]string
	n           int
}

func newBudgetFixture(t *testing.T, d *db.DB) *budgetFixture {
	t.Helper()
	env := webtest.New(t, d)
	h, err := New(Deps{Web: env.Web, DB: d, Notify: &notify.Service{DB: d}})
	if err != nil {
		t.Fatal(err)
	}
	env.Mount(h)
	f := &budgetFixture{t: t, env: env, h: h, d: d}
	f.asl = env.Org("ASL AL", auth.KindHealth).ID
	f.comune = env.Org("Comune di Alessandria", auth.KindComune).ID
	f.provider = env.Org("Cooperativa Mediazione", auth.KindMediationProvider).ID
	f.coordinator = env.UserIn(f.provider, "coordinatrice@example.org", auth.RoleMediationCoordinator)
	f.operator = env.UserIn(f.asl, "operatrice@example.org", auth.RoleServiceOperator)
	rows, err := d.QueryContext(context.Background(), `SELECT istat_code FROM municipalities ORDER BY istat_code LIMIT 2`)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; rows.Next(); i++ {
		if err := rows.Scan(&f.istat[i]); err != nil {
			t.Fatal(err)
		}
	}
	rows.Close()
	return f
}

// budgetDate is a date at midnight UTC, as lines store them.
func budgetDate(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// line inserts a funding line of total minutes.
func (f *budgetFixture) line(name string, total int, from, to time.Time, p Policy) int64 {
	f.t.Helper()
	var id int64
	f.env.InTx(func(ctx context.Context, tx *db.Tx) error {
		var err error
		id, err = writeLine(ctx, tx, 0, &FundingLine{Name: name, TotalMin: total, From: from, To: to, Policy: p, Active: true})
		return err
	})
	return id
}

// mediator inserts a mediator of the provider.
func (f *budgetFixture) mediator(name string) int64 {
	f.t.Helper()
	f.n++
	var id int64
	f.env.InTx(func(ctx context.Context, tx *db.Tx) error {
		var err error
		id, err = db.InsertID(ctx, tx, `INSERT INTO mediators (provider_id, name, ical_token, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?)`, f.provider, name, "token-"+strconv.Itoa(f.n), tx.Now, tx.Now)
		return err
	})
	return id
}

// fixtureRequest is a request as a test inserts it; zero fields take defaults.
type fixtureRequest struct {
	org        int64
	service    ServiceType
	lang       string
	mode       Mode
	istat      string
	start      time.Time
	minutes    int
	state      State
	mediator   int64
	line       int64
	held       int
	counted    int
	overbooked bool
	sent       time.Time // zero: three days before the slot
	rating     int
	approved   time.Time
	closed     time.Time
	actualFrom time.Time
	actualTo   time.Time
	travel     int
	office     string
}

// request inserts r and returns its ID.
func (f *budgetFixture) request(r fixtureRequest) int64 {
	f.t.Helper()
	if r.org == 0 {
		r.org = f.asl
	}
	if r.service == "" {
		r.service = Health
	}
	if r.lang == "" {
		r.lang = "ar"
	}
	if r.mode == "" {
		r.mode = InPerson
	}
	if r.minutes == 0 {
		r.minutes = 60
	}
	if r.sent.IsZero() && r.state != Draft {
		r.sent = r.start.Add(-72 * time.Hour)
	}
	var istat, rating any
	if r.istat != "" {
		istat = r.istat
	}
	if r.rating != 0 {
		rating = r.rating
	}
	var id int64
	f.env.InTx(func(ctx context.Context, tx *db.Tx) error {
		var err error
		id, err = db.InsertID(ctx, tx, `INSERT INTO mediation_requests (org_id, office, service_type, language, mode, urgency,
			istat_code, starts_at, ends_at, state, mediator_id, funding_line_id, held_min, counted_min, overbooked, rating,
			sent_at, approved_at, closed_at, actual_start, actual_end, travel_min, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.org, r.office, string(r.service), r.lang, string(r.mode), istat, r.start.UTC(),
			r.start.Add(time.Duration(r.minutes)*time.Minute).UTC(), string(r.state), nullID(r.mediator), nullID(r.line),
			r.held, r.counted, r.overbooked, rating, nullTime(r.sent), nullTime(r.approved), nullTime(r.closed),
			nullTime(r.actualFrom), nullTime(r.actualTo), r.travel, tx.Now, tx.Now)
		return err
	})
	return id
}

// count runs a COUNT query.
func (f *budgetFixture) count(query string, args ...any) int {
	f.t.Helper()
	var n int
	if err := f.d.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		f.t.Fatal(err)
	}
	return n
}
