package admin

import (
	"net/http"
	"net/url"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/municipalities"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type orgFormPage struct {
	web.Page
	Org            *auth.Organisation // nil for a new one
	Action         string
	Kinds          []web.Option
	Municipalities []web.Option
}

// newOrgForm builds the form page; org is nil for a new organisation.
func (h *Handler) newOrgForm(r *http.Request, org *auth.Organisation) (*orgFormPage, error) {
	title, action := "Nuova organizzazione", "/admin/organisations"
	if org != nil {
		title, action = "Modifica organizzazione", "/admin/organisations/"+itoa(org.ID)
	}
	p := &orgFormPage{Page: h.web.NewPage(r, title), Org: org, Action: action, Kinds: kindOptions()}
	p.Crumb("Amministrazione", "/admin").Crumb("Organizzazioni", "/admin/organisations")
	if org != nil {
		p.Crumb(org.Name, "/admin/organisations/"+itoa(org.ID))
	}
	p.Crumb(title, "")
	ms, err := municipalities.InProvince(r.Context(), h.auth.DB, municipalities.Province)
	for _, m := range ms {
		p.Municipalities = append(p.Municipalities, web.Option{Value: m.ISTATCode, Label: m.Name + " (" + m.ISTATCode + ")"})
	}
	return p, err
}

// inProvince reports whether code is one of the select's municipalities.
func (p *orgFormPage) inProvince(code string) bool {
	for _, o := range p.Municipalities {
		if o.Value == code {
			return true
		}
	}
	return false
}

// fill shows the stored organisation in the form.
func (p *orgFormPage) fill(o *auth.Organisation) {
	p.Form = url.Values{"name": {o.Name}, "kind": {string(o.Kind)}, "ipa_code": {o.IPACode}, "email": {o.Email}}
	if o.Active {
		p.Form.Set("active", "1")
	}
	if p.inProvince(o.ISTATCode) {
		p.Form.Set("istat_code", o.ISTATCode)
	} else {
		p.Form.Set("istat_other", o.ISTATCode)
	}
}

func (h *Handler) orgNew(w http.ResponseWriter, r *http.Request) {
	p, err := h.newOrgForm(r, nil)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "admin/org_form.html", p)
}

func (h *Handler) orgCreate(w http.ResponseWriter, r *http.Request) {
	p, err := h.newOrgForm(r, nil)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	o, other := orgFromForm(r)
	err = h.auth.DB.InTx(r.Context(), func(tx *db.Tx) error {
		_, err := h.auth.CreateOrganisation(r.Context(), tx, o)
		return err
	})
	if err != nil {
		h.orgFormError(w, r, p, err, other)
		return
	}
	h.web.Redirect(w, r, "/admin/organisations/"+itoa(o.ID), "Organizzazione creata.")
}

func (h *Handler) orgFormError(w http.ResponseWriter, r *http.Request, p *orgFormPage, err error, other bool) {
	if other {
		err = moveField(err, "istat_code", "istat_other")
	}
	h.web.FormError(w, r, "admin/org_form.html", p, &p.Page, err)
}

// editTarget loads the organisation named by the path and its form.
func (h *Handler) editTarget(r *http.Request) (*orgFormPage, *auth.Organisation, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, nil, err
	}
	o, err := h.auth.Organisation(r.Context(), h.auth.DB, id)
	if err != nil {
		return nil, nil, err
	}
	p, err := h.newOrgForm(r, o)
	return p, o, err
}

func (h *Handler) orgEdit(w http.ResponseWriter, r *http.Request) {
	p, o, err := h.editTarget(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.fill(o)
	h.web.Render(w, r, "admin/org_form.html", p)
}

func (h *Handler) orgUpdate(w http.ResponseWriter, r *http.Request) {
	p, old, err := h.editTarget(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	o, other := orgFromForm(r)
	o.ID, o.Synthetic = old.ID, old.Synthetic
	err = h.auth.DB.InTx(r.Context(), func(tx *db.Tx) error {
		return h.auth.UpdateOrganisation(r.Context(), tx, o)
	})
	if err != nil {
		h.orgFormError(w, r, p, err, other)
		return
	}
	h.web.Redirect(w, r, "/admin/organisations/"+itoa(o.ID), "Organizzazione aggiornata.")
}
