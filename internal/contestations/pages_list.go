package contestations

import (
	"context"
	"net/http"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

const perPage = 25

// expired is the list filter for notified contestations past their deadline.
const expired = "expired"

type listPage struct {
	web.Page
	Contestations []*Contestation
	Pager         *web.Pager
	States        []web.Option
	Facilities    []web.Option
	Filtered      bool
	CanManage     bool
	Now           time.Time
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	u := web.UserOf(r)
	sc := ScopeOf(u)
	p := &listPage{Page: h.web.NewPage(r, "Contestazioni di addebito"), CanManage: CanManage(u), Now: time.Now().UTC()}
	p.Crumb("Contestazioni", "")
	p.Form = q
	fl := Filter{FacilityCode: web.OptString(q.Get("facility")), Limit: perPage, Offset: (web.PageNumber(q) - 1) * perPage}
	if st := State(q.Get("state")); st.Valid() && (st != Draft || p.CanManage) {
		fl.State = &st
	}
	fl.Expired, fl.Now = q.Get("state") == expired, p.Now
	p.Filtered = fl.State != nil || fl.FacilityCode != nil || fl.Expired
	for _, s := range States {
		if s.Value != Draft || p.CanManage {
			p.States = append(p.States, web.Option{Value: string(s.Value), Label: s.Label})
		}
		if s.Value == Notified {
			p.States = append(p.States, web.Option{Value: expired, Label: "Termine scaduto"})
		}
	}
	var total int
	var err error
	if p.Contestations, total, err = h.store.List(r.Context(), sc, fl); err != nil {
		h.web.Error(w, r, err)
		return
	}
	if p.Facilities, err = facilityOptions(r.Context(), h.store.DB, sc); err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Pager = web.NewPager(&p.Page, web.PageNumber(q), perPage, total, web.ListURL(listURL, q))
	h.web.Render(w, r, "contestations/list.html", p)
}

// facilityOptions are the facilities with contestations in sc.
func facilityOptions(ctx context.Context, q db.Querier, sc Scope) ([]web.Option, error) {
	where, args := sc.clause()
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT f.code, f.name FROM contestations c JOIN facilities f ON f.id = c.facility_id
		WHERE `+where+` ORDER BY f.code`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []web.Option
	for rows.Next() {
		var code, name string
		if err := rows.Scan(&code, &name); err != nil {
			return nil, err
		}
		out = append(out, web.Option{Value: code, Label: code + " · " + name})
	}
	return out, rows.Err()
}
