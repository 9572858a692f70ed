package mediation

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apitoken"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestBudgetAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newBudgetFixture(t, d)
		line := f.line("Progetto 3.000 ore", 180000, budgetDate(2026, 1, 1), budgetDate(2026, 12, 31), DefaultPolicy)
		small := f.line("Linea in deroga", 60, budgetDate(2026, 1, 1), budgetDate(2026, 12, 31), DefaultPolicy)
		m := f.mediator("Amina")
		at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		f.request(fixtureRequest{start: at, state: Approved, mediator: m, line: line, counted: 135})
		f.request(fixtureRequest{start: at, state: Confirmed, mediator: m, line: line, held: 70})
		f.request(fixtureRequest{start: at, state: Approved, mediator: m, line: small, counted: 60})
		f.request(fixtureRequest{start: at, state: Assigned, mediator: m, line: small, held: 90, overbooked: true})
		call := func(token string, c *webtest.Client) *webtest.Response {
			req := httptest.NewRequest("GET", apiBudgetPath, nil)
			if token != "" {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			if c == nil {
				c = f.env.Anonymous()
			}
			return c.Do(req)
		}
		decode := func(t *testing.T, res *webtest.Response, v any) {
			t.Helper()
			if err := json.Unmarshal([]byte(res.Body), v); err != nil {
				t.Fatalf("%v in %s", err, res.Body)
			}
		}
		wantError := func(t *testing.T, res *webtest.Response, status int, code string) {
			t.Helper()
			res.WantStatus(t, status)
			var e apiErrorBody
			decode(t, res, &e)
			if e.Error.Code != code || e.Error.Message == "" {
				t.Errorf("error = %+v; want %s with a message", e.Error, code)
			}
		}
		t.Run("a coordinator's session reads every line in hours", func(t *testing.T) {
			res := call("", f.env.Login(f.coordinator))
			res.WantStatus(t, http.StatusOK)
			var body struct {
				Lines []map[string]any `json:"lines"`
			}
			decode(t, res, &body)
			if len(body.Lines) != 2 {
				t.Fatalf("lines = %v; want 2", body.Lines)
			}
			first := body.Lines[0]
			want := map[string]any{"name": "Progetto 3.000 ore", "total_hours": 3000.0, "held_hours": 1.17,
				"consumed_hours": 2.25, "remaining_hours": 2996.58, "starts_on": "2026-01-01", "active": true}
			for k, v := range want {
				if first[k] != v {
					t.Errorf("%s = %v; want %v", k, first[k], v)
				}
			}
			if body.Lines[1]["remaining_hours"] != -1.5 {
				t.Errorf("overbooked line remaining = %v; want -1.5", body.Lines[1]["remaining_hours"])
			}
		})
		t.Run("without credentials: 401 in the envelope", func(t *testing.T) {
			res := call("", nil)
			wantError(t, res, http.StatusUnauthorized, "unauthenticated")
			if res.Header.Get("WWW-Authenticate") == "" {
				t.Error("no WWW-Authenticate header")
			}
			wantError(t, call("sbagliato", nil), http.StatusUnauthorized, "unauthenticated")
		})
		t.Run("a service operator's session is forbidden", func(t *testing.T) {
			wantError(t, call("", f.env.Login(f.operator)), http.StatusForbidden, "forbidden")
		})
		admin := f.env.User("admin@example.org", auth.RoleAdmin)
		tokens := &apitoken.Store{DB: d}
		t.Run("a token of the mediation provider issued by an admin reads the budget", func(t *testing.T) {
			tok, err := tokens.Create(webtest.System(), admin, f.provider, "Rendicontazione")
			if err != nil {
				t.Fatal(err)
			}
			call(tok, nil).WantStatus(t, http.StatusOK)
			// A cookie riding along with a token does not count.
			call(tok, f.env.Login(f.operator)).WantStatus(t, http.StatusOK)
		})
		t.Run("a token of another organisation is forbidden", func(t *testing.T) {
			tok, err := tokens.Create(webtest.System(), admin, f.asl, "ASL")
			if err != nil {
				t.Fatal(err)
			}
			wantError(t, call(tok, f.env.Login(f.coordinator)), http.StatusForbidden, "forbidden")
		})
	})
}
