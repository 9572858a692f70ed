package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestReportPresence(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		code := fx.codeOf(t, fx.ponte)
		path := "/api/v1/facilities/" + code + "/presences"
		day := time.Now().UTC().AddDate(0, 0, -2).Format(time.DateOnly)
		body := `{"day": "` + day + `", "present": 3, "arrivals": 1, "notes": "Da gestionale"}`
		t.Run("a bad body is refused with the wrong fields", func(t *testing.T) {
			e := wantError(t, fx.call("POST", path, fx.token, `{"day": "ieri", "present": -1}`),
				http.StatusUnprocessableEntity, "invalid")
			if e.Error.Fields["day"] == "" || e.Error.Fields["present"] == "" {
				t.Errorf("fields = %v; want day and present", e.Error.Fields)
			}
			wantError(t, fx.call("POST", path, fx.token, `{"day": "`+day+`", "presenti": 3}`),
				http.StatusUnprocessableEntity, "invalid")
			wantError(t, fx.call("POST", path, fx.token, `non json`), http.StatusUnprocessableEntity, "invalid")
			if n := count(t, d, `SELECT COUNT(*) FROM presences`); n != 0 {
				t.Fatalf("refused reports wrote %d rows", n)
			}
		})
		t.Run("a token creates the day, audited as its creator", func(t *testing.T) {
			var out presenceResult
			res := fx.call("POST", path, fx.token, body)
			res.WantStatus(t, http.StatusCreated)
			decode(t, res, &out)
			if out.Outcome != "new" || out.Day != day {
				t.Errorf("result = %+v; want a new %s", out, day)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM presences WHERE source = 'api' AND present = 3 AND reported_by = ?`, fx.manager.ID); n != 1 {
				t.Errorf("api rows = %d; want 1", n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'presence' AND action = 'create' AND actor_id = ?`, fx.manager.ID); n != 1 {
				t.Errorf("audit entries = %d; want 1", n)
			}
		})
		t.Run("sending the same day again changes nothing", func(t *testing.T) {
			var out presenceResult
			res := fx.call("POST", path, fx.token, body)
			res.WantStatus(t, http.StatusOK)
			decode(t, res, &out)
			if out.Outcome != "unchanged" {
				t.Errorf("outcome = %q; want unchanged", out.Outcome)
			}
		})
		t.Run("another body's facility does not exist", func(t *testing.T) {
			wantError(t, fx.call("POST", "/api/v1/facilities/"+fx.codeOf(t, fx.other)+"/presences", fx.token, body),
				http.StatusNotFound, "not_found")
		})
		t.Run("a cookie session reports with its CSRF header", func(t *testing.T) {
			mgr := fx.env.Login(fx.manager)
			next := `{"day": "` + day + `", "present": 4}`
			req := httptest.NewRequest("POST", path, strings.NewReader(next))
			mgr.Do(req).WantStatus(t, http.StatusForbidden)
			req = httptest.NewRequest("POST", path, strings.NewReader(next))
			req.Header.Set("X-CSRF-Token", mgr.Session.CSRFToken)
			var out presenceResult
			res := mgr.Do(req)
			res.WantStatus(t, http.StatusOK)
			decode(t, res, &out)
			if out.Outcome != "update" {
				t.Errorf("outcome = %q; want update", out.Outcome)
			}
		})
		if n := count(t, d, `SELECT COUNT(*) FROM presences`); n != 1 {
			t.Errorf("presences = %d; want 1", n)
		}
	})
}

func TestReportPresenceRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		path := "/api/v1/facilities/" + fx.codeOf(t, fx.ponte) + "/presences"
		body := `{"day": "` + time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly) + `", "present": 1}`
		t.Run("an inspector reads but may not report", func(t *testing.T) {
			inspector := fx.env.Login(fx.env.User("ispettore@example.org", auth.RoleInspector))
			req := httptest.NewRequest("POST", path, strings.NewReader(body))
			req.Header.Set("X-CSRF-Token", inspector.Session.CSRFToken)
			wantError(t, inspector.Do(req), http.StatusForbidden, "forbidden")
		})
		t.Run("a token cannot list another body's inspections", func(t *testing.T) {
			wantError(t, fx.call("GET", "/api/v1/inspections?facility="+fx.codeOf(t, fx.other), fx.token, ""),
				http.StatusNotFound, "not_found")
			wantError(t, fx.call("GET", "/api/v1/inspections?state=aperta", fx.token, ""),
				http.StatusUnprocessableEntity, "invalid")
		})
		if n := count(t, d, `SELECT COUNT(*) FROM presences`); n != 0 {
			t.Errorf("refused reports wrote %d rows", n)
		}
	})
}
