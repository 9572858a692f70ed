package mediation

import (
	"context"
	"embed"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/notify"
	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed templates/*.html
var templates embed.FS

// Handler serves the mediation pages: requests and their lifecycle,
// mediators, calendars, budget and reports.
type Handler struct {
	web   *web.Server
	store *Store
}

// Deps are what the mediation pages need.
type Deps struct {
	Web    *web.Server
	DB     *db.DB
	Notify *notify.Service // nil: no notifications
}

// New registers the templates and the navigation entry.
func New(d Deps) (*Handler, error) {
	h := &Handler{web: d.Web, store: &Store{DB: d.DB, Notices: d.Notify}}
	if err := d.Web.Templates(templates, "templates", "mediation"); err != nil {
		return nil, err
	}
	d.Web.AddNav(web.NavEntry{Label: "Mediazione", URL: baseURL,
		Access: web.Access{Roles: append(append([]auth.Role{auth.RoleMediator}, Requesters...), Coordinators...)}, Order: 45})
	return h, nil
}

// Store returns the module's store.
func (h *Handler) Store() *Store { return h.store }

// Routes is the module's route table. Every action checks the user's
// scope and role on the request itself.
func (h *Handler) Routes() []web.Route {
	routes := h.requestRoutes()
	for _, group := range [][]web.Route{h.mediatorRoutes(), h.budgetRoutes(), h.reportRoutes(), h.apiRoutes()} {
		routes = append(routes, group...)
	}
	return routes
}

// scope is the scope of the user of ctx.
func (h *Handler) scope(ctx context.Context, u *auth.User) (Scope, error) {
	var mid int64
	if u != nil && u.HasRole(auth.RoleMediator) {
		var err error
		if mid, err = h.store.MediatorOfUser(ctx, u.ID); err != nil {
			return Scope{}, err
		}
	}
	return ScopeOf(u, mid), nil
}
