package mediation

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestBudgetBalance(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newBudgetFixture(t, d)
		ctx := context.Background()
		from, to := budgetDate(2026, 1, 1), budgetDate(2026, 12, 31)
		line := f.line("Progetto 3.000 ore", 100*60, from, to, DefaultPolicy)
		other := f.line("Altra linea", 10*60, from, to, DefaultPolicy)
		m := f.mediator("Amina")
		at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		// Held by bookings: 120 + 90 minutes; the comune's booking is 90 of them.
		f.request(fixtureRequest{start: at, state: Assigned, mediator: m, line: line, held: 120})
		f.request(fixtureRequest{org: f.comune, start: at, state: Reported, mediator: m, line: line, held: 90, counted: 90})
		// Consumed: an approval (135) and the counted exits (60 + 60).
		f.request(fixtureRequest{start: at, state: Approved, mediator: m, line: line, held: 135, counted: 135})
		f.request(fixtureRequest{start: at, state: CancelledLate, mediator: m, line: line, counted: 60})
		f.request(fixtureRequest{start: at, state: NoShow, mediator: m, line: line, counted: 60})
		// Neither: a timely cancellation, a refusal, a request on another line.
		f.request(fixtureRequest{start: at, state: CancelledTime, line: line, held: 60})
		f.request(fixtureRequest{start: at, state: Refused})
		f.request(fixtureRequest{start: at, state: Approved, mediator: m, line: other, counted: 600})
		if _, err := f.h.store.SaveLine(ctx, line, budgetLineForm(t, f, line, map[int64]string{f.comune: "10"})); err != nil {
			t.Fatal(err)
		}

		sums, err := f.h.store.Summaries(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var s *LineSummary
		for _, x := range sums {
			if x.Line.ID == line {
				s = x
			}
		}
		t.Run("held, consumed and remaining add up to the total", func(t *testing.T) {
			want := Balance{TotalMin: 6000, HeldMin: 210, ConsumedMin: 255}
			if s.Balance != want || s.RemainingMin() != 6000-210-255 {
				t.Errorf("balance = %+v, remaining %d; want %+v, remaining %d", s.Balance, s.RemainingMin(), want, 6000-465)
			}
			if got := s.PercentConsumed(); got != 4.25 {
				t.Errorf("consumed = %v%%; want 4.25%%", got)
			}
		})
		t.Run("an allocation keeps its organisation's own ledger", func(t *testing.T) {
			if len(s.Allocations) != 1 || s.Allocations[0].OrgID != f.comune {
				t.Fatalf("allocations = %+v; want the comune's", s.Allocations)
			}
			want := Balance{TotalMin: 600, HeldMin: 90}
			if s.Allocations[0].Balance != want {
				t.Errorf("comune = %+v; want %+v", s.Allocations[0].Balance, want)
			}
		})
		t.Run("the ledger lists what holds or consumes, not the exits that do not", func(t *testing.T) {
			entries, total, err := f.h.store.Ledger(ctx, line, 3, 0)
			if err != nil {
				t.Fatal(err)
			}
			if total != 5 || len(entries) != 3 {
				t.Errorf("total = %d, page = %d; want 5 in all, 3 on the page", total, len(entries))
			}
			_, _, err = f.h.store.Ledger(ctx, line, 3, 3)
			if err != nil {
				t.Fatal(err)
			}
		})
	})
}

// budgetLineForm is line id's form as stored, with allocations alloc.
func budgetLineForm(t *testing.T, f *budgetFixture, id int64, alloc map[int64]string) *LineForm {
	t.Helper()
	l, err := f.h.store.Line(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return &LineForm{Name: l.Name, TotalHours: formHours(l.TotalMin), From: l.From.Format(time.DateOnly),
		To: l.To.Format(time.DateOnly), RoundMin: l.Policy.RoundMin, MinimumMin: l.Policy.MinimumMin,
		TravelCounts: l.Policy.TravelCounts, LateNoticeH: l.Policy.LateNoticeH, LateCounts: l.Policy.LateCounts,
		Active: l.Active, Allocations: alloc}
}

func TestOverrideShowsNegativeRemaining(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newBudgetFixture(t, d)
		line := f.line("Linea piccola", 120, budgetDate(2026, 1, 1), budgetDate(2026, 12, 31), DefaultPolicy)
		m := f.mediator("Amina")
		at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		f.request(fixtureRequest{start: at, state: Approved, mediator: m, line: line, counted: 90})
		f.request(fixtureRequest{start: at.Add(24 * time.Hour), state: Confirmed, mediator: m, line: line, held: 60, overbooked: true})
		l, _ := f.h.store.Line(context.Background(), line)
		b, _, err := balanceOf(context.Background(), d, l, 0)
		if err != nil {
			t.Fatal(err)
		}
		if b.RemainingMin() != -30 || b.Fits(1) {
			t.Errorf("remaining = %d; want -30, and nothing more fits", b.RemainingMin())
		}
		res := f.env.Login(f.coordinator).Get(LineURL(line))
		res.WantStatus(t, http.StatusOK)
		res.WantBody(t, "-0,5", "In deroga", "oltre il budget")
	})
}

func TestCheckAlerts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newBudgetFixture(t, d)
		other := f.env.UserIn(f.provider, "altro-coordinatore@example.org", auth.RoleMediationCoordinator)
		line := f.line("Linea da 10 ore", 600, budgetDate(2026, 1, 1), budgetDate(2026, 12, 31), DefaultPolicy)
		m := f.mediator("Amina")
		at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		consume := func(min int) {
			f.request(fixtureRequest{start: at, state: Approved, mediator: m, line: line, counted: min})
			f.env.InTx(func(ctx context.Context, tx *db.Tx) error { return f.h.store.CheckAlerts(ctx, tx, line) })
		}
		alerts := func() int {
			return f.count(`SELECT COUNT(*) FROM mediation_budget_alerts WHERE funding_line_id = ?`, line)
		}
		notices := func(u *auth.User) int { return f.count(`SELECT COUNT(*) FROM notifications WHERE user_id = ?`, u.ID) }

		consume(290) // 48%
		if alerts() != 0 || notices(f.coordinator) != 0 {
			t.Fatalf("below 50%%: %d alerts, %d notices; want none", alerts(), notices(f.coordinator))
		}
		consume(10) // exactly 50%
		if alerts() != 1 || notices(f.coordinator) != 1 || notices(other) != 1 {
			t.Fatalf("at 50%%: %d alerts, %d+%d notices; want 1 alert, 1 notice each", alerts(), notices(f.coordinator), notices(other))
		}
		consume(0)
		f.env.InTx(func(ctx context.Context, tx *db.Tx) error { return f.h.store.CheckAlerts(ctx, tx, line) })
		if alerts() != 1 || notices(f.coordinator) != 1 {
			t.Errorf("checked again: %d alerts, %d notices; want each threshold once", alerts(), notices(f.coordinator))
		}
		consume(250) // 91.7%: 75 and 90 at once, told once
		if alerts() != 3 || notices(f.coordinator) != 2 {
			t.Errorf("at 92%%: %d alerts, %d notices; want 3 alerts, 2 notices", alerts(), notices(f.coordinator))
		}
		consume(60) // 101.7%
		if alerts() != 4 || notices(f.coordinator) != 3 {
			t.Errorf("past 100%%: %d alerts, %d notices; want 4 alerts, 3 notices", alerts(), notices(f.coordinator))
		}
		if notices(f.operator) != 0 {
			t.Errorf("a service operator got %d budget notices", notices(f.operator))
		}
		var body string
		err := d.QueryRowContext(context.Background(), `SELECT body FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT 1`,
			f.coordinator.ID).Scan(&body)
		if err != nil || !strings.Contains(body, "100%") || !strings.Contains(body, "10,17 ore su 10") {
			t.Errorf("last notice = %q (%v); want the 100%% threshold and the hours", body, err)
		}
		t.Run("without a notification service the thresholds are still recorded", func(t *testing.T) {
			s := &Store{DB: d}
			l2 := f.line("Senza avvisi", 60, budgetDate(2026, 1, 1), budgetDate(2026, 12, 31), DefaultPolicy)
			f.request(fixtureRequest{start: at, state: NoShow, mediator: m, line: l2, counted: 60})
			f.env.InTx(func(ctx context.Context, tx *db.Tx) error { return s.CheckAlerts(ctx, tx, l2) })
			if n := f.count(`SELECT COUNT(*) FROM mediation_budget_alerts WHERE funding_line_id = ?`, l2); n != 4 {
				t.Errorf("alerts = %d; want 4", n)
			}
		})
		t.Run("an unknown line is not found", func(t *testing.T) {
			err := d.InTx(context.Background(), func(tx *db.Tx) error { return f.h.store.CheckAlerts(context.Background(), tx, 99999) })
			if err == nil {
				t.Error("no error for an unknown line")
			}
		})
	})
}

func TestFundingLinePages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newBudgetFixture(t, d)
		c := f.env.Login(f.coordinator)
		t.Run("the form is for coordinators only", func(t *testing.T) {
			op := f.env.Login(f.operator)
			for _, p := range []string{budgetURL, budgetURL + "/linee/nuova"} {
				op.Get(p).WantStatus(t, http.StatusNotFound)
			}
			op.Post(budgetURL+"/linee", url.Values{"name": {"x"}}).WantStatus(t, http.StatusNotFound)
			c.Get(budgetURL+"/linee/nuova").WantStatus(t, http.StatusOK)
		})
		t.Run("wrong fields are shown next to the input kept", func(t *testing.T) {
			res := c.Post(budgetURL+"/linee", url.Values{"name": {"Linea del progetto"}, "total_hours": {"tante"},
				"from": {"2026-12-31"}, "to": {"2026-01-01"}, "round_min": {"15"}, "minimum_min": {"60"},
				"late_notice_hours": {"24"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "Linea del progetto", "Indica le ore finanziate", "La fine del periodo non può precedere l&#39;inizio.")
		})
		var id int64
		t.Run("a valid line is created and audited", func(t *testing.T) {
			res := c.Post(budgetURL+"/linee", url.Values{"name": {"Progetto 3.000 ore"}, "total_hours": {"3000"},
				"from": {"2026-01-01"}, "to": {"2026-12-31"}, "round_min": {"15"}, "minimum_min": {"60"},
				"late_notice_hours": {"24"}, "late_counts": {"1"}, "active": {"1"},
				allocField(f.asl): {"1000,5"}})
			res.WantStatus(t, http.StatusSeeOther)
			lines, err := f.h.store.Lines(context.Background())
			if err != nil || len(lines) != 1 {
				t.Fatalf("lines = %v, %v; want one", lines, err)
			}
			l := lines[0]
			id = l.ID
			if l.TotalMin != 180000 || !l.Active || !l.Policy.LateCounts || l.Policy.TravelCounts || !l.From.Equal(budgetDate(2026, 1, 1)) {
				t.Errorf("line = %+v", l)
			}
			alloc, _ := f.h.store.Allocations(context.Background(), id)
			if alloc[f.asl] != 60030 {
				t.Errorf("allocation = %v; want 60030 minutes to the ASL", alloc)
			}
			if n := f.count(`SELECT COUNT(*) FROM audit_log WHERE entity = ? AND action = 'create'`, lineEntity); n != 1 {
				t.Errorf("audit creations = %d; want 1", n)
			}
			c.Follow(res).WantBody(t, "Progetto 3.000 ore", "3.000", `role="img"`, "<title id=\"burndown-title\">", "Dati del grafico in tabella")
		})
		t.Run("an edit shows the stored values and is audited", func(t *testing.T) {
			res := c.Get(budgetURL + "/linee/" + itoa(id))
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, `value="3000"`, `value="1000.5"`, `value="2026-12-31"`)
			form := url.Values{"name": {"Progetto 3.000 ore"}, "total_hours": {"3200"}, "from": {"2026-01-01"},
				"to": {"2026-12-31"}, "round_min": {"30"}, "minimum_min": {"60"}, "late_notice_hours": {"48"}, "active": {"1"}}
			c.Post(budgetURL+"/linee/"+itoa(id), form).WantStatus(t, http.StatusSeeOther)
			l, _ := f.h.store.Line(context.Background(), id)
			if l.TotalMin != 192000 || l.Policy.RoundMin != 30 || l.Policy.LateCounts {
				t.Errorf("line = %+v", l)
			}
			var changes string
			err := d.QueryRowContext(context.Background(), `SELECT changes FROM audit_log WHERE entity = ? AND action = 'update'`,
				lineEntity).Scan(&changes)
			if err != nil || !strings.Contains(changes, "total_min") || !strings.Contains(changes, "allocations") {
				t.Errorf("audit changes = %s (%v); want the total and the allocations", changes, err)
			}
		})
		t.Run("lowering the total past a threshold raises its alert", func(t *testing.T) {
			f.request(fixtureRequest{start: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), state: Approved,
				mediator: f.mediator("Amina"), line: id, counted: 600})
			form := url.Values{"name": {"Progetto 3.000 ore"}, "total_hours": {"12"}, "from": {"2026-01-01"},
				"to": {"2026-12-31"}, "round_min": {"30"}, "minimum_min": {"60"}, "late_notice_hours": {"48"}, "active": {"1"}}
			c.Post(budgetURL+"/linee/"+itoa(id), form).WantStatus(t, http.StatusSeeOther)
			if n := f.count(`SELECT COUNT(*) FROM mediation_budget_alerts WHERE funding_line_id = ?`, id); n != 2 {
				t.Errorf("alerts = %d; want 50 and 75%% (10 of 12 hours)", n)
			}
			if n := f.count(`SELECT COUNT(*) FROM notifications WHERE user_id = ?`, f.coordinator.ID); n != 1 {
				t.Errorf("notices = %d; want 1", n)
			}
		})
		t.Run("allocations beyond the total are refused", func(t *testing.T) {
			res := c.Post(budgetURL+"/linee/"+itoa(id), url.Values{"name": {"x"}, "total_hours": {"10"}, "from": {"2026-01-01"},
				"to": {"2026-12-31"}, "round_min": {"15"}, "minimum_min": {"60"}, "late_notice_hours": {"24"},
				allocField(f.asl): {"11"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "superano il totale")
		})
		t.Run("an unknown line does not exist", func(t *testing.T) {
			c.Get(budgetURL+"/linee/99999").WantStatus(t, http.StatusNotFound)
			c.Get(budgetURL+"?linea=99999").WantStatus(t, http.StatusNotFound)
		})
	})
}
