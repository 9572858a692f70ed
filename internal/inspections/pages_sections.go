package inspections

import (
	"net/http"
	"net/url"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// sectionCreate adds a section from the form at the foot of a draft's page;
// a wrong title re-shows that page with the message next to the field.
func (h *Handler) sectionCreate(w http.ResponseWriter, r *http.Request) {
	p, err := h.newVersionPage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if _, err := h.store.AddSection(r.Context(), p.Version.ID, r.PostFormValue("title")); err != nil {
		h.web.FormError(w, r, "inspections/version.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, versionURL(p.Version.ID), "Sezione aggiunta.")
}

type sectionPage struct {
	web.Page
	Section *Section
	Version *Version
}

// newSectionPage loads the section named by the path, refusing sections of
// published versions before any form is shown.
func (h *Handler) newSectionPage(r *http.Request) (*sectionPage, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	sec, err := h.store.Section(r.Context(), id)
	if err != nil {
		return nil, err
	}
	v, err := h.store.Version(r.Context(), sec.VersionID)
	if err != nil {
		return nil, err
	}
	if !v.Editable() {
		return nil, errFrozen
	}
	p := &sectionPage{Page: h.web.NewPage(r, "Modifica sezione"), Section: sec, Version: v}
	p.Crumb("Checklist ispezioni", listURL).Crumb(v.Template, templateURL(v.TemplateID))
	return p, nil
}

func (h *Handler) sectionEdit(w http.ResponseWriter, r *http.Request) {
	p, err := h.newSectionPage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Crumb("Modifica sezione", "")
	p.Form = url.Values{"title": {p.Section.Title}}
	h.web.Render(w, r, "inspections/section_form.html", p)
}

func (h *Handler) sectionUpdate(w http.ResponseWriter, r *http.Request) {
	p, err := h.newSectionPage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Crumb("Modifica sezione", "")
	if err := h.store.RenameSection(r.Context(), p.Section.ID, r.PostFormValue("title")); err != nil {
		h.web.FormError(w, r, "inspections/section_form.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, versionURL(p.Version.ID), "Sezione aggiornata.")
}

// sectionAction runs fn on the section named by the path and goes back to
// its version.
func (h *Handler) sectionAction(w http.ResponseWriter, r *http.Request, fn func(sec *Section) error, flash string) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	sec, err := h.store.Section(r.Context(), id)
	if err == nil {
		err = fn(sec)
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Redirect(w, r, versionURL(sec.VersionID)+"#sezione-"+itoa(sec.ID), flash)
}

func (h *Handler) sectionDelete(w http.ResponseWriter, r *http.Request) {
	h.sectionAction(w, r, func(sec *Section) error { return h.store.DeleteSection(r.Context(), sec.ID) }, "Sezione eliminata.")
}

func (h *Handler) sectionMove(w http.ResponseWriter, r *http.Request) {
	h.sectionAction(w, r, func(sec *Section) error {
		return h.store.MoveSection(r.Context(), sec.ID, r.PostFormValue("dir") == "su")
	}, "Sezione spostata.")
}
