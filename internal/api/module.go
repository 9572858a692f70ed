// Package api is the JSON API of the facilities area: its own types and
// error envelope on top of the same services as the pages. A request is
// authenticated by the session cookie or by an organisation's API token.
package api

import (
	"errors"
	"net/http"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/apitoken"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// Prefix is where the API lives; token requests there skip the CSRF check.
const Prefix = "/api/v1/"

// Deps are the API's dependencies.
type Deps struct {
	Web    *web.Server
	DB     *db.DB
	Tokens *apitoken.Store
}

// Handler serves the API.
type Handler struct {
	web         *web.Server
	db          *db.DB
	tokens      *apitoken.Store
	facilities  *facilities.Store
	inspections *inspections.Store
}

// New builds the API and exempts bearer requests under Prefix from CSRF.
func New(d Deps) (*Handler, error) {
	if d.Web == nil || d.DB == nil || d.Tokens == nil {
		return nil, errors.New("api: missing dependency")
	}
	web.ExemptCSRF(Prefix)
	return &Handler{web: d.Web, db: d.DB, tokens: d.Tokens, facilities: facilities.NewStore(d.DB),
		inspections: &inspections.Store{DB: d.DB}}, nil
}

// Routes is the API's route table. The gate is public so that nobody is
// redirected to the login page: each handler authenticates itself and
// answers 401 JSON.
func (h *Handler) Routes() []web.Route {
	return []web.Route{
		{Method: "GET", Pattern: "/api/v1/openapi.json", Access: web.Public, Handler: h.openAPI},
		{Method: "GET", Pattern: "/api/v1/facilities", Access: web.Public, Handler: h.authed(h.listFacilities)},
		{Method: "GET", Pattern: "/api/v1/facilities/{code}", Access: web.Public, Handler: h.authed(h.showFacility)},
		{Method: "POST", Pattern: "/api/v1/facilities/{code}/presences", Access: web.Public, Handler: h.authed(h.reportPresence)},
		{Method: "GET", Pattern: "/api/v1/inspections", Access: web.Public, Handler: h.authed(h.listInspections)},
	}
}

// authed resolves the caller and passes it on. A request with an
// Authorization header is judged by its token alone: it skipped the CSRF
// check, so a cookie riding along must not count.
func (h *Handler) authed(next func(http.ResponseWriter, *http.Request, *auth.User)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			if u := web.UserOf(r); u != nil {
				next(w, r, u)
				return
			}
			h.fail(w, r, errUnauthenticated)
			return
		}
		u, ctx, err := h.tokens.Authenticate(r)
		if errors.Is(err, apitoken.ErrNoBearer) {
			err = errUnauthenticated
		}
		if err != nil {
			h.fail(w, r, err)
			return
		}
		next(w, r.WithContext(ctx), u)
	}
}
