package admin

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type invitePage struct {
	web.Page
	Orgs  orgChoice
	Roles []web.Option
}

// newInvitePage builds the form; ?org= preselects an organisation (the
// link on an organisation's page) and ?org_q= narrows the select.
func (h *Handler) newInvitePage(r *http.Request) (*invitePage, error) {
	p := &invitePage{Page: h.web.NewPage(r, "Invita un utente"), Roles: roleOptions()}
	p.Crumb("Amministrazione", "/admin").Crumb("Utenti", "/admin/users").Crumb("Invita un utente", "")
	query, keep := r.URL.Query().Get("org_q"), formID(r.URL.Query().Get("org"))
	if r.Method == http.MethodPost {
		query, keep = r.PostFormValue("org_q"), formID(r.PostFormValue("org_id"))
	} else if keep > 0 {
		p.Form = r.URL.Query()
		p.Form.Set("org_id", itoa(keep))
	}
	var err error
	p.Orgs, err = h.orgOptions(r.Context(), query, keep)
	return p, err
}

func (h *Handler) inviteForm(w http.ResponseWriter, r *http.Request) {
	p, err := h.newInvitePage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "admin/invite.html", p)
}

func (h *Handler) invite(w http.ResponseWriter, r *http.Request) {
	p, err := h.newInvitePage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	uid, err := h.Invite(r.Context(), Invitation{Email: r.PostFormValue("email"), Name: r.PostFormValue("name"),
		OrgID: formID(r.PostFormValue("org_id")), Role: auth.Role(r.PostFormValue("role"))})
	if err != nil {
		h.web.FormError(w, r, "admin/invite.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, "/admin/users/"+itoa(uid), "Invito inviato: il messaggio è nella posta in uscita.")
}

func (h *Handler) reinvite(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if err := h.Reinvite(r.Context(), id); err != nil {
		h.actionFailed(w, r, err)
		return
	}
	h.web.Redirect(w, r, "/admin/users/"+itoa(id), "Nuovo invito inviato: il link precedente non vale più.")
}
