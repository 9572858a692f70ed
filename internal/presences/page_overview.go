package presences

import (
	"net/http"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type overviewPage struct {
	web.Page
	Rows             []*Status
	Today, Yesterday time.Time
	CanImport        bool
	Window           int
	Pager            *web.Pager
}

func (h *Handler) overview(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	today := dayOf(time.Now())
	q := r.URL.Query()
	rows, total, err := statuses(r.Context(), h.db, scopeOf(u), today, web.PageNumber(q))
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p := &overviewPage{Page: h.web.NewPage(r, "Presenze"), Rows: rows, Today: today,
		Yesterday: today.AddDate(0, 0, -1), CanImport: u.HasAnyRole(reporterRoles...), Window: Window}
	p.Pager = web.NewPager(&p.Page, web.PageNumber(q), statusPage, total, web.ListURL("/presenze", q))
	p.Crumb("Presenze", "")
	h.web.Render(w, r, "presences/overview.html", p)
}
