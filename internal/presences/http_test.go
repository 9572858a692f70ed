package presences

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func dayForm(day string, present int) url.Values {
	v := url.Values{"day": {day}, "present": {strconv.Itoa(present)}, "notes": {"Nota di prova"}}
	for _, n := range countFields[1:] {
		v.Set(n, "0")
	}
	return v
}

func TestDailyForm(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		fac := fx.facility(t, fx.ponte)
		mgr := fx.login(t, auth.RoleFacilityManager, fx.ponte)
		path := "/presenze/" + fac.Code + "/giorno"
		day := dayText(yesterday())

		t.Run("invalid figures are shown next to their fields with the input kept", func(t *testing.T) {
			form := dayForm(day, fac.AuthorisedPlaces+1)
			form.Set("arrivals", "-2")
			form.Set("exits_other", "tre")
			res := mgr.Post(path, form)
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "Le presenze superano i posti autorizzati", "Il valore non può essere negativo.",
				"Indica un numero intero.", `value="`+strconv.Itoa(fac.AuthorisedPlaces+1)+`"`, `value="-2"`, `value="tre"`, "Nota di prova")
		})
		t.Run("a future day is refused", func(t *testing.T) {
			res := mgr.Post(path, dayForm(dayText(yesterday().AddDate(0, 0, 3)), 1))
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "Non si possono indicare presenze per un giorno futuro.")
		})
		if n := count(t, d, `SELECT COUNT(*) FROM presences`); n != 0 {
			t.Fatalf("refused reports wrote %d rows", n)
		}
		t.Run("a valid day is saved and audited", func(t *testing.T) {
			mgr.Post(path, dayForm(day, 3)).WantStatus(t, http.StatusSeeOther)
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'presence' AND action = 'create'`); n != 1 {
				t.Errorf("create audit entries = %d; want 1", n)
			}
		})
		t.Run("re-reporting the day updates it with before and after", func(t *testing.T) {
			mgr.Post(path, dayForm(day, 4)).WantStatus(t, http.StatusSeeOther)
			if n := count(t, d, `SELECT present FROM presences WHERE facility_id = ?`, fac.ID); n != 4 {
				t.Errorf("present = %d; want 4", n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'presence' AND action = 'update'`); n != 1 {
				t.Errorf("update audit entries = %d; want 1", n)
			}
		})
		t.Run("the month shows the day", func(t *testing.T) {
			res := mgr.Get("/presenze/" + fac.Code + "?mese=" + day[:7])
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, "Presenze giorno per giorno", "Correggi")
		})
	})
}

func TestAccess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		own, other := fx.facility(t, fx.ponte), fx.facility(t, fx.other)
		mgr := fx.login(t, auth.RoleFacilityManager, fx.ponte)
		inspector := fx.login(t, auth.RoleInspector, 0)
		officer := fx.login(t, auth.RolePrefettura, 0)
		day := dayText(yesterday())
		for _, tc := range []struct {
			name   string
			do     func() int
			status int
		}{
			{"a manager reads its own facility", func() int { return mgr.Get("/presenze/" + own.Code).Status }, 200},
			{"another body's month does not exist for a manager", func() int { return mgr.Get("/presenze/" + other.Code).Status }, 404},
			{"nor does its daily form", func() int { return mgr.Get("/presenze/" + other.Code + "/giorno").Status }, 404},
			{"nor can a manager report for it", func() int { return mgr.Post("/presenze/"+other.Code+"/giorno", dayForm(day, 1)).Status }, 404},
			{"an inspector reads any facility", func() int { return inspector.Get("/presenze/" + other.Code + "/giorno").Status }, 200},
			{"an inspector may not report", func() int { return inspector.Post("/presenze/"+own.Code+"/giorno", dayForm(day, 1)).Status }, 403},
			{"an inspector has no import form", func() int { return inspector.Get("/presenze/importa").Status }, 404},
			{"nor may an inspector confirm an import", func() int {
				return inspector.Post("/presenze/importa/conferma", url.Values{"rows": {"[]"}}).Status
			}, 403},
			{"the Prefettura corrects any facility", func() int { return officer.Post("/presenze/"+other.Code+"/giorno", dayForm(day, 2)).Status }, 303},
			{"a user without a role sees nothing", func() int {
				return fx.login(t, auth.RoleServiceOperator, 0).Get("/presenze").Status
			}, 404},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if got := tc.do(); got != tc.status {
					t.Errorf("status = %d; want %d", got, tc.status)
				}
			})
		}
		if n := count(t, d, `SELECT COUNT(*) FROM presences`); n != 1 {
			t.Errorf("presences = %d; want only the Prefettura's", n)
		}
		res := mgr.Get("/presenze")
		res.WantBody(t, own.Code)
		if contains(res.Body, other.Code) {
			t.Errorf("a manager's overview lists another body's facility %s", other.Code)
		}
	})
}
