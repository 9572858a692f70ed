package apitoken

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type tokenPage struct {
	web.Page
	Orgs   []web.Option
	OrgID  int64
	Tokens []*Token
	// Secret is the token just created: shown once, never stored.
	Secret string
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// load fills the page for the organisation named by org (the first one
// when empty); an organisation u does not manage does not exist.
func (h *Handler) load(r *http.Request, org string) (*tokenPage, error) {
	p := &tokenPage{Page: h.web.NewPage(r, "Token API")}
	p.Crumb("Il mio account", "/account").Crumb("Token API", "")
	var err error
	if p.Orgs, err = h.orgs(r.Context(), web.UserOf(r)); err != nil {
		return nil, err
	}
	if len(p.Orgs) == 0 && org == "" {
		return p, nil
	}
	if org == "" {
		org = p.Orgs[0].Value
	}
	if !slices.ContainsFunc(p.Orgs, func(o web.Option) bool { return o.Value == org }) {
		return nil, errNoToken
	}
	p.OrgID, _ = strconv.ParseInt(org, 10, 64)
	p.Form = url.Values{"org": {org}}
	p.Tokens, err = h.store.List(r.Context(), web.UserOf(r), p.OrgID)
	return p, err
}

func (h *Handler) show(w http.ResponseWriter, r *http.Request) {
	p, err := h.load(r, r.URL.Query().Get("org"))
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "apitoken/tokens.html", p)
}

// create issues a token and shows its secret on the answer itself: it is
// never retrievable again.
func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	p, err := h.load(r, r.PostFormValue("org"))
	if err == nil && p.OrgID == 0 {
		err = errNoToken
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Secret, err = h.store.Create(r.Context(), web.UserOf(r), p.OrgID, r.PostFormValue("name"))
	if err != nil {
		p.Form.Set("name", r.PostFormValue("name"))
		h.web.FormError(w, r, "apitoken/tokens.html", p, &p.Page, err)
		return
	}
	if p.Tokens, err = h.store.List(r.Context(), web.UserOf(r), p.OrgID); err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Flash = "Token creato. Copialo ora: non sarà più mostrato."
	h.web.Render(w, r, "apitoken/tokens.html", p)
}

func (h *Handler) revoke(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p, err := h.load(r, r.PostFormValue("org"))
	if err == nil {
		err = h.store.Revoke(r.Context(), web.UserOf(r), p.OrgID, id)
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Redirect(w, r, pagePath+"?org="+itoa(p.OrgID), "Token revocato.")
}
