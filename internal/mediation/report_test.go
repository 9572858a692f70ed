package mediation

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/tabular"
)

// reportFixture writes the requests whose figures the tests compute by
// hand. Period March–April 2026 (Rome); every request is sent three days
// before its slot unless said otherwise.
//
//	A health ar in person  comune 0  m1  2 Mar  approved 90 min, rating 5
//	B health ar in person  comune 0  m1 10 Mar  approved 60 min, rating 3, sent 1 day before
//	C school zh phone                m2 15 Mar  no-show 60 min
//	D school zh video                m2  1 Apr  cancelled late 60 min, sent 10 days before
//	E social ar in person  comune 1      5 Apr  refused
//	F health zh in person  comune 0     10 Apr  validated, never assigned: unmet
//	G health ar phone                m1 20 Apr  cancelled in time: not due
//	H health ar                         20 Apr  draft: not counted at all
//	I health ar                      m1  2 May  outside the period
//	J health ar phone                m1 30 Apr 22:30 UTC = 1 May in Rome: outside
//	K health ar phone                m1 28 Feb 23:30 UTC = 1 Mar in Rome: inside, delivered, sent 2 days before
type reportFixture struct {
	*budgetFixture
	m1, m2 int64
	period ReportPeriod
	now    time.Time
}

func newReportFixture(t *testing.T, d *db.DB) *reportFixture {
	f := &reportFixture{budgetFixture: newBudgetFixture(t, d), now: time.Date(2026, 5, 15, 12, 0, 0, 0, time.UTC)}
	f.m1, f.m2 = f.mediator("Amina Mediatrice"), f.mediator("Li Wei")
	line := f.line("Progetto", 180000, budgetDate(2026, 1, 1), budgetDate(2026, 12, 31), DefaultPolicy)
	at := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 9, 0, 0, 0, time.UTC) }
	c0, c1 := f.istat[0], f.istat[1]
	f.request(fixtureRequest{istat: c0, mediator: f.m1, line: line, start: at(3, 2), state: Approved, counted: 90, rating: 5,
		approved: at(3, 3), office: "Pronto soccorso"})
	f.request(fixtureRequest{istat: c0, mediator: f.m1, line: line, start: at(3, 10), state: Approved, counted: 60, rating: 3,
		sent: at(3, 9), approved: at(3, 11)})
	f.request(fixtureRequest{service: School, lang: "zh", mode: Phone, mediator: f.m2, line: line, start: at(3, 15), state: NoShow, counted: 60})
	f.request(fixtureRequest{service: School, lang: "zh", mode: Video, mediator: f.m2, line: line, start: at(4, 1), state: CancelledLate,
		counted: 60, sent: at(3, 22)})
	f.request(fixtureRequest{service: Social, istat: c1, start: at(4, 5), state: Refused})
	f.request(fixtureRequest{lang: "zh", istat: c0, start: at(4, 10), state: Validated})
	f.request(fixtureRequest{mode: Phone, mediator: f.m1, start: at(4, 20), state: CancelledTime})
	f.request(fixtureRequest{start: at(4, 20), state: Draft})
	f.request(fixtureRequest{istat: c0, mediator: f.m1, line: line, start: at(5, 2), state: Approved, counted: 60})
	f.request(fixtureRequest{mode: Phone, mediator: f.m1, line: line, start: time.Date(2026, 4, 30, 22, 30, 0, 0, time.UTC),
		state: Approved, counted: 60})
	k := time.Date(2026, 2, 28, 23, 30, 0, 0, time.UTC)
	f.request(fixtureRequest{mode: Phone, mediator: f.m1, line: line, start: k, state: Delivered, held: 60, sent: k.Add(-48 * time.Hour)})
	var err error
	if f.period, err = ParsePeriod("2026-03", "2026-04", f.now); err != nil {
		t.Fatal(err)
	}
	return f
}

func reportLineOf(t *testing.T, rep *Report, dim, key string) *ReportLine {
	t.Helper()
	for _, g := range rep.Groups {
		if g.Key != dim {
			continue
		}
		for _, l := range g.Lines {
			if l.Key == key {
				return l
			}
		}
	}
	t.Fatalf("no line %s in %s", key, dim)
	return nil
}

func TestReportFigures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newReportFixture(t, d)
		rep, err := BuildReport(context.Background(), d, f.period, f.now)
		if err != nil {
			t.Fatal(err)
		}
		t.Run("the totals count the period's requests by their Rome date", func(t *testing.T) {
			o := rep.Overall
			got := [8]int{o.Requests, o.Due, o.Fulfilled, o.NoShows, o.LateCancelled, o.Unmet, o.CountedMin, o.Rated}
			if want := [8]int{8, 7, 3, 1, 1, 2, 270, 2}; got != want {
				t.Errorf("requests, due, fulfilled, no-shows, late, unmet, minutes, rated = %v; want %v", got, want)
			}
			if o.LeadMedian != 3 || o.Satisfaction() != 4 {
				t.Errorf("lead median = %v, satisfaction = %v; want 3 and 4", o.LeadMedian, o.Satisfaction())
			}
			if r := o.FulfilmentRate(); r < 42.85 || r > 42.86 {
				t.Errorf("fulfilment = %v; want 3/7", r)
			}
		})
		t.Run("by language, with unmet demand and an even median", func(t *testing.T) {
			ar, zh := reportLineOf(t, rep, "lingua", "ar"), reportLineOf(t, rep, "lingua", "zh")
			if ar.Label != "Arabo" || ar.Requests != 5 || ar.Due != 4 || ar.Fulfilled != 3 || ar.Unmet != 1 || ar.CountedMin != 150 {
				t.Errorf("arabic = %+v", ar)
			}
			if ar.LeadMedian != 2.5 {
				t.Errorf("arabic lead median = %v; want 2.5 (1, 2, 3, 3)", ar.LeadMedian)
			}
			if zh.Requests != 3 || zh.Fulfilled != 0 || zh.NoShows != 1 || zh.LateCancelled != 1 || zh.Unmet != 1 || zh.LeadMedian != 3 {
				t.Errorf("chinese = %+v", zh)
			}
			if zh.NoShowRate() < 33.3 || zh.NoShowRate() > 33.4 || zh.HasLead != true {
				t.Errorf("chinese no-show rate = %v; want 1/3", zh.NoShowRate())
			}
		})
		t.Run("by month in Rome time", func(t *testing.T) {
			mar, apr := reportLineOf(t, rep, "mese", "2026-03"), reportLineOf(t, rep, "mese", "2026-04")
			if mar.Requests != 4 || apr.Requests != 4 || mar.CountedMin != 210 || apr.CountedMin != 60 {
				t.Errorf("march = %+v, april = %+v", mar, apr)
			}
		})
		t.Run("by mediator, municipality, mode and service", func(t *testing.T) {
			checks := []struct {
				dim, key, label string
				requests        int
			}{
				{"mediatore", itoa(f.m1), "Amina Mediatrice", 4},
				{"mediatore", itoa(f.m2), "Li Wei", 2},
				{"mediatore", "0", "Nessun mediatore assegnato", 2},
				{"comune", f.istat[0], "", 3},
				{"comune", "", "Nessun comune (telefonica o video)", 4},
				{"comune", f.istat[1], "", 1},
				{"modalita", "in_person", "In presenza", 4},
				{"modalita", "phone", "Telefonica", 3},
				{"modalita", "video", "Video", 1},
				{"servizio", "health", "Sanità", 5},
				{"servizio", "school", "Scuola", 2},
				{"servizio", "social", "Servizi sociali", 1},
			}
			for _, c := range checks {
				l := reportLineOf(t, rep, c.dim, c.key)
				if l.Requests != c.requests || (c.label != "" && l.Label != c.label) || l.Label == "" {
					t.Errorf("%s %q = %q with %d requests; want %q with %d", c.dim, c.key, l.Label, l.Requests, c.label, c.requests)
				}
			}
		})
	})
}

func TestParsePeriod(t *testing.T) {
	now := time.Date(2026, 5, 15, 12, 0, 0, 0, time.UTC)
	p, err := ParsePeriod("", "", now)
	if err != nil || p.From.Format("2006-01") != "2025-06" || p.To.Format("2006-01") != "2026-05" {
		t.Errorf("default = %v – %v (%v); want June 2025 – May 2026", p.From, p.To, err)
	}
	for _, c := range [][2]string{{"2026-13", ""}, {"2026-05", "2026-04"}, {"2020-01", "2026-01"}, {"maggio", ""}} {
		if _, err := ParsePeriod(c[0], c[1], now); err == nil {
			t.Errorf("%v accepted", c)
		}
	}
}

func TestReportPagesAndExports(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newReportFixture(t, d)
		c := f.env.Login(f.coordinator)
		q := "?dal=2026-03&al=2026-04"
		t.Run("the page shows every grouping", func(t *testing.T) {
			res := c.Get(reportURL + q)
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, "Per lingua", "Arabo", "Amina Mediatrice", "Nessun mediatore assegnato", "42,9%", "2026-04", "Cedolino mensile",
				`href="/mediazione/report/export.csv?dal=2026-03&amp;al=2026-04"`)
			c.Get(reportURL+"?dal=2026-13").WantStatus(t, http.StatusUnprocessableEntity)
			f.env.Login(f.operator).Get(reportURL).WantStatus(t, http.StatusNotFound)
		})
		t.Run("the CSV has the header and the hand-computed totals", func(t *testing.T) {
			res := c.Get(reportURL + "/export.csv" + q)
			res.WantStatus(t, http.StatusOK)
			rows, err := csv.NewReader(strings.NewReader(res.Body)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if rows[0][0] != "Sezione" || len(rows[0]) != len(reportHeader) {
				t.Errorf("header = %v", rows[0])
			}
			want := []string{"Totale", "Totale", "8", "7", "3", "4.50", "42.9", "2", "3.0", "14.3", "14.3", "4.00"}
			if strings.Join(rows[1], "|") != strings.Join(want, "|") {
				t.Errorf("total row = %v; want %v", rows[1], want)
			}
			if !strings.Contains(res.Body, "Per lingua,Arabo,5,4,3,2.50") {
				t.Errorf("no Arabic row in\n%s", res.Body)
			}
		})
		t.Run("the XLSX holds the same rows, figures as numbers", func(t *testing.T) {
			res := c.Get(reportURL + "/export.xlsx" + q)
			res.WantStatus(t, http.StatusOK)
			rows, err := tabular.Read([]byte(res.Body), tabular.Options{RawXLSX: true})
			if err != nil {
				t.Fatal(err)
			}
			if rows[1][0] != "Totale" || rows[1][2] != "8" || rows[1][5] != "4.5" {
				t.Errorf("total row = %v", rows[1])
			}
		})
	})
}

func TestTimesheet(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newReportFixture(t, d)
		march := time.Date(2026, 3, 1, 0, 0, 0, 0, romeZone)
		ts, err := TimesheetOf(context.Background(), d, f.m1, march)
		if err != nil {
			t.Fatal(err)
		}
		t.Run("it lists the approved interventions of the month, not the ones awaiting sign-off", func(t *testing.T) {
			if len(ts.Entries) != 2 || ts.TotalMin != 150 || !strings.Contains(ts.Entries[0].Requester(), "Pronto soccorso") {
				t.Errorf("entries = %+v, total %d; want the two approvals, 150 minutes", ts.Entries, ts.TotalMin)
			}
		})
		t.Run("the PDF is produced", func(t *testing.T) {
			pdf, err := ts.PDF(f.now)
			if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
				t.Errorf("pdf = %q…, %v", pdf[:min(len(pdf), 8)], err)
			}
		})
		t.Run("the page serves it to coordinators", func(t *testing.T) {
			c := f.env.Login(f.coordinator)
			res := c.Get(reportURL + "/cedolino.pdf?mediatore=" + itoa(f.m1) + "&mese=2026-03")
			res.WantStatus(t, http.StatusOK)
			if !strings.HasPrefix(res.Body, "%PDF") || res.Header.Get("Content-Type") != "application/pdf" {
				t.Errorf("answer %q is not a PDF", res.Header.Get("Content-Type"))
			}
			c.Get(reportURL+"/cedolino.pdf?mediatore=99999&mese=2026-03").WantStatus(t, http.StatusNotFound)
			c.Get(reportURL+"/cedolino.pdf?mediatore="+itoa(f.m1)+"&mese=marzo").WantStatus(t, http.StatusUnprocessableEntity)
			f.env.Login(f.operator).Get(reportURL+"/cedolino.pdf?mediatore="+itoa(f.m1)+"&mese=2026-03").
				WantStatus(t, http.StatusNotFound)
		})
	})
}
