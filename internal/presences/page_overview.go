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
}

func (h *Handler) overview(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	today := dayOf(time.Now())
	rows, err := statuses(r.Context(), h.db, scopeOf(u), today)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p := &overviewPage{Page: h.web.NewPage(r, "Presenze"), Rows: rows, Today: today,
		Yesterday: today.AddDate(0, 0, -1), CanImport: u.HasAnyRole(reporterRoles...), Window: Window}
	p.Crumb("Presenze", "")
	h.web.Render(w, r, "presences/overview.html", p)
}
