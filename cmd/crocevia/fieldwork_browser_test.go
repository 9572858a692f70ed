package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/device"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/e2e"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// TestFieldWorkOnPhone follows the monitoring loop on a phone-sized screen,
// as the people who do it would: the inspector fills in the checklist of an
// inspection in progress, finds one problem, signs the verbale and gets the
// PDF; the managing body answers the corrective action that followed; the
// Prefettura charges the finding, notifies it, hears the body's
// counter-deductions and applies the penalty computed from the contract.
func TestFieldWorkOnPhone(t *testing.T) {
	browser := e2e.Browser(t)
	m := startMain(t, dbtest.Target{Name: "sqlite", DataDir: t.TempDir()})
	insp, facility := fieldWorkFixture(t, m)
	base := m.URL() + "/ispezioni/" + strconv.FormatInt(insp, 10)

	inspector := phoneTab(t, browser, m, auth.RoleInspector)
	t.Run("the inspector fills in the checklist", func(t *testing.T) {
		visitOK(t, inspector, base+"/compila")
		first := `fieldset.answer:first-of-type`
		step(t, inspector,
			chromedp.Click(chromedp.CSS(first+` input[value="non_conforming"]`)),
			chromedp.SetValue(chromedp.CSS(first+` select`), "high"),
			chromedp.SendKeys(chromedp.CSS(first+` textarea`), "Estintore scaduto nel corridoio del primo piano."),
		)
		// Every other item conforms: the inspector ticks each one, then saves the list.
		step(t, inspector, chromedp.Evaluate[bool](`document.querySelectorAll('fieldset.answer').forEach(f => {
			if (!f.querySelector('input[type=radio]:checked')) f.querySelector('input[value="conforming"]').checked = true }); true`))
		submit(t, inspector, `//button[normalize-space()="Salva tutto"]`)
		wantText(t, inspector, "Segna come bozza di verbale")
	})
	t.Run("the inspector signs the verbale", func(t *testing.T) {
		submit(t, inspector, `//button[normalize-space()="Segna come bozza di verbale"]`)
		submit(t, inspector, `//button[normalize-space()="Firma il verbale"]`)
		wantText(t, inspector, "Impronta SHA-256 del PDF conservato")
		wantText(t, inspector, "Estintore scaduto")
		for _, url := range []string{base + "/verbale.pdf", m.URL() + "/inspections/" + strconv.FormatInt(insp, 10) + "/verbale.pdf"} {
			if head := fetchHead(t, inspector, url); !strings.HasPrefix(head, "application/pdf %PDF") {
				t.Fatalf("%s: got %q, want a PDF", url, head)
			}
		}
	})

	manager := phoneTab(t, browser, m, auth.RoleFacilityManager)
	t.Run("the managing body answers the corrective action", func(t *testing.T) {
		visitOK(t, manager, m.URL()+"/azioni-correttive?facility="+facility)
		submit(t, manager, `//a[contains(., "`+firstItemText(t, m, insp)+`")]`)
		step(t, manager, chromedp.SendKeys(chromedp.CSS(`textarea[name="remedy"]`), "Estintore sostituito e revisionato il 3 novembre."))
		submit(t, manager, `//form[.//textarea[@name="remedy"]]//button[@type="submit"]`)
		wantText(t, manager, "Risposta registrata.")
	})

	officer := phoneTab(t, browser, m, auth.RolePrefettura)
	var contestation string
	t.Run("the Prefettura charges the finding and notifies it by PEC", func(t *testing.T) {
		visitOK(t, officer, base)
		submit(t, officer, `//a[normalize-space()="Avvia una contestazione"]`)
		step(t, officer, chromedp.Click(chromedp.CSS(`input[name="answer"]`)))
		submit(t, officer, `//button[normalize-space()="Crea la bozza"]`)
		contestation = step(t, officer, chromedp.Location())
		wantText(t, officer, "Totale calcolato")
		submit(t, officer, `//button[normalize-space()="Registra la notifica"]`)
		wantText(t, officer, "Notificata")
	})
	t.Run("the managing body files its counter-deductions", func(t *testing.T) {
		visitOK(t, manager, contestation)
		step(t, manager, chromedp.SendKeys(chromedp.CSS(`textarea[name="reply"]`), "L'estintore è stato sostituito il giorno stesso del sopralluogo."))
		submit(t, manager, `//button[normalize-space()="Invia le controdeduzioni"]`)
	})
	t.Run("the Prefettura decides and the computed penalty applies", func(t *testing.T) {
		visitOK(t, officer, contestation)
		total := step(t, officer, chromedp.Text(chromedp.CSS(`tfoot strong`)))
		if !strings.Contains(total, "€") || strings.Contains(total, "€ 0,00") {
			t.Fatalf("computed penalty %q; want an amount in euro", total)
		}
		step(t, officer,
			chromedp.Click(chromedp.CSS(`#f-decision-penalty`)),
			chromedp.SendKeys(chromedp.CSS(`textarea[name="reason"]`), "Le controdeduzioni non escludono l'inadempimento accertato."))
		submit(t, officer, `//button[normalize-space()="Registra la decisione"]`)
		wantText(t, officer, "Penale applicata")
		wantText(t, officer, total)
	})
}

// fieldWorkFixture picks a demo inspection in progress at a facility of the
// demo managing body, with the demo inspector presiding its commission.
func fieldWorkFixture(t *testing.T, m *Main) (id int64, facility string) {
	t.Helper()
	manager, err := m.Auth.UserByEmail(context.Background(), m.DB, demoEmail(auth.RoleFacilityManager))
	if err != nil {
		t.Fatal(err)
	}
	err = m.DB.QueryRowContext(context.Background(), `SELECT i.id, f.code FROM inspections i
		JOIN facilities f ON f.id = i.facility_id WHERE i.state = 'in_progress' AND f.managing_body_id = ?
		ORDER BY i.id LIMIT 1`, manager.PrimaryOrgID()).Scan(&id, &facility)
	if err != nil {
		t.Fatalf("no demo inspection in progress for the demo managing body: %v", err)
	}
	return id, facility
}

// firstItemText is the checklist text of the inspection's first item, the
// one the test finds non-conforming; the action is listed under it.
func firstItemText(t *testing.T, m *Main, insp int64) string {
	t.Helper()
	var text string
	err := m.DB.QueryRowContext(context.Background(), `SELECT item_text FROM corrective_actions WHERE inspection_id = ?`, insp).Scan(&text)
	if err != nil {
		t.Fatalf("the signed verbale gave no corrective action: %v", err)
	}
	if i := strings.IndexAny(text, `"`); i > 0 {
		text = text[:i]
	}
	return text
}

// phoneTab is a tab of its own, the size of a phone, logged in as role.
func phoneTab(t *testing.T, browser context.Context, m *Main, role auth.Role) context.Context {
	t.Helper()
	tab := e2e.Tab(t, browser)
	step(t, tab, chromedp.Emulate(device.Pixel5))
	if err := e2e.Login(tab, m.URL(), demoEmail(role), demo.Password); err != nil {
		t.Fatal(err)
	}
	return tab
}

// step does the steps in tab, failing t on the first that fails.
func step[T any](t *testing.T, tab context.Context, steps ...chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	var last T
	for _, step := range steps {
		var err error
		if last, err = chromedp.Run(ctx, step); err != nil {
			t.Fatal(err)
		}
	}
	return last
}

func visitOK(t *testing.T, tab context.Context, url string) {
	t.Helper()
	resp, err := e2e.Visit(tab, url)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 200 {
		t.Fatalf("GET %s: status %d", url, resp.Status)
	}
}

// submit clicks the element at xpath and waits for the page it leads to;
// a page answering 4xx or 5xx fails the test with its error summary. The
// click is scripted: it does not aim at screen coordinates, which a long
// form still laying itself out, or a loaded machine, can move under a
// simulated one.
func submit(t *testing.T, tab context.Context, xpath string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitReady(chromedp.Search(xpath))); err != nil {
		t.Fatalf("find %s: %v", xpath, err)
	}
	js := `(document.evaluate(` + strconv.Quote(xpath) + `, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue.click(), true)`
	click := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Evaluate[bool](js)(ctx, tg)
		return chromedp.Void{}, err
	}
	resp, err := chromedp.RunResponse(ctx, click)
	if err != nil {
		t.Fatalf("click %s: %v", xpath, err)
	}
	if resp.Status >= 400 {
		msg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('.form-error-summary')||{}).textContent||''`))
		t.Fatalf("click %s: status %d at %s: %s", xpath, resp.Status, resp.URL, strings.TrimSpace(msg))
	}
}

// wantText fails t unless the page in tab shows text.
func wantText(t *testing.T, tab context.Context, text string) {
	t.Helper()
	body := step(t, tab, chromedp.Text(chromedp.CSS("main")))
	if !strings.Contains(body, text) {
		t.Fatalf("the page does not show %q:\n%s", text, body)
	}
}

// fetchHead downloads url with the tab's session and returns its content
// type and first four bytes, as "type %PDF".
func fetchHead(t *testing.T, tab context.Context, url string) string {
	t.Helper()
	return step(t, tab, chromedp.Evaluate[string](`fetch(`+strconv.Quote(url)+`).then(async r =>
		r.headers.get('Content-Type') + ' ' + (await r.text()).slice(0, 4))`, chromedp.EvalAwaitPromise))
}
