// Package admin is the platform administrators' room: organisations,
// users and their roles, invitations, deactivation, and read-only views of
// the audit trail and the mail outbox.
package admin

import (
	"embed"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed templates/*.html
var templates embed.FS

// Handler serves the admin pages.
type Handler struct {
	web     *web.Server
	auth    *auth.Store
	baseURL string
}

// Deps are what the admin pages need. BaseURL is the public address of the
// platform, used in the links mailed to invitees.
type Deps struct {
	Web     *web.Server
	Auth    *auth.Store
	BaseURL string
}

// New registers the templates and the navigation entry.
func New(d Deps) (*Handler, error) {
	h := &Handler{web: d.Web, auth: d.Auth, baseURL: strings.TrimRight(d.BaseURL, "/")}
	if err := d.Web.Templates(templates, "templates", "admin"); err != nil {
		return nil, err
	}
	d.Web.AddNav(web.NavEntry{Label: "Amministrazione", URL: "/admin", Access: adminOnly, Order: 90})
	return h, nil
}

// adminOnly gates every admin page.
var adminOnly = web.RolesOnly(auth.RoleAdmin)

// Routes is the admin module's route table.
func (h *Handler) Routes() []web.Route {
	return []web.Route{
		{Method: "GET", Pattern: "/admin", Access: adminOnly, Handler: h.overview},
		{Method: "GET", Pattern: "/admin/organisations", Access: adminOnly, Handler: h.orgList},
		{Method: "GET", Pattern: "/admin/organisations/new", Access: adminOnly, Handler: h.orgNew},
		{Method: "POST", Pattern: "/admin/organisations", Access: adminOnly, Handler: h.orgCreate},
		{Method: "GET", Pattern: "/admin/organisations/{id}", Access: adminOnly, Handler: h.orgShow},
		{Method: "GET", Pattern: "/admin/organisations/{id}/edit", Access: adminOnly, Handler: h.orgEdit},
		{Method: "POST", Pattern: "/admin/organisations/{id}", Access: adminOnly, Handler: h.orgUpdate},
		{Method: "GET", Pattern: "/admin/users", Access: adminOnly, Handler: h.userList},
		{Method: "GET", Pattern: "/admin/users/{id}", Access: adminOnly, Handler: h.userShow},
		{Method: "POST", Pattern: "/admin/users/{id}/roles", Access: adminOnly, Handler: h.roleAdd},
		{Method: "POST", Pattern: "/admin/users/{id}/roles/remove", Access: adminOnly, Handler: h.roleRemove},
		{Method: "POST", Pattern: "/admin/users/{id}/deactivate", Access: adminOnly, Handler: h.deactivate},
		{Method: "POST", Pattern: "/admin/users/{id}/activate", Access: adminOnly, Handler: h.activate},
		{Method: "POST", Pattern: "/admin/users/{id}/invite", Access: adminOnly, Handler: h.reinvite},
		{Method: "GET", Pattern: "/admin/invitations/new", Access: adminOnly, Handler: h.inviteForm},
		{Method: "POST", Pattern: "/admin/invitations", Access: adminOnly, Handler: h.invite},
		{Method: "GET", Pattern: "/admin/audit", Access: adminOnly, Handler: h.auditList},
		{Method: "GET", Pattern: "/admin/outbox", Access: adminOnly, Handler: h.outboxList},
		{Method: "GET", Pattern: "/admin/outbox/{id}", Access: adminOnly, Handler: h.outboxShow},
	}
}
