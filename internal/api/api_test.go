package api

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestFacilitiesWithToken(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		t.Run("a manager's token lists only its own facilities", func(t *testing.T) {
			var page facilityPage
			res := fx.call("GET", "/api/v1/facilities?per_page=200", fx.token, "")
			res.WantStatus(t, http.StatusOK)
			decode(t, res, &page)
			if page.Total == 0 || len(page.Items) != page.Total {
				t.Fatalf("total = %d, items = %d; want some, all on one page", page.Total, len(page.Items))
			}
			for _, f := range page.Items {
				if f.ManagingBody.ID != fx.ponte {
					t.Errorf("facility %s of body %d listed to body %d", f.Code, f.ManagingBody.ID, fx.ponte)
				}
			}
		})
		t.Run("filters narrow the list", func(t *testing.T) {
			var page facilityPage
			res := fx.call("GET", "/api/v1/facilities?state=active&q="+fx.codeOf(t, fx.ponte), fx.token, "")
			res.WantStatus(t, http.StatusOK)
			decode(t, res, &page)
			if page.Total != 1 || page.Items[0].State != "active" {
				t.Fatalf("page = %+v; want the one active facility", page)
			}
		})
		t.Run("an unknown filter value is invalid", func(t *testing.T) {
			e := wantError(t, fx.call("GET", "/api/v1/facilities?state=aperta&page=0", fx.token, ""),
				http.StatusUnprocessableEntity, "invalid")
			if e.Error.Fields["state"] == "" || e.Error.Fields["page"] == "" {
				t.Errorf("fields = %v; want state and page", e.Error.Fields)
			}
		})
		t.Run("its own facility is found by code", func(t *testing.T) {
			var f facilityJSON
			code := fx.codeOf(t, fx.ponte)
			res := fx.call("GET", "/api/v1/facilities/"+code, fx.token, "")
			res.WantStatus(t, http.StatusOK)
			decode(t, res, &f)
			if f.Code != code || f.Municipality.ISTATCode == "" {
				t.Errorf("facility = %+v; want %s with its Comune", f, code)
			}
		})
		t.Run("another body's facility does not exist", func(t *testing.T) {
			wantError(t, fx.call("GET", "/api/v1/facilities/"+fx.codeOf(t, fx.other), fx.token, ""),
				http.StatusNotFound, "not_found")
		})
		t.Run("a token of an organisation that is not a managing body sees nothing", func(t *testing.T) {
			assoc := fx.env.Org("Associazione", auth.KindAssociation).ID
			tok := fx.newToken(t, assoc)
			var page facilityPage
			res := fx.call("GET", "/api/v1/facilities", tok, "")
			res.WantStatus(t, http.StatusOK)
			decode(t, res, &page)
			if page.Total != 0 {
				t.Errorf("total = %d; want 0", page.Total)
			}
			wantError(t, fx.call("GET", "/api/v1/facilities/"+fx.codeOf(t, fx.ponte), tok, ""),
				http.StatusNotFound, "not_found")
		})
	})
}

func TestAuthentication(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		t.Run("no credentials answer 401 JSON, not a redirect", func(t *testing.T) {
			for _, path := range []string{"/api/v1/facilities", "/api/v1/inspections"} {
				res := fx.call("GET", path, "", "")
				wantError(t, res, http.StatusUnauthorized, "unauthenticated")
				if res.Header.Get("WWW-Authenticate") == "" {
					t.Errorf("%s: no WWW-Authenticate header", path)
				}
			}
			// Without a token nor a session there is nothing to forge: the
			// API itself answers an unsafe request.
			wantError(t, fx.call("POST", "/api/v1/facilities/"+fx.codeOf(t, fx.ponte)+"/presences", "", `{}`),
				http.StatusUnauthorized, "unauthenticated")
		})
		t.Run("an unknown token answers 401", func(t *testing.T) {
			wantError(t, fx.call("GET", "/api/v1/facilities", "sbagliato", ""), http.StatusUnauthorized, "unauthenticated")
		})
		t.Run("a revoked token answers 401", func(t *testing.T) {
			tok := fx.newToken(t, fx.ponte)
			fx.call("GET", "/api/v1/facilities", tok, "").WantStatus(t, http.StatusOK)
			list, err := fx.tokens.List(webtest.System(), fx.manager, fx.ponte)
			if err != nil {
				t.Fatal(err)
			}
			if err := fx.tokens.Revoke(webtest.System(), fx.manager, fx.ponte, list[0].ID); err != nil {
				t.Fatal(err)
			}
			wantError(t, fx.call("GET", "/api/v1/facilities", tok, ""), http.StatusUnauthorized, "unauthenticated")
			fx.call("GET", "/api/v1/facilities", fx.token, "").WantStatus(t, http.StatusOK)
		})
		t.Run("a session cookie works too", func(t *testing.T) {
			officer := fx.env.Login(fx.env.User("prefettura@example.org", auth.RolePrefettura))
			var page facilityPage
			res := officer.Get("/api/v1/facilities")
			res.WantStatus(t, http.StatusOK)
			decode(t, res, &page)
			mine := count(t, d, `SELECT COUNT(*) FROM facilities`)
			if page.Total != mine {
				t.Errorf("officer total = %d; want every facility (%d)", page.Total, mine)
			}
			officer.Get("/api/v1/inspections?state=planned").WantStatus(t, http.StatusOK)
		})
		t.Run("the OpenAPI document is public", func(t *testing.T) {
			res := fx.call("GET", "/api/v1/openapi.json", "", "")
			res.WantStatus(t, http.StatusOK)
			var doc map[string]any
			decode(t, res, &doc)
		})
	})
}

func TestOpenAPIListsEveryRoute(t *testing.T) {
	var doc struct {
		OpenAPI    string                               `json:"openapi"`
		Paths      map[string]map[string]map[string]any `json:"paths"`
		Components struct {
			SecuritySchemes map[string]any `json:"securitySchemes"`
			Schemas         map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.0") {
		t.Errorf("openapi = %q; want 3.0.x", doc.OpenAPI)
	}
	h := &Handler{}
	for _, rt := range h.Routes() {
		op := doc.Paths[rt.Pattern][strings.ToLower(rt.Method)]
		if op == nil {
			t.Errorf("%s %s is not documented", rt.Method, rt.Pattern)
		}
	}
	// Other modules' API routes are documented here too; that every
	// documented operation is a route is checked where all routes are
	// known (cmd/crocevia, TestOpenAPIMatchesTheAPIRoutes).
	for _, name := range []string{"bearerToken", "sessionCookie"} {
		if doc.Components.SecuritySchemes[name] == nil {
			t.Errorf("security scheme %s missing", name)
		}
	}
	if doc.Components.Schemas["Error"] == nil {
		t.Error("the error envelope is not documented")
	}
}
