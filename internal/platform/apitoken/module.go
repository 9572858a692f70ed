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

// issuers says which role issues the tokens of which kind of organisation:
// a managing body's programs report presences, a mediation provider's read
// the budget. Admins issue them for every kind listed here.
var issuers = []struct {
	role auth.Role
	kind auth.OrgKind
}{
	{auth.RoleFacilityManager, auth.KindEnteGestore},
	{auth.RoleMediationCoordinator, auth.KindMediationProvider},
}

// managerRoles may reach the token pages: admins and the issuing roles;
// which organisations each sees is CanManage's business.
var managerRoles = func() []auth.Role {
	roles := []auth.Role{auth.RoleAdmin}
	for _, i := range issuers {
		roles = append(roles, i.role)
	}
	return roles
}()

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
// and mediation provider for an admin, the ones where u holds an issuing
// role otherwise.
func (h *Handler) orgs(ctx context.Context, u *auth.User) ([]web.Option, error) {
	var out []web.Option
	if !u.IsAdmin() {
		for _, m := range u.Memberships {
			if issues(m) {
				out = append(out, web.Option{Value: itoa(m.OrgID), Label: m.OrgName})
			}
		}
		return out, nil
	}
	for _, i := range issuers {
		list, _, err := h.auth.Organisations(ctx, auth.OrgFilter{Kind: &i.kind, Limit: 1000})
		if err != nil {
			return nil, err
		}
		for _, o := range list {
			out = append(out, web.Option{Value: itoa(o.ID), Label: o.Name + " (" + o.Kind.Label() + ")"})
		}
	}
	return out, nil
}

// issues reports whether membership m lets its holder issue the
// organisation's tokens.
func issues(m auth.Membership) bool {
	for _, i := range issuers {
		if i.role == m.Role && i.kind == m.OrgKind {
			return true
		}
	}
	return false
}
