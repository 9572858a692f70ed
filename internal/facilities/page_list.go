package facilities

import (
	"context"
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/municipalities"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type listPage struct {
	web.Page
	Facilities     []*Facility
	Pager          *web.Pager
	Municipalities []web.Option
	Bodies         []web.Option
	Systems        []web.Option
	States         []web.Option
	CanManage      bool
	CanSeeAll      bool
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	u := web.UserOf(r)
	p := &listPage{Page: h.web.NewPage(r, "Strutture di accoglienza"), Systems: options(systemTypes), States: options(states),
		CanManage: CanManage(u), CanSeeAll: CanSeeAll(u)}
	p.Crumb("Strutture di accoglienza", "")
	p.Form = q
	fl := Filter{ISTATCode: web.OptString(q.Get("istat_code")), Text: web.OptString(q.Get("q")), Limit: perPage,
		Offset: (web.PageNumber(q) - 1) * perPage}
	if id, err := strconv.ParseInt(q.Get("managing_body_id"), 10, 64); err == nil {
		fl.BodyID = &id
	}
	if st := SystemType(q.Get("system_type")); st.Valid() {
		fl.System = &st
	}
	if s := State(q.Get("state")); s.Valid() {
		fl.State = &s
	}
	ctx := r.Context()
	var total int
	var err error
	if p.Facilities, total, err = h.store.Facilities(ctx, u, fl); err != nil {
		h.web.Error(w, r, err)
		return
	}
	if p.Municipalities, p.Bodies, err = filterOptions(ctx, h.store.DB, ListScope(u)); err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Pager = web.NewPager(&p.Page, web.PageNumber(q), perPage, total, web.ListURL("/strutture", q))
	h.web.Render(w, r, "facilities/list.html", p)
}

// filterOptions are the Comuni of the province and the managing bodies in
// scope, for the filters and forms.
func filterOptions(ctx context.Context, q db.Querier, sc Scope) (munis, bodies []web.Option, err error) {
	ms, err := municipalities.InProvince(ctx, q, municipalities.Province)
	if err != nil {
		return nil, nil, err
	}
	for _, m := range ms {
		munis = append(munis, web.Option{Value: m.ISTATCode, Label: m.Name})
	}
	bodies, err = bodyOptions(ctx, q, sc)
	return munis, bodies, err
}

func bodyOptions(ctx context.Context, q db.Querier, sc Scope) ([]web.Option, error) {
	where, args := sc.clause("id")
	return web.QueryOptions(ctx, q, `SELECT id, name FROM organisations WHERE kind = 'ente_gestore' AND active = ? AND `+
		where+` ORDER BY name`, append([]any{true}, args...)...)
}
