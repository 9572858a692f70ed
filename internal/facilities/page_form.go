package facilities

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type formPage struct {
	web.Page
	Facility       *Facility // nil for a new one
	Action         string
	Systems        []web.Option
	Typologies     []web.Option
	States         []web.Option
	Municipalities []web.Option
	Bodies         []web.Option
	Guests         []guestCheck
}

type guestCheck struct {
	Value, Label string
	Checked      bool
}

// newFormPage builds the facility form; f is nil for a new facility.
func (h *Handler) newFormPage(r *http.Request, f *Facility) (*formPage, error) {
	title, action := "Nuova struttura", "/strutture"
	if f != nil {
		title, action = "Modifica struttura", "/strutture/"+f.Code
	}
	p := &formPage{Page: h.web.NewPage(r, title), Facility: f, Action: action, Systems: options(systemTypes),
		Typologies: options(typologies), States: options(states)}
	p.Crumb("Strutture di accoglienza", "/strutture")
	if f != nil {
		p.Crumb(f.Name, "/strutture/"+f.Code)
		if len(p.Form) == 0 {
			p.Form = facilityValues(f)
		}
	}
	p.Crumb(title, "")
	var err error
	p.Municipalities, p.Bodies, err = filterOptions(r.Context(), h.store.DB, Scope{All: true})
	for _, g := range guestGroups {
		p.Guests = append(p.Guests, guestCheck{g.Value, g.Label, slices.Contains(p.Form["guests"], g.Value)})
	}
	return p, err
}

// facilityValues are f's fields as the form shows them.
func facilityValues(f *Facility) url.Values {
	v := url.Values{"name": {f.Name}, "system_type": {string(f.System)}, "typology": {string(f.Typology)},
		"address": {f.Address}, "istat_code": {f.ISTATCode}, "authorised_places": {strconv.Itoa(f.AuthorisedPlaces)},
		"contracted_places": {strconv.Itoa(f.ContractedPlaces)}, "managing_body_id": {strconv.FormatInt(f.BodyID, 10)}}
	for _, g := range f.Guests {
		v.Add("guests", string(g))
	}
	return v
}

// facilityFromForm reads the submitted registry fields.
func facilityFromForm(r *http.Request) (*Facility, *form) {
	fm := newForm(r)
	f := &Facility{Name: fm.str("name"), System: SystemType(fm.str("system_type")), Typology: Typology(fm.str("typology")),
		Address: fm.str("address"), ISTATCode: fm.str("istat_code"),
		AuthorisedPlaces: fm.int("authorised_places", "Indica i posti autorizzati con un numero intero."),
		ContractedPlaces: fm.int("contracted_places", "Indica i posti in convenzione con un numero intero."),
		BodyID:           fm.id("managing_body_id", "Scegli l'ente gestore.")}
	for _, g := range r.PostForm["guests"] {
		f.Guests = append(f.Guests, Guest(g))
	}
	return f, fm
}

func (h *Handler) newForm(w http.ResponseWriter, r *http.Request) {
	if !CanManage(web.UserOf(r)) {
		h.web.Error(w, r, errForbidden)
		return
	}
	p, err := h.newFormPage(r, nil)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Form = url.Values{"state": {string(StateProposed)}, "state_since": {today().Format("2006-01-02")}}
	h.web.Render(w, r, "facilities/form.html", p)
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	if !CanManage(u) {
		h.web.Error(w, r, errForbidden)
		return
	}
	f, fm := facilityFromForm(r)
	f.State = State(fm.str("state"))
	f.StateSince = fm.date("state_since", "Indica la data dello stato.")
	err := fm.merge(f.Validate())
	if err == nil {
		err = h.store.CreateFacility(r.Context(), u, f)
	}
	if err != nil {
		p, perr := h.newFormPage(r, nil)
		if perr != nil {
			h.web.Error(w, r, perr)
			return
		}
		h.web.FormError(w, r, "facilities/form.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, "/strutture/"+f.Code, "Struttura registrata.")
}

func (h *Handler) editForm(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	f, err := h.store.Facility(r.Context(), u, r.PathValue("code"))
	if err == nil && !CanEdit(u, f) {
		err = errForbidden
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p, err := h.newFormPage(r, f)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "facilities/form.html", p)
}

func (h *Handler) update(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	ctx := r.Context()
	cur, err := h.store.Facility(ctx, u, r.PathValue("code"))
	if err == nil && !CanEdit(u, cur) {
		err = errForbidden
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	in, fm := facilityFromForm(r)
	err = fm.merge(in.Validate())
	if err == nil {
		err = h.store.UpdateFacility(ctx, u, cur.Code, in)
	}
	if err != nil {
		p, perr := h.newFormPage(r, cur)
		if perr != nil {
			h.web.Error(w, r, perr)
			return
		}
		h.web.FormError(w, r, "facilities/form.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, "/strutture/"+cur.Code, "Struttura aggiornata.")
}
