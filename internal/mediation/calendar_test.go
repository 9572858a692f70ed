package mediation_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/crocevia/crocevia/internal/mediation"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// calendarWeek books the week of Monday 7 December 2026: Amina for the
// ASL on Tuesday and for the Comune on Thursday, Omar for the ASL on
// Wednesday (with an offer to Amina too), a request still waiting, one
// cancelled late, and Amina again the following week.
type calendarWeek struct {
	aslAmina, comuneAmina, aslOmar, waiting, cancelled, nextWeek int64
}

func mustCalendarWeek(t *testing.T, w *medWorld) calendarWeek {
	t.Helper()
	var c calendarWeek
	c.aslAmina = w.mustBook(t, booking{org: w.asl, mediator: w.aminaID, state: mediation.Confirmed, start: rome(2026, 12, 8, 10, 0)})
	c.comuneAmina = w.mustBook(t, booking{org: w.comun, mediator: w.aminaID, state: mediation.Assigned, start: rome(2026, 12, 10, 15, 0), language: "fr"})
	c.aslOmar = w.mustBook(t, booking{org: w.asl, mediator: w.omarID, state: mediation.Delivered, start: rome(2026, 12, 9, 9, 0), language: "ur"})
	c.waiting = w.mustBook(t, booking{org: w.asl, state: mediation.Sent, start: rome(2026, 12, 9, 11, 0)})
	c.cancelled = w.mustBook(t, booking{org: w.asl, mediator: w.aminaID, state: mediation.CancelledLate, start: rome(2026, 12, 11, 11, 0)})
	c.nextWeek = w.mustBook(t, booking{org: w.asl, mediator: w.aminaID, state: mediation.Confirmed, start: rome(2026, 12, 15, 10, 0)})
	w.env.InTx(func(ctx context.Context, tx *db.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO mediation_offers (request_id, mediator_id, offered_at) VALUES (?, ?, ?)`,
			c.aslOmar, w.aminaID, tx.Now)
		return err
	})
	return c
}

// shown lists which of ids the page links to.
func shown(body string, ids ...int64) map[int64]bool {
	out := map[int64]bool{}
	for _, id := range ids {
		out[id] = strings.Contains(body, `href="`+mediation.RequestURL(id)+`"`)
	}
	return out
}

func TestCalendarShowsEachRoleItsBookings(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustMedWorld(t, d)
		c := mustCalendarWeek(t, w)
		all := []int64{c.aslAmina, c.comuneAmina, c.aslOmar, c.waiting, c.cancelled, c.nextWeek}
		week := "/mediazione/calendario?vista=settimana&data=2026-12-09"
		tests := []struct {
			name string
			who  *auth.User
			path string
			want []int64
		}{
			{"a coordinator sees every booking of the week", w.coordinator, week, []int64{c.aslAmina, c.comuneAmina, c.aslOmar}},
			{"a coordinator narrows it to one mediator", w.coordinator, week + "&mediatore=" + idOf(w.omarID), []int64{c.aslOmar}},
			{"a mediator sees their bookings, not the offers", w.amina, week, []int64{c.aslAmina, c.comuneAmina}},
			{"a mediator cannot look at another's", w.amina, week + "&mediatore=" + idOf(w.omarID), []int64{c.aslAmina, c.comuneAmina}},
			{"a service sees its organisation's requests", w.operator, week, []int64{c.aslAmina, c.aslOmar}},
			{"another service sees its own", w.otherOp, week, []int64{c.comuneAmina}},
			{"the month shows the following week too", w.amina, "/mediazione/calendario?vista=mese&data=2026-12-09",
				[]int64{c.aslAmina, c.comuneAmina, c.nextWeek}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				res := w.env.Login(tc.who).Get(tc.path)
				res.WantStatus(t, http.StatusOK)
				want := map[int64]bool{}
				for _, id := range tc.want {
					want[id] = true
				}
				for id, ok := range shown(res.Body, all...) {
					if ok != want[id] {
						t.Errorf("request %d shown = %v; want %v", id, ok, want[id])
					}
				}
			})
		}
		t.Run("nobody else has a calendar", func(t *testing.T) {
			w.env.Login(w.stranger).Get(week).WantStatus(t, http.StatusNotFound)
			w.env.Anonymous().Get(week).WantStatus(t, http.StatusSeeOther)
		})
	})
}

func TestCalendarViewsAndNavigation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustMedWorld(t, d)
		mustCalendarWeek(t, w)
		coord := w.env.Login(w.coordinator)
		res := coord.Get("/mediazione/calendario?vista=settimana&data=2026-12-09&mediatore=" + idOf(w.aminaID))
		res.WantBody(t, "Settimana dal 7 dicembre 2026 al 13 dicembre 2026", "Martedì 8 dicembre 2026", "10:00–11:30",
			"Arabo", "ASL di prova · Sanità", "Alessandria, Via Venezia 6", "Confermata", "Amina Benali",
			`href="/mediazione/calendario?data=2026-11-30&amp;mediatore=`+idOf(w.aminaID)+`&amp;vista=settimana"`,
			`href="/mediazione/calendario?data=2026-12-14&amp;mediatore=`+idOf(w.aminaID)+`&amp;vista=settimana"`,
			"Vista mese", `<option value="`+idOf(w.aminaID)+`" selected>`)
		res = w.env.Login(w.amina).Get("/mediazione/calendario?vista=mese&data=2026-12-31")
		res.WantBody(t, "dicembre 2026", `<th scope="col">Lunedì</th>`, `href="/mediazione/calendario?data=2026-11-01&amp;vista=mese"`,
			`href="/mediazione/calendario?data=2027-01-01&amp;vista=mese"`, "10:00–11:30 Arabo", "Vista settimana")
		if strings.Contains(res.Body, `name="mediatore"`) {
			t.Error("a mediator is offered the coordinators' filter")
		}
		t.Run("the week the clocks go back keeps a late slot on its Rome day", func(t *testing.T) {
			id := w.mustBook(t, booking{org: w.asl, mediator: w.omarID, state: mediation.Confirmed, start: rome(2026, 10, 25, 23, 0), minutes: 30})
			res := coord.Get("/mediazione/calendario?data=2026-10-21")
			res.WantBody(t, "Settimana dal 19 ottobre 2026 al 25 ottobre 2026", "23:00–23:30")
			sunday := res.Body[strings.Index(res.Body, `id="giorno-2026-10-25"`):]
			if !strings.Contains(sunday, `href="`+mediation.RequestURL(id)+`"`) {
				t.Error("Sunday's 23:00 slot is not under Sunday")
			}
			if shown(coord.Get("/mediazione/calendario?data=2026-10-26").Body, id)[id] {
				t.Error("Sunday's slot leaks into the following week")
			}
		})
		t.Run("a bad date falls back to today", func(t *testing.T) {
			coord.Get("/mediazione/calendario?data=ieri&vista=boh").WantBody(t, "Settimana dal", "Oggi")
		})
	})
}

func TestICalFeedReadsBack(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustMedWorld(t, d)
		start := time.Now().Add(72 * time.Hour).Truncate(time.Hour).UTC()
		private := booking{org: w.asl, mediator: w.aminaID, state: mediation.Confirmed, start: start, minutes: 120,
			reason: "Visita ginecologica di controllo", beneficiary: "Paziente-4711"}
		booked := w.mustBook(t, private)
		video := w.mustBook(t, booking{org: w.comun, mediator: w.aminaID, state: mediation.Assigned, start: start.Add(24 * time.Hour),
			mode: mediation.Video, language: "fr"})
		done := w.mustBook(t, booking{org: w.asl, mediator: w.aminaID, state: mediation.Approved, start: start.Add(-20 * 24 * time.Hour)})
		w.mustBook(t, booking{org: w.asl, mediator: w.aminaID, state: mediation.CancelledTime, start: start})
		w.mustBook(t, booking{org: w.asl, mediator: w.omarID, state: mediation.Confirmed, start: start, language: "ur"})
		m := w.mustMediator(t, w.aminaID)

		res := w.env.Anonymous().Get(m.FeedURL())
		res.WantStatus(t, http.StatusOK)
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/calendar") {
			t.Errorf("Content-Type = %q", ct)
		}
		if !strings.HasPrefix(res.Body, "BEGIN:VCALENDAR\r\n") {
			t.Error("iCalendar lines must end in CRLF")
		}
		for _, secret := range []string{private.reason, private.beneficiary, "Consultorio"} {
			if strings.Contains(res.Body, secret) {
				t.Errorf("the feed carries %q", secret)
			}
		}
		cal, err := ics.ParseCalendar(strings.NewReader(res.Body))
		if err != nil {
			t.Fatalf("parse: %v\n%s", err, res.Body)
		}
		events := map[string]*ics.VEvent{}
		for _, e := range cal.Events() {
			events[e.Id()] = e
		}
		if len(events) != 3 || events[mediation.FeedUID(booked)] == nil || events[mediation.FeedUID(video)] == nil ||
			events[mediation.FeedUID(done)] == nil {
			t.Fatalf("events %v; want the confirmed, the assigned and the approved request, not the cancelled nor Omar's", keys(events))
		}
		e := events[mediation.FeedUID(booked)]
		st, err1 := e.GetStartAt()
		en, err2 := e.GetEndAt()
		if err1 != nil || err2 != nil || !st.Equal(start) || !en.Equal(start.Add(2*time.Hour)) {
			t.Errorf("slot %s–%s (%v, %v); want %s for two hours", st, en, err1, err2, start)
		}
		if raw := e.GetProperty(ics.ComponentPropertyDtStart).Value; !strings.HasSuffix(raw, "Z") {
			t.Errorf("DTSTART %q is not UTC", raw)
		}
		if s := e.GetProperty(ics.ComponentPropertySummary).Value; s != "Arabo – ASL di prova (Sanità)" {
			t.Errorf("SUMMARY = %q", s)
		}
		if l := e.GetProperty(ics.ComponentPropertyLocation).Value; l != "Via Venezia 6, Alessandria" {
			t.Errorf("LOCATION = %q", l)
		}
		if l := events[mediation.FeedUID(video)].GetProperty(ics.ComponentPropertyLocation).Value; l != "Video" {
			t.Errorf("a video call's LOCATION = %q", l)
		}
		if st := events[mediation.FeedUID(video)].GetProperty(ics.ComponentPropertyStatus).Value; st != "TENTATIVE" {
			t.Errorf("an assignment not yet confirmed has STATUS %q", st)
		}

		t.Run("an unknown or old secret finds nothing", func(t *testing.T) {
			anon := w.env.Anonymous()
			anon.Get("/mediazione/calendario/"+strings.Repeat("x", 43)+".ics").WantStatus(t, http.StatusNotFound)
			anon.Get("/mediazione/calendario/"+m.ICalToken).WantStatus(t, http.StatusNotFound)
			amina := w.env.Login(w.amina)
			page := amina.Get(m.URL())
			page.WantBody(t, "http://example.com"+m.FeedURL())
			amina.Post(m.URL()+"/calendario/rigenera", nil).WantStatus(t, http.StatusSeeOther)
			anon.Get(m.FeedURL()).WantStatus(t, http.StatusNotFound)
			anon.Get(w.mustMediator(t, w.aminaID).FeedURL()).WantStatus(t, http.StatusOK)
		})
	})
}

func keys(m map[string]*ics.VEvent) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
