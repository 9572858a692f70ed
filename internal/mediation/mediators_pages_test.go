package mediation_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/mediation"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestCoordinatorAddsAMediatorThroughTheForm(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustMedWorld(t, d)
		c := w.env.Login(w.coordinator)
		c.Get("/mediazione/mediatori/nuovo").WantBody(t, "Nuovo mediatore", "Lingue e livello", "Lingua dei segni italiana (LIS)",
			"Comuni coperti in presenza", "Alessandria")
		res := c.Post("/mediazione/mediatori", url.Values{"name": {"Testo da conservare"}, "email": {"sbagliata"},
			"lang_ur": {"B2"}, "mode": {"in_person"}, "area": {"health"}, "notes": {"Disponibile anche il sabato"}})
		res.WantStatus(t, http.StatusUnprocessableEntity)
		res.WantBody(t, "Scegli l&#39;ente di appartenenza.", "Indica un indirizzo e-mail valido.",
			"Per gli interventi in presenza indica almeno un comune.", "Testo da conservare", "Disponibile anche il sabato",
			`<option value="B2" selected>`, `id="f-area-health" value="health" checked`)
		form := url.Values{"name": {"Fatima Zahra"}, "provider": {idOf(w.provider)}, "lang_ar": {"native"}, "lang_fr": {"C1"},
			"mode": {"in_person", "video"}, "area": {"health", "school"}, "municipality": {"006003"}, "active": {"1"}}
		res = c.Post("/mediazione/mediatori", form)
		res.WantStatus(t, http.StatusSeeOther)
		page := c.Follow(res)
		page.WantBody(t, "Mediatore aggiunto.", "Fatima Zahra", "Arabo · Madrelingua", "Francese · C1", "Sanitaria, Scolastica",
			"In presenza, Video", "Alessandria", "Non disponibile", "Rigenera l&#39;indirizzo", ".ics")

		t.Run("the list filters by language", func(t *testing.T) {
			res := c.Get("/mediazione/mediatori?lingua=fr")
			res.WantBody(t, "Fatima Zahra", "Amina Benali")
			if strings.Contains(res.Body, "Omar Khan") {
				t.Error("Omar speaks no French, yet is listed")
			}
		})
		t.Run("the edit form keeps the profile", func(t *testing.T) {
			id := strings.TrimPrefix(res.Header.Get("Location"), "/mediazione/mediatori/")
			c.Get("/mediazione/mediatori/"+id+"/modifica").WantBody(t, `value="Fatima Zahra"`, `<option value="native" selected>`)
			form.Set("lang_fr", "")
			form.Set("name", "Fatima Zahra El Idrissi")
			c.Post("/mediazione/mediatori/"+id+"/modifica", form).WantStatus(t, http.StatusSeeOther)
			got := c.Get("/mediazione/mediatori/" + id)
			got.WantBody(t, "Profilo aggiornato.", "Fatima Zahra El Idrissi")
			if strings.Contains(got.Body, "Francese") {
				t.Error("French was removed but is still shown")
			}
		})
	})
}

func TestAMediatorSeesOnlyTheirOwnProfile(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustMedWorld(t, d)
		amina, omarPage := w.env.Login(w.amina), "/mediazione/mediatori/"+idOf(w.omarID)
		own := "/mediazione/mediatori/" + idOf(w.aminaID)
		res := amina.Get("/mediazione/profilo")
		res.WantStatus(t, http.StatusSeeOther)
		if loc := res.Header.Get("Location"); loc != own {
			t.Errorf("/mediazione/profilo leads to %q; want %q", loc, own)
		}
		amina.Get(own).WantBody(t, "Amina Benali", "Modifica la disponibilità", "Aggiungi un&#39;assenza")
		if strings.Contains(amina.Get(own).Body, "Modifica il profilo") {
			t.Error("a mediator is offered the profile form")
		}
		for _, path := range []string{omarPage, omarPage + "/disponibilita", "/mediazione/mediatori", own + "/modifica",
			"/mediazione/mediatori/nuovo", "/mediazione/mediatori/999999"} {
			amina.Get(path).WantStatus(t, http.StatusNotFound)
		}
		for _, path := range []string{omarPage + "/disponibilita", omarPage + "/assenze", omarPage + "/calendario/rigenera",
			own + "/modifica", "/mediazione/mediatori"} {
			amina.Post(path, url.Values{}).WantStatus(t, http.StatusNotFound)
		}
		t.Run("nor does anyone outside mediation", func(t *testing.T) {
			for _, u := range []*auth.User{w.operator, w.stranger} {
				c := w.env.Login(u)
				for _, path := range []string{own, "/mediazione/mediatori", "/mediazione/profilo"} {
					c.Get(path).WantStatus(t, http.StatusNotFound)
				}
			}
		})
		t.Run("a mediator without a profile is told so", func(t *testing.T) {
			newcomer := w.env.UserIn(w.provider, "nuova@example.org", auth.RoleMediator)
			w.env.Login(newcomer).Get("/mediazione/profilo").WantBody(t, "non è ancora collegato a un profilo di mediatore")
		})
	})
}

func TestAvailabilityAndLeaveForms(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustMedWorld(t, d)
		amina := w.env.Login(w.amina)
		own := "/mediazione/mediatori/" + idOf(w.aminaID)
		amina.Get(own+"/disponibilita").WantBody(t, "Lunedì", "Domenica", `name="w1_0_from"`, `name="w7_1_to"`)
		res := amina.Post(own+"/disponibilita", url.Values{"w1_0_from": {"09:00"}, "w1_0_to": {"13:00"},
			"w2_0_from": {"14:00"}, "w2_0_to": {"nove"}, "w3_0_from": {"10:00"}, "w3_0_to": {"09:00"}})
		res.WantStatus(t, http.StatusUnprocessableEntity)
		res.WantBody(t, "Indica inizio e fine di ogni fascia nel formato hh:mm.", `value="nove"`, `value="09:00"`)
		res = amina.Post(own+"/disponibilita", url.Values{"w3_0_from": {"10:00"}, "w3_0_to": {"09:00"}})
		res.WantStatus(t, http.StatusUnprocessableEntity)
		res.WantBody(t, "L&#39;orario di fine deve seguire quello di inizio, nello stesso giorno.")
		res = amina.Post(own+"/disponibilita", url.Values{"w1_0_from": {"09:00"}, "w1_0_to": {"13:00"},
			"w1_1_from": {"14:30"}, "w1_1_to": {"18:00"}, "w5_0_from": {"8.30"}, "w5_0_to": {"12:30"}})
		res.WantStatus(t, http.StatusSeeOther)
		amina.Follow(res).WantBody(t, "Disponibilità aggiornata.", "09:00–13:00, 14:30–18:00", "08:30–12:30")

		res = amina.Post(own+"/assenze", url.Values{"from": {"2026-08-20"}, "to": {"2026-08-10"}, "note": {"Ferie estive"}})
		res.WantStatus(t, http.StatusUnprocessableEntity)
		res.WantBody(t, "La fine dell&#39;assenza non può precedere l&#39;inizio.", `value="Ferie estive"`)
		res = amina.Post(own+"/assenze", url.Values{"from": {"2026-08-10"}, "to": {"2026-08-20"}, "note": {"Ferie estive"}})
		res.WantStatus(t, http.StatusSeeOther)
		page := amina.Get(own)
		page.WantBody(t, "10/08/2026", "20/08/2026", "Ferie estive")
		m := w.mustMediator(t, w.aminaID)
		if !m.AvailableAt(rome(2026, 8, 3, 10, 0), rome(2026, 8, 3, 11, 0)) || m.AvailableAt(rome(2026, 8, 10, 10, 0), rome(2026, 8, 10, 11, 0)) {
			t.Error("the saved week and leave do not drive AvailableAt")
		}
		amina.Post(own+"/assenze/"+idOf(m.Leave[0].ID)+"/elimina", nil).WantStatus(t, http.StatusSeeOther)
		if len(w.mustMediator(t, w.aminaID).Leave) != 0 {
			t.Error("leave not removed")
		}
		amina.Post(own+"/assenze/"+idOf(m.Leave[0].ID)+"/elimina", nil).WantStatus(t, http.StatusNotFound)
	})
}

func TestUpcomingAssignmentsOnTheProfile(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustMedWorld(t, d)
		soon := time.Now().Add(48 * time.Hour).Truncate(time.Hour)
		w.mustBook(t, booking{org: w.asl, mediator: w.aminaID, state: mediation.Confirmed, start: soon})
		w.mustBook(t, booking{org: w.asl, mediator: w.aminaID, state: mediation.Approved, start: soon.Add(-30 * 24 * time.Hour)})
		w.mustBook(t, booking{org: w.asl, mediator: w.omarID, state: mediation.Assigned, start: soon, language: "ur"})
		page := w.env.Login(w.amina).Get("/mediazione/mediatori/" + idOf(w.aminaID))
		page.WantBody(t, "Prossime assegnazioni", "ASL di prova · Sanità", "Confermata")
		if strings.Contains(page.Body, "Approvata") || strings.Contains(page.Body, "Urdu") {
			t.Error("the profile lists past or others' assignments")
		}
	})
}

func TestEditFormKeepsMunicipalitiesOutsideTheProvince(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustMedWorld(t, d)
		p := w.profile("Mediatrice di Torino", 0, mediation.Spoken{Code: "ro", Level: "native"})
		p.Municipalities = []string{"001272", "006003"}
		id := w.mustCreate(t, p)
		w.env.Login(w.coordinator).Get("/mediazione/mediatori/"+idOf(id)+"/modifica").
			WantBody(t, `id="f-mun-001272" value="001272" checked`, "Torino", `id="f-mun-006003" value="006003" checked`)
	})
}
