package inspections

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type versionPage struct {
	web.Page
	Version  *Version
	Template *Template
	CanEdit  bool
}

// IsCurrent reports whether the page's version is the template's current one.
func (p *versionPage) IsCurrent() bool {
	return p.Template.Current != nil && p.Template.Current.ID == p.Version.ID
}

// newVersionPage loads the version named by the path and its page.
func (h *Handler) newVersionPage(r *http.Request) (*versionPage, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	return h.versionPageFor(r, id)
}

func (h *Handler) versionPageFor(r *http.Request, id int64) (*versionPage, error) {
	v, err := h.store.Version(r.Context(), id)
	if err != nil {
		return nil, err
	}
	t, _, err := h.store.Template(r.Context(), v.TemplateID)
	if err != nil {
		return nil, err
	}
	title := v.Template + " · " + h.web.I18n().T(web.From(r).Lang, "versione %d", v.Number)
	p := &versionPage{Page: h.web.NewPage(r, title), Version: v, Template: t, CanEdit: CanEdit(web.UserOf(r))}
	p.Crumb("Checklist ispezioni", listURL).Crumb(v.Template, templateURL(t.ID)).Crumb(title, "")
	return p, nil
}

func (h *Handler) versionShow(w http.ResponseWriter, r *http.Request) {
	p, err := h.newVersionPage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "inspections/version.html", p)
}

// versionNew starts a draft from a published version; when a draft exists
// already the editor is taken there instead, since there is one at a time.
func (h *Handler) versionNew(w http.ResponseWriter, r *http.Request) {
	p, err := h.newVersionPage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if d := p.Template.Draft; d != nil {
		h.web.Redirect(w, r, versionURL(d.ID), "Esiste già una bozza di questa checklist: modifica quella.")
		return
	}
	id, err := h.store.NewVersion(r.Context(), p.Version.ID)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Redirect(w, r, versionURL(id), "Nuova versione creata come bozza.")
}

func (h *Handler) versionPublish(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if err := h.store.Publish(r.Context(), id); err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Redirect(w, r, versionURL(id), "Versione pubblicata: ora è quella in uso.")
}
