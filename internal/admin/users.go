package admin

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type userListPage struct {
	web.Page
	Users []*auth.User
	Roles []web.Option
	Pager *web.Pager
}

// ActiveOptions and InvitedOptions are the choices of the state filters.
func (p *userListPage) ActiveOptions() []web.Option {
	return []web.Option{{Value: "1", Label: "Attivi"}, {Value: "0", Label: "Disattivati"}}
}

func (p *userListPage) InvitedOptions() []web.Option {
	return []web.Option{{Value: "1", Label: "Invito in attesa"}, {Value: "0", Label: "Password impostata"}}
}

func (h *Handler) userList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := &userListPage{Page: h.web.NewPage(r, "Utenti"), Roles: roleOptions()}
	p.Crumb("Amministrazione", "/admin").Crumb("Utenti", "")
	p.Form = q
	f := auth.UserFilter{Query: web.OptString(q.Get("q")), Active: optBool(q.Get("active")),
		Invited: optBool(q.Get("invited")), Limit: perPage, Offset: offset(web.PageNumber(q))}
	if role := auth.Role(q.Get("role")); role.Valid() {
		f.Role = &role
	}
	users, total, err := h.auth.Users(r.Context(), f)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Users = users
	p.Pager = web.NewPager(&p.Page, web.PageNumber(q), perPage, total, web.ListURL("/admin/users", q))
	h.web.Render(w, r, "admin/users.html", p)
}

type userPage struct {
	web.Page
	Target      *auth.User
	HasPassword bool
	Orgs        orgChoice
	Roles       []web.Option
}

// Self tells whether the admin is looking at their own account.
func (p *userPage) Self() bool { return p.User != nil && p.User.ID == p.Target.ID }

// CanRemove tells whether the remove button of a role is offered.
func (p *userPage) CanRemove(role auth.Role) bool { return canRemoveRole(p.User, p.Target.ID, role) }

// newUserPage loads the user of the path with what their page shows.
func (h *Handler) newUserPage(r *http.Request) (*userPage, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	u, err := h.auth.UserByID(ctx, h.auth.DB, id)
	if err != nil {
		return nil, err
	}
	p := &userPage{Page: h.web.NewPage(r, u.Name), Target: u, Roles: roleOptions()}
	p.Crumb("Amministrazione", "/admin").Crumb("Utenti", "/admin/users").Crumb(u.Name, "")
	if p.HasPassword, err = h.auth.HasPassword(ctx, h.auth.DB, id); err != nil {
		return nil, err
	}
	orgQuery := r.URL.Query().Get("org_q")
	if r.Method == http.MethodPost {
		orgQuery = r.PostFormValue("org_q")
	}
	p.Orgs, err = h.orgOptions(ctx, orgQuery, formID(r.PostFormValue("org_id")))
	return p, err
}

func (h *Handler) userShow(w http.ResponseWriter, r *http.Request) {
	p, err := h.newUserPage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "admin/user.html", p)
}

// actionFailed re-shows the user's page with the reason an action was
// refused above it (and next to the field, for a wrong form field).
func (h *Handler) actionFailed(w http.ResponseWriter, r *http.Request, err error) {
	if web.StatusOf(err) == http.StatusInternalServerError {
		h.web.Error(w, r, err)
		return
	}
	p, loadErr := h.newUserPage(r)
	if loadErr != nil {
		h.web.Error(w, r, loadErr)
		return
	}
	p.WithErr(err)
	h.web.RenderStatus(w, r, web.StatusOf(err), "admin/user.html", p)
}
