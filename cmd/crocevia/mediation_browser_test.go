package main

import (
	"context"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/crocevia/crocevia/internal/e2e"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// TestMediationWholeLoop follows one request from the hospital's operator
// to the budget: the operator requests Arabic for tomorrow, the
// coordinator validates and assigns the demo mediator, she confirms, time
// passes, she reports 100 minutes, the operator approves, and the budget
// has consumed the rounded 105 minutes (15-minute blocks).
func TestMediationWholeLoop(t *testing.T) {
	browser := e2e.Browser(t)
	m := startMain(t, dbtest.Target{Name: "sqlite", DataDir: t.TempDir()})
	mediatorName, mediatorID := mediationBrowserFixture(t, m)
	coordinator := desktopTab(t, browser, m, auth.RoleMediationCoordinator)
	before := consumedHours(t, coordinator, m)
	tomorrow := time.Now().In(i18n.Rome).AddDate(0, 0, 1)
	hour := freeHour(t, m, mediatorID, tomorrow)
	var request string

	operator := desktopTab(t, browser, m, auth.RoleServiceOperator)
	t.Run("the operator requests a mediator", func(t *testing.T) {
		visitOK(t, operator, m.URL()+"/mediazione/nuova")
		checkAxe(t, operator, "/mediazione/nuova")
		step(t, operator,
			chromedp.SendKeys(chromedp.CSS(`#f-office`), "Pronto soccorso"),
			chromedp.SendKeys(chromedp.CSS(`#f-referent`), "Dott.ssa Bianchi"),
			chromedp.SetValue(chromedp.CSS(`#f-day`), tomorrow.Format(time.DateOnly)),
			chromedp.SetValue(chromedp.CSS(`#f-time`), hour),
			chromedp.SetValue(chromedp.CSS(`#f-duration`), "90"),
			chromedp.SendKeys(chromedp.CSS(`#f-reason`), "Colloquio di accoglienza in reparto"))
		chooseOption(t, operator, "service", "Sanità")
		chooseOption(t, operator, "language", "Arabo")
		chooseOption(t, operator, "mode", "In presenza")
		chooseOption(t, operator, "municipality", "Alessandria")
		submit(t, operator, `//button[normalize-space()="Invia la richiesta"]`)
		wantText(t, operator, "Inviata")
		request = step(t, operator, chromedp.Location())
	})

	t.Run("the coordinator validates and matches", func(t *testing.T) {
		visitOK(t, coordinator, request)
		submit(t, coordinator, `//button[normalize-space()="Convalida la richiesta"]`)
		wantText(t, coordinator, "Convalidata")
		checkAxe(t, coordinator, request+" (matching)")
		ok := step(t, coordinator, chromedp.Evaluate[bool](`(() => { const l = [...document.querySelectorAll('label')].find(l => l.textContent.includes(`+strconv.Quote(mediatorName)+`));
			if (!l) return false; document.getElementById(l.htmlFor).checked = true; return true })()`))
		if !ok {
			t.Fatalf("%s is not among the candidates", mediatorName)
		}
		submit(t, coordinator, `//button[normalize-space()="Assegna"]`)
		wantText(t, coordinator, "Assegnata")
	})

	mediator := desktopTab(t, browser, m, auth.RoleMediator)
	t.Run("the mediator confirms", func(t *testing.T) {
		visitOK(t, mediator, request)
		checkAxe(t, mediator, request+" (confirm)")
		submit(t, mediator, `//button[normalize-space()="Confermo l'incarico"]`)
		wantText(t, mediator, "Confermata")
	})

	moveRequestToYesterday(t, m, request)
	yesterday := tomorrow.AddDate(0, 0, -2)
	t.Run("the mediator reports the delivery", func(t *testing.T) {
		visitOK(t, mediator, request)
		start, _ := time.Parse("15:04", hour)
		step(t, mediator,
			chromedp.SetValue(chromedp.CSS(`#f-actual_day`), yesterday.Format(time.DateOnly)),
			chromedp.SetValue(chromedp.CSS(`#f-actual_start`), hour),
			chromedp.SetValue(chromedp.CSS(`#f-actual_end`), start.Add(100*time.Minute).Format("15:04")))
		submit(t, mediator, `//button[normalize-space()="Invia il rendiconto"]`)
		wantText(t, mediator, "Rendicontata")
		wantText(t, mediator, "1,75")
	})

	t.Run("the operator signs off", func(t *testing.T) {
		visitOK(t, operator, request)
		checkAxe(t, operator, request+" (sign-off)")
		chooseOption(t, operator, "rating", "5 - Ottimo")
		step(t, operator, chromedp.SendKeys(chromedp.CSS(`#f-comment`), "Puntuale e chiara"))
		submit(t, operator, `//button[normalize-space()="Approva l'intervento"]`)
		wantText(t, operator, "Approvata")
	})

	t.Run("the budget drops by the rounded hours", func(t *testing.T) {
		visitOK(t, coordinator, m.URL()+"/mediazione/budget")
		checkAxe(t, coordinator, "/mediazione/budget")
		if got := consumedHours(t, coordinator, m) - before; math.Abs(got-1.75) > 0.001 {
			t.Errorf("the budget consumed %.2f more hours, want 1.75 (100 minutes in 15-minute blocks)", got)
		}
	})
}

// freeHour is an hour of day, "hh:00", when mediator id has no booking
// that the request of the test (an hour and a half) would overlap: the
// demo books her on some days.
func freeHour(t *testing.T, m *Main, id int64, day time.Time) string {
	t.Helper()
	for h := 8; h <= 18; h++ {
		start := time.Date(day.Year(), day.Month(), day.Day(), h, 0, 0, 0, i18n.Rome)
		var n int
		err := m.DB.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM mediation_requests WHERE mediator_id = ?
			AND state IN ('assigned', 'confirmed', 'delivered', 'reported') AND starts_at < ? AND ends_at > ?`,
			id, start.Add(90*time.Minute).UTC(), start.UTC()).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return start.Format("15:04")
		}
	}
	t.Fatalf("mediator %d is booked all day on %s", id, day.Format(time.DateOnly))
	return ""
}

// mediationBrowserFixture makes sure the demo mediator has a mediator
// record speaking Arabic and that a funding line covers the coming days;
// it returns the mediator's name and ID.
func mediationBrowserFixture(t *testing.T, m *Main) (string, int64) {
	t.Helper()
	ctx := context.Background()
	var uid, org, mid int64
	var name string
	err := m.DB.QueryRowContext(ctx, `SELECT u.id, ms.org_id, u.name FROM users u JOIN memberships ms ON ms.user_id = u.id
		WHERE u.email = ? AND ms.role = ?`, demoEmail(auth.RoleMediator), string(auth.RoleMediator)).Scan(&uid, &org, &name)
	if err != nil {
		t.Fatal(err)
	}
	err = m.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT id FROM mediators WHERE user_id = ?`, uid).Scan(&mid); err != nil {
			if mid, err = db.InsertID(ctx, tx, `INSERT INTO mediators (user_id, provider_id, name, areas, ical_token, created_at, updated_at)
				VALUES (?, ?, ?, 'health', 'browser-fixture', ?, ?)`, uid, org, name, tx.Now, tx.Now); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO mediator_languages (mediator_id, language, level) VALUES (?, 'ar', 'native')
			ON CONFLICT (mediator_id, language) DO NOTHING`, mid); err != nil {
			return err
		}
		var lines int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM mediation_funding_lines WHERE active = ? AND starts_on <= ? AND ends_on >= ?`,
			true, tx.Now.AddDate(0, 0, -3), tx.Now.AddDate(0, 0, 3)).Scan(&lines); err != nil || lines > 0 {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO mediation_funding_lines (name, total_min, starts_on, ends_on, created_at)
			VALUES ('Linea di prova', 180000, ?, ?, ?)`, tx.Now.AddDate(-1, 0, 0), tx.Now.AddDate(1, 0, 0), tx.Now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.DB.QueryRowContext(ctx, `SELECT name FROM mediators WHERE id = ?`, mid).Scan(&name); err != nil {
		t.Fatal(err)
	}
	return name, mid
}

// consumedHours is what every funding line has consumed, as the budget
// API tells the coordinator in tab.
func consumedHours(t *testing.T, tab context.Context, m *Main) float64 {
	t.Helper()
	return step(t, tab, chromedp.Evaluate[float64](`fetch('/api/v1/mediation/budget').then(r => r.json())
		.then(b => b.lines.reduce((sum, l) => sum + l.consumed_hours, 0))`, chromedp.EvalAwaitPromise))
}

// moveRequestToYesterday shifts the request's slot two days back, as if
// the day had come and gone.
func moveRequestToYesterday(t *testing.T, m *Main, url string) {
	t.Helper()
	id := url[strings.LastIndex(url, "/")+1:]
	ctx := context.Background()
	err := m.DB.InTx(ctx, func(tx *db.Tx) error {
		var start, end time.Time
		if err := tx.QueryRowContext(ctx, `SELECT starts_at, ends_at FROM mediation_requests WHERE id = ?`, id).Scan(&start, &end); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE mediation_requests SET starts_at = ?, ends_at = ? WHERE id = ?`,
			start.Add(-48*time.Hour).UTC(), end.Add(-48*time.Hour).UTC(), id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
