package mediation

import (
	"context"
	"errors"
	"regexp"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestDemoSeedLoadsEightMonthsOfMediation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		began := time.Now()
		if _, err := demo.Load(ctx, d, DemoSeed); err != nil {
			t.Fatal(err)
		}
		t.Logf("demo loaded in %s", time.Since(began).Round(time.Millisecond))
		count := func(q string, args ...any) int {
			t.Helper()
			var n int
			if err := d.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return n
		}
		reqs := demoRequests(t, d)
		t.Logf("%d requests, %d events, %d offers", len(reqs), count(`SELECT COUNT(*) FROM mediation_events`),
			count(`SELECT COUNT(*) FROM mediation_offers`))

		t.Run("15 mediators in 12 languages, the demo mediator among them", func(t *testing.T) {
			if n := count(`SELECT COUNT(*) FROM mediators`); n != 15 {
				t.Errorf("%d mediators, want 15", n)
			}
			if n := count(`SELECT COUNT(DISTINCT language) FROM mediator_languages`); n != 12 {
				t.Errorf("%d languages, want 12", n)
			}
			if n := count(`SELECT COUNT(*) FROM mediators m JOIN users u ON u.id = m.user_id WHERE u.email = ?`,
				demo.Account{Role: auth.RoleMediator}.Email()); n != 1 {
				t.Errorf("the demo mediator's account is linked to %d mediators", n)
			}
			if n := count(`SELECT COUNT(*) FROM mediator_municipalities mm JOIN municipalities m ON m.istat_code = mm.istat_code
				WHERE m.province_code <> 'AL'`); n != 0 {
				t.Errorf("%d municipalities covered outside the province", n)
			}
			if count(`SELECT COUNT(*) FROM mediator_availability`) == 0 || count(`SELECT COUNT(*) FROM mediator_leave`) == 0 {
				t.Error("no weekly availability or no leave")
			}
		})

		t.Run("requests in every state", func(t *testing.T) {
			byState := map[State]int{}
			for _, r := range reqs {
				byState[r.State]++
			}
			for _, st := range States {
				if byState[st] == 0 {
					t.Errorf("no request %s", st)
				}
			}
			t.Logf("per state: %v", byState)
			for _, u := range Urgencies {
				if n := count(`SELECT COUNT(*) FROM mediation_requests WHERE urgency = ?`, string(u)); n == 0 {
					t.Errorf("no %s request", u)
				}
			}
			if n := count(`SELECT COUNT(*) FROM mediation_requests WHERE kind = ?`, string(OnTheJob)); n == 0 {
				t.Error("no on-the-job block")
			}
			if n := count(`SELECT COUNT(*) FROM mediation_series s WHERE s.weeks = (SELECT COUNT(*) FROM mediation_requests r
				WHERE r.series_id = s.id)`); n != len(demoSeriesPlans) {
				t.Errorf("%d series with all their weeks, want %d", n, len(demoSeriesPlans))
			}
		})

		t.Run("about 1,900 of the 3,000 hours consumed", func(t *testing.T) {
			line, err := lineFor(ctx, d, time.Now())
			if err != nil || line == nil || line.Name != demoLineName || line.TotalMin != 3000*60 {
				t.Fatalf("line covering today: %+v, %v", line, err)
			}
			if line.Policy != DefaultPolicy {
				t.Errorf("policy %+v, want the default", line.Policy)
			}
			b, _, err := balanceOf(ctx, d, line, 0)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("consumed %.1f h, held %.1f h", Hours(b.ConsumedMin), Hours(b.HeldMin))
			if b.ConsumedMin < 1850*60 || b.ConsumedMin > 1950*60 {
				t.Errorf("%.1f hours consumed, want 1,850 to 1,950", Hours(b.ConsumedMin))
			}
			if b.RemainingMin() <= 0 {
				t.Errorf("nothing remains: %+v", b)
			}
			if n := count(`SELECT COUNT(*) FROM mediation_budget_alerts WHERE threshold = 50`); n != 1 {
				t.Errorf("%d alerts at 50%%, want 1", n)
			}
		})

		t.Run("no mediator double-booked", func(t *testing.T) {
			n := count(`SELECT COUNT(*) FROM mediation_requests a JOIN mediation_requests b
				ON a.mediator_id = b.mediator_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at`)
			if n != 0 {
				t.Errorf("%d overlapping pairs of one mediator's requests", n)
			}
		})

		t.Run("counted and held minutes follow the policy", func(t *testing.T) { checkSeedCounts(t, reqs) })

		t.Run("every step stamped as its state says, with its timeline", func(t *testing.T) {
			now := time.Now()
			events := demoEventStates(t, d)
			ben := regexp.MustCompile(`^(BEN-\d{4})?$`)
			for _, r := range reqs {
				checkDemoStamps(t, r, now)
				ev := events[r.ID]
				if len(ev) == 0 || ev[len(ev)-1] != r.State {
					t.Errorf("request %d %s: timeline %v", r.ID, r.State, ev)
				}
				if !ben.MatchString(r.Beneficiary) {
					t.Errorf("request %d: beneficiary %q is not a pseudonym", r.ID, r.Beneficiary)
				}
				if r.Start.Before(now.AddDate(0, 0, -11)) && !r.State.Closed() {
					t.Errorf("request %d of %s still %s", r.ID, r.Start, r.State)
				}
				if r.Start.After(now) && seedMain(r.State) > seedMain(Confirmed) {
					t.Errorf("future request %d already %s", r.ID, r.State)
				}
			}
		})

		t.Run("a second load adds nothing", func(t *testing.T) {
			before := count(`SELECT COUNT(*) FROM mediation_requests`)
			if loaded, err := demo.Load(ctx, d, DemoSeed); err != nil || loaded {
				t.Fatalf("second load: %v, %v", loaded, err)
			}
			orgs, users := demoIDs(t, d)
			if err := d.InTx(ctx, func(tx *db.Tx) error { return DemoSeed(ctx, tx, orgs, users) }); err != nil {
				t.Fatal(err)
			}
			if n := count(`SELECT COUNT(*) FROM mediation_requests`); n != before {
				t.Errorf("%d requests after a second seed, want %d", n, before)
			}
			if n := count(`SELECT COUNT(*) FROM mediators`); n != 15 {
				t.Errorf("%d mediators after a second seed", n)
			}
		})
	})
}

// checkSeedCounts checks that every request holds and counts what the
// default policy says for its state, on a mediator and a funding line
// when it holds or consumes.
func checkSeedCounts(t *testing.T, reqs []*Request) {
	t.Helper()
	p := DefaultPolicy
	for _, r := range reqs {
		want, held := 0, 0
		switch {
		case r.State == Reported || r.State == Approved:
			want = p.Count(int(r.ActualEnd.Sub(r.ActualStart)/time.Minute), r.TravelMin)
			held = want
		case r.State == CancelledLate || r.State == NoShow:
			want = p.ExitCount()
		case r.State.Booked():
			held = p.Count(r.Minutes(), 0)
		}
		if r.CountedMin != want || r.HeldMin != held {
			t.Errorf("request %d %s: counted %d held %d, want %d and %d", r.ID, r.State, r.CountedMin, r.HeldMin, want, held)
		}
		if (r.State.Booked() || r.State.Consumes()) && (r.MediatorID == 0 || r.FundingLineID == 0) {
			t.Errorf("request %d %s without mediator or funding line", r.ID, r.State)
		}
	}
}

// checkDemoStamps checks that r has exactly the steps of its state,
// in order, none after now.
func checkDemoStamps(t *testing.T, r *Request, now time.Time) {
	t.Helper()
	reach := seedMain(r.State)
	if reach < 0 {
		reach = -1
	}
	steps := []time.Time{r.SentAt, r.ValidatedAt, r.AssignedAt, r.ConfirmedAt, r.DeliveredAt, r.ReportedAt, r.ApprovedAt}
	last := r.CreatedAt
	for i, at := range steps {
		if reach >= 0 && at.IsZero() != (i+1 > reach) {
			t.Errorf("request %d %s: step %s stamped %v", r.ID, r.State, States[i+1], at)
		}
		if at.IsZero() {
			continue
		}
		if at.Before(last) || at.After(now) {
			t.Errorf("request %d %s: step %s at %s, after %s or in the future", r.ID, r.State, States[i+1], at, last)
		}
		last = at
	}
	if r.State.Closed() != !r.ClosedAt.IsZero() {
		t.Errorf("request %d %s: closed at %v", r.ID, r.State, r.ClosedAt)
	}
	if r.State.Closed() && (r.ClosedAt.Before(last) || r.ClosedAt.After(now)) {
		t.Errorf("request %d %s: closed at %s, before its last step %s", r.ID, r.State, r.ClosedAt, last)
	}
	switch r.State {
	case Approved:
		if r.Rating < 1 || r.Rating > 5 {
			t.Errorf("request %d approved with rating %d", r.ID, r.Rating)
		}
	case CancelledTime:
		if r.Start.Sub(r.ClosedAt) < 24*time.Hour {
			t.Errorf("request %d cancelled in time %s before its slot", r.ID, r.Start.Sub(r.ClosedAt))
		}
	case CancelledLate:
		if d := r.Start.Sub(r.ClosedAt); d >= 24*time.Hour || d <= 0 {
			t.Errorf("request %d cancelled late %s before its slot", r.ID, d)
		}
	}
	if (r.State == Reported || r.State == Approved) && (r.ActualStart.IsZero() || !r.ActualEnd.After(r.ActualStart)) {
		t.Errorf("request %d %s without its actual times", r.ID, r.State)
	}
}

func demoRequests(t *testing.T, d *db.DB) []*Request {
	t.Helper()
	rows, err := d.QueryContext(context.Background(), `SELECT `+requestCols+requestFrom+` ORDER BY r.id`)
	out, err := db.Collect(rows, err, scanRequest)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// demoEventStates is each request's timeline, the states it went to in
// order.
func demoEventStates(t *testing.T, d *db.DB) map[int64][]State {
	t.Helper()
	rows, err := d.QueryContext(context.Background(), `SELECT request_id, to_state FROM mediation_events ORDER BY request_id, at, id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64][]State{}
	for rows.Next() {
		var id int64
		var st State
		if err := rows.Scan(&id, &st); err != nil {
			t.Fatal(err)
		}
		out[id] = append(out[id], st)
	}
	return out
}

// demoIDs reads back the demo's organisations and accounts.
func demoIDs(t *testing.T, d *db.DB) (map[string]int64, map[auth.Role]int64) {
	t.Helper()
	ctx := context.Background()
	orgs, users := map[string]int64{}, map[auth.Role]int64{}
	for _, o := range demo.Orgs {
		var id int64
		if err := d.QueryRowContext(ctx, `SELECT id FROM organisations WHERE name = ?`, o.Name).Scan(&id); err != nil {
			t.Fatal(err)
		}
		orgs[o.Key] = id
	}
	for _, a := range demo.Accounts {
		var id int64
		if err := d.QueryRowContext(ctx, `SELECT id FROM users WHERE email = ?`, a.Email()).Scan(&id); err != nil {
			t.Fatal(err)
		}
		users[a.Role] = id
	}
	return orgs, users
}

func TestDemoSeedWhateverTheDate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := demo.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
		orgs, users := demoIDs(t, d)
		rollback := errors.New("rollback")
		// Twelve days across a year, weekends and holidays among them.
		for k := range 12 {
			now := time.Now().UTC().AddDate(0, 0, 31*k).Add(time.Duration(k*317) * time.Minute)
			err := d.InTx(ctx, func(tx *db.Tx) error {
				tx.Now = now
				s, err := demoPlan(ctx, tx, orgs, users)
				if err != nil {
					return err
				}
				byState := map[State]int{}
				for _, r := range s.reqs {
					byState[r.State]++
				}
				for _, st := range States {
					if byState[st] == 0 {
						t.Errorf("%s: no request %s", now.Format(time.DateTime), st)
					}
				}
				if s.consumed < 1850*60 || s.consumed > 1950*60 {
					t.Errorf("%s: %.1f hours consumed", now.Format(time.DateTime), Hours(s.consumed))
				}
				return rollback
			})
			if !errors.Is(err, rollback) {
				t.Fatal(err)
			}
		}
	})
}
