package facilities

import (
	"net/http"
	"net/url"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type docPage struct {
	web.Page
	Facility *Facility
	Document *Document // nil for a new one
	Action   string
	Kinds    []web.Option
}

// editableFacility loads the facility of the path for a change: 404 outside
// the user's scope, 403 inside it without the right to edit.
func (h *Handler) editableFacility(r *http.Request) (*Facility, error) {
	u := web.UserOf(r)
	f, err := h.store.Facility(r.Context(), u, r.PathValue("code"))
	if err == nil && !CanEdit(u, f) {
		err = errForbidden
	}
	return f, err
}

func (h *Handler) docPageFor(r *http.Request, f *Facility, d *Document) *docPage {
	title, action := "Nuovo documento", "/strutture/"+f.Code+"/documenti"
	if d != nil {
		title, action = "Modifica documento", action+"/"+itoa64(d.ID)
	}
	p := &docPage{Page: h.web.NewPage(r, title), Facility: f, Document: d, Action: action, Kinds: options(docKinds)}
	p.Crumb("Strutture di accoglienza", "/strutture").Crumb(f.Name, "/strutture/"+f.Code).Crumb(title, "")
	if d != nil && len(p.Form) == 0 {
		p.Form = url.Values{"kind": {string(d.Kind)}, "number": {d.Number}, "issued_on": {dateText(d.IssuedOn)}}
		if d.ExpiresOn != nil {
			p.Form.Set("expires_on", dateText(*d.ExpiresOn))
		}
	}
	return p
}

func (h *Handler) docNew(w http.ResponseWriter, r *http.Request) {
	f, err := h.editableFacility(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "facilities/document.html", h.docPageFor(r, f, nil))
}

func (h *Handler) docEdit(w http.ResponseWriter, r *http.Request) {
	f, err := h.editableFacility(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	d, err := h.docOf(r, f)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "facilities/document.html", h.docPageFor(r, f, d))
}

func (h *Handler) docOf(r *http.Request, f *Facility) (*Document, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	return h.store.Document(r.Context(), f, id)
}

func (h *Handler) docCreate(w http.ResponseWriter, r *http.Request) { h.docSave(w, r, false) }
func (h *Handler) docUpdate(w http.ResponseWriter, r *http.Request) { h.docSave(w, r, true) }

func (h *Handler) docSave(w http.ResponseWriter, r *http.Request, existing bool) {
	f, err := h.editableFacility(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	var cur *Document
	if existing {
		if cur, err = h.docOf(r, f); err != nil {
			h.web.Error(w, r, err)
			return
		}
	}
	fm := newForm(r)
	d := &Document{Kind: DocKind(fm.str("kind")), Number: fm.str("number"),
		IssuedOn:  fm.date("issued_on", "Indica la data di rilascio."),
		ExpiresOn: fm.optDate("expires_on", "Indica la scadenza come data, o lasciala vuota.")}
	if cur != nil {
		d.ID = cur.ID
	}
	err = fm.merge(d.Validate())
	if err == nil {
		err = h.store.SaveDocument(r.Context(), web.UserOf(r), f.Code, d)
	}
	if err != nil {
		p := h.docPageFor(r, f, cur)
		h.web.FormError(w, r, "facilities/document.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, "/strutture/"+f.Code, "Documento salvato.")
}
