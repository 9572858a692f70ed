package mediation_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/mediation"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func formValues(f mediation.Form) url.Values {
	return url.Values{"office": {f.Office}, "referent": {f.Referent}, "contact": {f.Contact}, "service": {string(f.Service)},
		"kind": {string(f.Kind)}, "language": {f.Language}, "nationality": {f.Nationality}, "mode": {string(f.Mode)},
		"urgency": {string(f.Urgency)}, "municipality": {f.ISTATCode}, "place": {f.Place}, "day": {f.Day}, "time": {f.Time},
		"duration": {strconv.Itoa(f.DurationMin)}, "weeks": {"1"}, "reason": {f.Reason}, "beneficiary": {f.Beneficiary}}
}

func TestRequestPagesWalkTheLifecycle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		op := w.env.Login(w.operator)
		res := op.Post("/mediazione", formValues(form(2, 10, 90)))
		res.WantStatus(t, http.StatusSeeOther)
		loc := res.Header.Get("Location")
		id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/mediazione/"), 10, 64)
		if err != nil {
			t.Fatalf("redirected to %q", loc)
		}
		op.Get(loc).WantBody(t, "Inviata", "Arabo", "Pronto soccorso")

		co := w.env.Login(w.coordinator)
		co.Post(loc+"/convalida", nil).WantStatus(t, http.StatusSeeOther)
		page := co.Get(loc)
		page.WantBody(t, "Abbinamento", "Amina", "Omar", "Budget residuo: 10 ore su 10.")
		if strings.Index(page.Body, "Amina") > strings.Index(page.Body, "Omar") {
			t.Errorf("Omar (C1, legal area, another municipality) ranks before Amina (native, health, Alessandria)")
		}
		co.Post(loc+"/assegna", url.Values{"mediator": {strconv.FormatInt(w.amina, 10)}}).WantStatus(t, http.StatusSeeOther)

		am := w.env.Login(w.aminaUser)
		am.Get("/mediazione").WantBody(t, "Arabo")
		am.Post(loc+"/conferma", nil).WantStatus(t, http.StatusSeeOther)
		if r := w.get(t, id); r.State != mediation.Confirmed || r.MediatorID != w.amina || r.HeldMin != 90 {
			t.Fatalf("after the pages: state %s, mediator %d, held %d", r.State, r.MediatorID, r.HeldMin)
		}
	})
}

func TestRequestPagesKeepInputAndExplainErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		op := w.env.Login(w.operator)
		v := formValues(form(2, 10, 90))
		v.Set("duration", "5")
		v.Set("language", "")
		res := op.Post("/mediazione", v)
		res.WantStatus(t, http.StatusUnprocessableEntity)
		res.WantBody(t, "La durata stimata va da 15 minuti a 12 ore.", "Scegli la lingua.", "Pronto soccorso", "Dott.ssa Rossi")

		id := w.mustBooked(t, form(2, 10, 90), w.amina)
		loc := mediation.RequestURL(id)
		res = op.Post(loc+"/annulla", url.Values{"reason": {""}})
		res.WantStatus(t, http.StatusUnprocessableEntity)
		res.WantBody(t, "Indica il motivo dell&#39;annullamento.")
		res = w.env.Login(w.coordinator).Post(loc+"/rifiuta", url.Values{"reason": {"troppo tardi"}})
		res.WantStatus(t, http.StatusConflict)
	})
}

func TestEachRoleSeesOnlyItsRequests(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		mine := w.mustBooked(t, form(2, 10, 60), w.amina)
		loc := mediation.RequestURL(mine)
		w.env.Login(w.operator).Get(loc).WantStatus(t, http.StatusOK)
		w.env.Login(w.aminaUser).Get(loc).WantStatus(t, http.StatusOK)
		w.env.Login(w.coordinator).Get(loc).WantStatus(t, http.StatusOK)
		// Another service and another mediator: as if it did not exist.
		w.env.Login(w.other).Get(loc).WantStatus(t, http.StatusNotFound)
		w.env.Login(w.omarUser).Get(loc).WantStatus(t, http.StatusNotFound)
		w.env.Login(w.other).Post(loc+"/annulla", url.Values{"reason": {"per errore"}}).WantStatus(t, http.StatusNotFound)
		w.env.Login(w.omarUser).Post(loc+"/conferma", nil).WantStatus(t, http.StatusNotFound)
		// A mediator cannot sign off their own delivery, nor an operator assign.
		w.env.Login(w.aminaUser).Post(loc+"/approva", url.Values{"rating": {"5"}}).WantStatus(t, http.StatusForbidden)
		w.env.Login(w.operator).Post(loc+"/assegna", url.Values{"mediator": {"1"}}).WantStatus(t, http.StatusForbidden)
		body := w.env.Login(w.other).Get("/mediazione").Body
		if strings.Contains(body, loc) || strings.Contains(body, "Assegnata: 1") {
			t.Errorf("another service's list shows request %d or counts it", mine)
		}
		w.env.Login(w.operator).Get("/mediazione").WantBody(t, loc, "Assegnata: 1")
		if r := w.get(t, mine); r.State != mediation.Assigned {
			t.Errorf("a refused action changed the request: %s", r.State)
		}
	})
}
