package inspections_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestInspectionPagesAccess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, _ := mount(t, d)
		s := &inspections.Store{DB: d}
		member := env.User("membro@example.org", auth.RoleInspector)
		other := env.User("altro@example.org", auth.RoleInspector)
		fac := mustFacility(t, env, "AL-CAS-0001")
		mine := mustPlan(t, s, fac, day(2026, 3, 2), member)
		theirs := mustPlan(t, s, fac, day(2026, 4, 2), other)
		inspector := env.Login(member)
		t.Run("a member sees the inspection and its list entry", func(t *testing.T) {
			inspector.Get("/ispezioni/"+id(mine)).WantBody(t, "Appartamento AL-CAS-0001", "Avvia l&#39;ispezione")
			res := inspector.Get("/ispezioni")
			res.WantBody(t, `href="/ispezioni/`+id(mine)+`"`)
			if strings.Contains(res.Body, `href="/ispezioni/`+id(theirs)+`"`) || strings.Contains(res.Body, "Strutture da ispezionare") {
				t.Error("the list shows another commission's inspection or the overdue list")
			}
		})
		t.Run("another commission's inspection does not exist for the inspector", func(t *testing.T) {
			for _, path := range []string{"/ispezioni/" + id(theirs), "/ispezioni/" + id(theirs) + "/compila"} {
				inspector.Get(path).WantStatus(t, http.StatusNotFound)
			}
			inspector.Post("/ispezioni/"+id(theirs)+"/avvia", nil).WantStatus(t, http.StatusNotFound)
		})
		t.Run("an inspector does not plan", func(t *testing.T) {
			inspector.Get("/ispezioni/nuova").WantStatus(t, http.StatusNotFound)
			inspector.Post("/ispezioni", nil).WantStatus(t, http.StatusNotFound)
		})
		t.Run("a facility manager sees nothing", func(t *testing.T) {
			manager := env.Login(env.User("gestore@example.org", auth.RoleFacilityManager))
			manager.Get("/ispezioni").WantStatus(t, http.StatusNotFound)
			manager.Get("/ispezioni/"+id(mine)).WantStatus(t, http.StatusNotFound)
		})
		t.Run("a visitor is sent to the login page", func(t *testing.T) {
			res := env.Anonymous().Get("/ispezioni/" + id(mine))
			if res.Status != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
				t.Errorf("status %d Location %q", res.Status, res.Header.Get("Location"))
			}
		})
	})
}

func TestPlanForm(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, _ := mount(t, d)
		inspector := env.User("ispettore@example.org", auth.RoleInspector)
		fac := mustFacility(t, env, "AL-CAS-0001")
		officer := env.Login(env.User("prefettura@example.org", auth.RolePrefettura))
		t.Run("a wrong plan keeps the input and shows messages next to fields", func(t *testing.T) {
			res := officer.Post("/ispezioni", url.Values{"facility_id": {id(fac)}, "kind": {"unannounced"}, "planned_on": {"ieri"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-planned_on-error"`, "Indica la data prevista", `id="f-members-error"`,
				`<option value="unannounced" selected>`, `<option value="`+id(fac)+`" selected>`)
		})
		t.Run("a valid plan leads to the new inspection", func(t *testing.T) {
			res := officer.Post("/ispezioni", url.Values{"facility_id": {id(fac)}, "kind": {"scheduled"},
				"planned_on": {"02/03/2026"}, "role-" + id(inspector.ID): {"president"}})
			res.WantStatus(t, http.StatusSeeOther)
			officer.Follow(res).WantBody(t, "Ispezione pianificata.", "Utente ispettore@example.org · Presidente")
		})
	})
}

func TestFieldWorkPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, _ := mount(t, d)
		s := &inspections.Store{DB: d}
		member := env.User("membro@example.org", auth.RoleInspector)
		insp := mustPlan(t, s, mustFacility(t, env, "AL-CAS-0001"), day(2026, 3, 2), member)
		c := env.Login(member)
		base := "/ispezioni/" + id(insp)
		res := c.Post(base+"/avvia", nil)
		res.WantStatus(t, http.StatusSeeOther)
		page := c.Follow(res)
		page.WantBody(t, "Ispezione avviata", `hx-post="`+base+`/voci/`, `hx-trigger="change"`, "Salva tutto")
		as := mustAnswers(t, s, insp)
		item := id(as[0].Item.ID)
		t.Run("a plain post of one item saves it and goes back to it", func(t *testing.T) {
			res := c.Post(base+"/voci/"+item, url.Values{"result-" + item: {"partial"}, "severity-" + item: {"high"},
				"result-" + id(as[1].Item.ID): {"conforming"}, "severity-" + id(as[1].Item.ID): {"low"}})
			res.WantStatus(t, http.StatusSeeOther)
			if loc := res.Header.Get("Location"); loc != base+"/compila#voce-"+item {
				t.Errorf("Location = %q", loc)
			}
			after := mustAnswers(t, s, insp)
			if after[0].Result != inspections.Partial || after[1].Result != "" {
				t.Errorf("results %q, %q; want only the posted item saved", after[0].Result, after[1].Result)
			}
		})
		t.Run("an htmx request gets the status fragment", func(t *testing.T) {
			form := url.Values{"result-" + item: {"non_conforming"}, "severity-" + item: {"critical"}, "csrf_token": {c.Session.CSRFToken}}
			req := httptest.NewRequest(http.MethodPost, base+"/voci/"+item, strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("HX-Request", "true")
			res := c.Do(req)
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, "Salvata il")
			if strings.Contains(res.Body, "<html") {
				t.Error("the fragment carries the whole layout")
			}
			req = httptest.NewRequest(http.MethodPost, base+"/voci/"+item, strings.NewReader(url.Values{"csrf_token": {c.Session.CSRFToken}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("HX-Request", "true")
			c.Do(req).WantBody(t, "Scegli l&#39;esito del controllo.")
		})
		t.Run("a wrong whole-form post keeps the input next to the item", func(t *testing.T) {
			other := id(as[2].Item.ID)
			res := c.Post(base+"/compila", url.Values{"note-" + other: {"Manca il registro."}, "severity-" + other: {"low"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-result-`+other+`-error"`, "Manca il registro.</textarea>")
		})
		t.Run("guests counted are kept next to the declared ones", func(t *testing.T) {
			c.Post(base+"/ospiti", url.Values{"guests_counted": {"-3"}}).WantStatus(t, http.StatusUnprocessableEntity)
			res := c.Post(base+"/ospiti", url.Values{"guests_counted": {"7"}})
			res.WantStatus(t, http.StatusSeeOther)
			follow(c, res).WantBody(t, "Dichiarati dall&#39;ente gestore: <strong>8</strong>", "Contati dalla commissione: <strong>7</strong>")
		})
	})
}
