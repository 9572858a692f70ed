package mediation

import (
	"context"
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/municipalities"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// members are the roles of the module: to everyone else its pages do not
// exist.
var members = web.Access{Roles: append(append([]auth.Role{auth.RoleMediator}, Requesters...), Coordinators...), NotFound: true}

// requesters may ask for mediation: mediators do not, and to them the
// request form does not exist.
var requesters = web.Access{Roles: append(append([]auth.Role{}, Requesters...), Coordinators...), NotFound: true}

// requestRoutes are the requests' pages and lifecycle actions.
func (h *Handler) requestRoutes() []web.Route {
	r := func(method, pattern string, fn http.HandlerFunc) web.Route {
		return web.Route{Method: method, Pattern: baseURL + pattern, Access: members, Handler: fn}
	}
	return []web.Route{
		r("GET", "", h.list),
		{Method: "GET", Pattern: baseURL + "/nuova", Access: requesters, Handler: h.newForm},
		{Method: "POST", Pattern: baseURL, Access: requesters, Handler: h.create},
		r("GET", "/{id}", h.show),
		r("POST", "/{id}/invia", h.act(h.send)),
		r("POST", "/{id}/convalida", h.act(h.validate)),
		r("POST", "/{id}/rifiuta", h.act(h.refuse)),
		r("POST", "/{id}/assegna", h.act(h.assign)),
		r("POST", "/{id}/conferma", h.act(h.confirm)),
		r("POST", "/{id}/declina", h.act(h.decline)),
		r("POST", "/{id}/accetta", h.act(h.accept)),
		r("POST", "/{id}/svolta", h.act(h.delivered)),
		r("POST", "/{id}/rendiconto", h.act(h.reportDelivery)),
		r("POST", "/{id}/approva", h.act(h.approve)),
		r("POST", "/{id}/rimanda", h.act(h.sendBack)),
		r("POST", "/{id}/annulla", h.act(h.cancel)),
		r("POST", "/{id}/assente", h.act(h.noShow)),
	}
}

const perPage = 25

type listPage struct {
	web.Page
	formats
	Requests   []*Request
	Pager      *web.Pager
	States     []web.Option
	Languages  []web.Option
	Filtered   bool
	CanRequest bool
	Coordinate bool
	Mediator   bool
	Offered    []*Request // urgent requests waiting for this mediator's answer
	Counts     []StateCount
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	sc, err := h.scope(r.Context(), u)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	q := r.URL.Query()
	p := &listPage{Page: h.web.NewPage(r, "Richieste di mediazione"), CanRequest: CanRequest(u), Coordinate: CanCoordinate(u),
		Mediator: u.HasRole(auth.RoleMediator)}
	p.Crumb("Mediazione", baseURL)
	p.Form = q
	f := Filter{Limit: perPage, Offset: (web.PageNumber(q) - 1) * perPage}
	if st := State(q.Get("state")); st.Valid() {
		f.State = &st
	}
	f.Language = web.OptString(q.Get("language"))
	p.Filtered = f.State != nil || f.Language != nil
	for _, s := range States {
		p.States = append(p.States, web.Option{Value: string(s), Label: s.Label()})
	}
	if p.Languages, err = languageOptions(r.Context(), h.store.DB); err != nil {
		h.web.Error(w, r, err)
		return
	}
	if p.Counts, err = h.store.Counts(r.Context(), sc); err != nil {
		h.web.Error(w, r, err)
		return
	}
	var total int
	if p.Requests, total, err = h.store.List(r.Context(), sc, f); err != nil {
		h.web.Error(w, r, err)
		return
	}
	if sc.Mediator != 0 {
		if p.Offered, _, err = h.store.List(r.Context(), sc, Filter{Offered: true, Limit: 50}); err != nil {
			h.web.Error(w, r, err)
			return
		}
	}
	p.Pager = web.NewPager(&p.Page, web.PageNumber(q), perPage, total, web.ListURL(baseURL, q))
	h.web.Render(w, r, "mediation/request_list.html", p)
}

// municipalityOptions are the province's municipalities.
func municipalityOptions(ctx context.Context, q db.Querier) ([]web.Option, error) {
	return municipalities.Options(ctx, q, municipalities.Province)
}

// pathID is the {id} of the URL, 0 when malformed (which finds nothing).
func pathID(r *http.Request) int64 {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id
}
