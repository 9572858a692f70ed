package facilities_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func facilityForm(body int64) url.Values {
	return url.Values{"name": {"Appartamento Via Nuova"}, "system_type": {"cas"}, "typology": {"apartment"},
		"guests": {"men", "vulnerable"}, "address": {"Via Nuova 3"}, "istat_code": {"006003"},
		"authorised_places": {"6"}, "contracted_places": {"6"}, "managing_body_id": {itoa(body)},
		"state": {"proposed"}, "state_since": {"2025-01-15"}}
}

func TestManagerSeesOnlyOwnFacilities(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		mgr := fx.login(t, auth.RoleFacilityManager, fx.ponte)
		own, other := fx.codeOf(t, fx.ponte, facilities.StateActive), fx.codeOf(t, fx.other, facilities.StateActive)

		list := mgr.Get("/strutture")
		list.WantStatus(t, http.StatusOK)
		list.WantBody(t, own)
		if strings.Contains(list.Body, other) || strings.Contains(list.Body, "Cooperativa L&#39;Approdo") {
			t.Errorf("the list shows another body's facility %s", other)
		}
		mgr.Get("/strutture/"+own).WantStatus(t, http.StatusOK)
		for _, tc := range []struct {
			name, method, path string
			want               int
		}{
			{"another body's facility does not exist", "GET", "/strutture/" + other, 404},
			{"nor does its edit form", "GET", "/strutture/" + other + "/modifica", 404},
			{"changing it is not found", "POST", "/strutture/" + other, 404},
			{"nor is changing its state", "POST", "/strutture/" + other + "/stato", 404},
			{"nor adding a document to it", "POST", "/strutture/" + other + "/documenti", 404},
			{"its own facility's registry data are read-only", "POST", "/strutture/" + own, 403},
			{"a new facility is refused", "POST", "/strutture", 403},
			{"the caps are not for managing bodies", "GET", "/comuni/tetti", 404},
		} {
			t.Run(tc.name, func(t *testing.T) {
				var res interface{ WantStatus(testing.TB, int) }
				if tc.method == "GET" {
					res = mgr.Get(tc.path)
				} else {
					res = mgr.Post(tc.path, facilityForm(fx.ponte))
				}
				res.WantStatus(t, tc.want)
			})
		}
		if n := count(t, d, `SELECT COUNT(*) FROM facilities WHERE name = 'Appartamento Via Nuova'`); n != 0 {
			t.Errorf("a refused request wrote %d facilities", n)
		}
	})
}

func TestManagerSeesOnlyOwnContracts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		mgr := fx.login(t, auth.RoleFacilityManager, fx.ponte)
		var own, other int64
		if err := d.QueryRowContext(t.Context(), `SELECT MIN(id) FROM contracts WHERE managing_body_id = ?`, fx.ponte).Scan(&own); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRowContext(t.Context(), `SELECT MIN(id) FROM contracts WHERE managing_body_id = ?`, fx.other).Scan(&other); err != nil {
			t.Fatal(err)
		}
		mgr.Get("/contratti/"+itoa(own)).WantStatus(t, http.StatusOK)
		mgr.Get("/contratti/"+itoa(other)).WantStatus(t, http.StatusNotFound)
		mgr.Post("/contratti/"+itoa(other)+"/penali", url.Values{"code": {"X"}}).WantStatus(t, http.StatusNotFound)
		mgr.Post("/contratti/"+itoa(own)+"/penali", url.Values{"code": {"X"}}).WantStatus(t, http.StatusForbidden)
	})
}

func TestInspectorReadsButCannotChange(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		insp := fx.login(t, auth.RoleInspector, 0)
		code := fx.codeOf(t, fx.other, facilities.StateActive)
		for _, path := range []string{"/strutture", "/strutture/" + code, "/contratti", "/comuni/tetti", "/comuni/tetti/006003"} {
			insp.Get(path).WantStatus(t, http.StatusOK)
		}
		for _, path := range []string{"/strutture", "/strutture/" + code, "/strutture/" + code + "/stato", "/comuni/tetti/006003"} {
			insp.Post(path, facilityForm(fx.ponte)).WantStatus(t, http.StatusForbidden)
		}
		insp.Get("/strutture/nuova").WantStatus(t, http.StatusNotFound)
	})
}

func TestOutsidersDoNotSeeTheModule(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		res := fx.env.Anonymous().Get("/strutture")
		res.WantStatus(t, http.StatusSeeOther)
		if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/login") {
			t.Errorf("anonymous visitor sent to %q; want the login page", loc)
		}
		fx.login(t, auth.RoleEditor, 0).Get("/strutture").WantStatus(t, http.StatusNotFound)
	})
}

func TestOfficerRegistersAFacility(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		off := fx.login(t, auth.RolePrefettura, 0)
		bad := facilityForm(fx.ponte)
		bad.Set("authorised_places", "sei")
		bad.Set("contracted_places", "9")
		bad.Del("guests")
		res := off.Post("/strutture", bad)
		res.WantStatus(t, http.StatusUnprocessableEntity)
		res.WantBody(t, "Indica i posti autorizzati con un numero intero.", "Indica almeno una tipologia di ospiti.", `value="Via Nuova 3"`)
		if n := count(t, d, `SELECT COUNT(*) FROM facilities WHERE name = 'Appartamento Via Nuova'`); n != 0 {
			t.Fatalf("invalid input wrote %d facilities", n)
		}
		res = off.Post("/strutture", facilityForm(fx.ponte))
		res.WantStatus(t, http.StatusSeeOther)
		page := off.Follow(res)
		page.WantStatus(t, http.StatusOK)
		page.WantBody(t, "Appartamento Via Nuova", "Struttura registrata.", "Storico")

		code := strings.TrimPrefix(res.Header.Get("Location"), "/strutture/")
		edit := facilityForm(fx.other)
		edit.Set("contracted_places", "4")
		off.Post("/strutture/"+code, edit).WantStatus(t, http.StatusSeeOther)
		off.Get("/strutture/"+code).WantBody(t, "Cooperativa L&#39;Approdo")
		if n := count(t, d, `SELECT COUNT(*) FROM facility_history h JOIN facilities f ON f.id = h.facility_id
			WHERE f.code = ? AND h.field = 'managing_body'`, code); n != 2 {
			t.Errorf("managing body periods = %d; want 2", n)
		}
	})
}
