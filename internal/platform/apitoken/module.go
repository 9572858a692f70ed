package apitoken

import (
	"context"
	"embed"
	"errors"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed templates/*.html
var templates embed.FS

// pagePath is where users manage their organisations' tokens.
const pagePath = "/account/api-token"

// managerRoles may reach the token pages; which organisations each sees is
// CanManage's business.
var managerRoles = []auth.Role{auth.RoleAdmin, auth.RoleFacilityManager}

// Deps are the token pages' dependencies.
type Deps struct {
	Web   *web.Server
	Auth  *auth.Store
	Store *Store
}

// Handler serves the token pages.
type Handler struct {
	web   *web.Server
	auth  *auth.Store
	store *Store
}

// New registers the templates and the navigation entry.
func New(d Deps) (*Handler, error) {
	if d.Web == nil || d.Auth == nil || d.Store == nil {
		return nil, errors.New("apitoken: missing dependency")
	}
	if err := d.Web.Templates(templates, "templates", "apitoken"); err != nil {
		return nil, err
	}
	d.Web.AddNav(web.NavEntry{Label: "Token API", URL: pagePath, Access: web.RolesOnly(managerRoles...), Order: 90})
	return &Handler{web: d.Web, auth: d.Auth, store: d.Store}, nil
}

// Routes is the token pages' route table.
func (h *Handler) Routes() []web.Route {
	gate := web.Access{Roles: managerRoles, NotFound: true}
	return []web.Route{
		{Method: "GET", Pattern: pagePath, Access: gate, Handler: h.show},
		{Method: "POST", Pattern: pagePath, Access: gate, Handler: h.create},
		{Method: "POST", Pattern: pagePath + "/{id}/revoke", Access: gate, Handler: h.revoke},
	}
}

// orgs are the organisations whose tokens u manages: every managing body
// for an admin, the ones where u is facility manager otherwise.
func (h *Handler) orgs(ctx context.Context, u *auth.User) ([]web.Option, error) {
	if !u.IsAdmin() {
		var out []web.Option
		for _, m := range u.Memberships {
			if m.Role == auth.RoleFacilityManager {
				out = append(out, web.Option{Value: itoa(m.OrgID), Label: m.OrgName})
			}
		}
		return out, nil
	}
	kind := auth.KindEnteGestore
	list, _, err := h.auth.Organisations(ctx, auth.OrgFilter{Kind: &kind, Limit: 1000})
	if err != nil {
		return nil, err
	}
	out := make([]web.Option, len(list))
	for i, o := range list {
		out[i] = web.Option{Value: itoa(o.ID), Label: o.Name}
	}
	return out, nil
}
