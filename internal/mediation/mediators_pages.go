package mediation

import (
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// mediatorRoutes are the mediators' register and profiles, the calendars
// and the secret calendar feeds. Every POST has four segments or more, so
// that none overlaps a request action /mediazione/{id}/<action>.
func (h *Handler) mediatorRoutes() []web.Route {
	coord := web.Access{Roles: Coordinators, NotFound: true}
	own := web.Access{Roles: append([]auth.Role{auth.RoleMediator}, Coordinators...), NotFound: true}
	cal := web.Access{Roles: append(append([]auth.Role{auth.RoleMediator}, Requesters...), Coordinators...), NotFound: true}
	r := func(method, pattern string, a web.Access, fn http.HandlerFunc) web.Route {
		return web.Route{Method: method, Pattern: baseURL + pattern, Access: a, Handler: fn}
	}
	return []web.Route{
		r("GET", "/mediatori", coord, h.mediatorList),
		r("GET", "/mediatori/nuovo", coord, h.mediatorNew),
		r("POST", "/mediatori", coord, h.mediatorCreate),
		r("GET", "/mediatori/{id}", own, h.mediatorShow),
		r("GET", "/mediatori/{id}/modifica", coord, h.mediatorEdit),
		r("POST", "/mediatori/{id}/modifica", coord, h.mediatorUpdate),
		r("GET", "/mediatori/{id}/disponibilita", own, h.availabilityForm),
		r("POST", "/mediatori/{id}/disponibilita", own, h.availabilitySave),
		r("POST", "/mediatori/{id}/assenze", own, h.leaveAdd),
		r("POST", "/mediatori/{id}/assenze/{leave}/elimina", own, h.leaveRemove),
		r("POST", "/mediatori/{id}/calendario/rigenera", own, h.feedRegenerate),
		r("GET", "/profilo", own, h.mediatorSelf),
		r("GET", "/calendario", cal, h.calendar),
		r("GET", "/calendario/{feed}", web.Public, h.icalFeed),
	}
}

type mediatorListPage struct {
	web.Page
	Mediators []*Mediator
	Languages []web.Option
	Areas     []web.Option
	Providers []web.Option
	States    []web.Option
	Filtered  bool
}

func (h *Handler) mediatorList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := &mediatorListPage{Page: h.web.NewPage(r, "Mediatori"), Areas: areaOptions(),
		States: []web.Option{{Value: "attivi", Label: "Attivi"}, {Value: "non-attivi", Label: "Non attivi"}}}
	p.Crumb("Mediazione", baseURL).Crumb("Mediatori", "")
	p.Form = q
	f := MediatorFilter{Language: q.Get("lingua"), Area: Area(q.Get("ambito"))}
	f.ProviderID, _ = strconv.ParseInt(q.Get("ente"), 10, 64)
	if !f.Area.Valid() {
		f.Area = ""
	}
	f.Active, f.Inactive = q.Get("stato") == "attivi", q.Get("stato") == "non-attivi"
	p.Filtered = f.Language != "" || f.Area != "" || f.ProviderID != 0 || f.Active || f.Inactive
	ctx := r.Context()
	var err error
	if p.Languages, err = languageOptions(ctx, h.store.DB); err == nil {
		if p.Providers, err = providerOptions(ctx, h.store.DB); err == nil {
			p.Mediators, err = h.store.ListMediators(ctx, web.UserOf(r), f)
		}
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "mediation/mediator_list.html", p)
}

// mediatorOf loads the mediator of the path for the user of r: outside
// their reach it does not exist.
func (h *Handler) mediatorOf(r *http.Request) (*Mediator, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	return h.store.Mediator(r.Context(), web.UserOf(r), id)
}

// mediatorSelf leads a mediator to their own profile; a coordinator
// without one to the register.
func (h *Handler) mediatorSelf(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	id, err := h.store.MediatorOfUser(r.Context(), u.ID)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	switch {
	case id != 0:
		http.Redirect(w, r, MediatorURL(id), http.StatusSeeOther)
	case CanCoordinate(u):
		http.Redirect(w, r, mediatorsURL, http.StatusSeeOther)
	default:
		p := h.web.NewPage(r, "Il mio profilo di mediatore")
		p.Crumb("Mediazione", baseURL).Crumb("Il mio profilo di mediatore", "")
		h.web.Render(w, r, "mediation/mediator_missing.html", &p)
	}
}
