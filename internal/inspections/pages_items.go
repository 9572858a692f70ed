package inspections

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type itemPage struct {
	web.Page
	Section    *Section
	Version    *Version
	Item       *Item // nil for a new item
	Action     string
	Severities []web.Option
	Capitolati []Code
	Systems    []Code
	Typologies []Code
}

// Checked reports whether value is among the form's values for name.
func (p *itemPage) Checked(name, value string) bool { return slices.Contains(p.Form[name], value) }

// newItemPage builds the item form for section sectionID; it is nil for a
// new item.
func (h *Handler) newItemPage(r *http.Request, sectionID int64, it *Item) (*itemPage, error) {
	sec, err := h.store.Section(r.Context(), sectionID)
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
	title, action := "Nuova voce", listURL+"/sezioni/"+itoa(sec.ID)+"/voci"
	if it != nil {
		title, action = "Modifica voce", listURL+"/voci/"+itoa(it.ID)
	}
	p := &itemPage{Page: h.web.NewPage(r, title), Section: sec, Version: v, Item: it, Action: action,
		Capitolati: Capitolati, Systems: SystemTypes, Typologies: Typologies}
	for _, s := range Severities {
		p.Severities = append(p.Severities, web.Option{Value: string(s), Label: s.Label()})
	}
	p.Crumb("Checklist ispezioni", listURL).Crumb(v.Template, templateURL(v.TemplateID)).Crumb(title, "")
	return p, nil
}

// fill shows a stored item in the form.
func (p *itemPage) fill(it *Item) {
	p.Form = url.Values{"text": {it.Text}, "legal_basis": {it.LegalBasis}, "severity": {string(it.Severity)},
		"penalty_code": {it.PenaltyCode}, "capitolati": it.Capitolati, "system_types": it.SystemTypes,
		"typologies": it.Typologies}
	if it.Evidence {
		p.Form.Set("evidence", "1")
	}
}

func itemFromForm(r *http.Request) ItemInput {
	return ItemInput{Text: r.PostFormValue("text"), LegalBasis: r.PostFormValue("legal_basis"),
		Severity: Severity(r.PostFormValue("severity")), PenaltyCode: r.PostFormValue("penalty_code"),
		Evidence: r.PostFormValue("evidence") == "1", Capitolati: r.PostForm["capitolati"],
		SystemTypes: r.PostForm["system_types"], Typologies: r.PostForm["typologies"]}
}

func (h *Handler) itemNew(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p, err := h.newItemPage(r, id, nil)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Form = url.Values{"severity": {string(Medium)}}
	h.web.Render(w, r, "inspections/item_form.html", p)
}

func (h *Handler) itemCreate(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p, err := h.newItemPage(r, id, nil)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	itemID, err := h.store.AddItem(r.Context(), id, itemFromForm(r))
	if err != nil {
		h.web.FormError(w, r, "inspections/item_form.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, versionURL(p.Version.ID)+"#voce-"+itoa(itemID), "Voce aggiunta.")
}
