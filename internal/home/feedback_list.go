package home

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/web"
)

const feedbackPerPage = 25

type feedbackListPage struct {
	page
	Items []Feedback
	Pager *web.Pager
}

// feedbackList shows admins the reports sent from the statement.
func (h *Handler) feedbackList(w http.ResponseWriter, r *http.Request) {
	p := &feedbackListPage{page: h.newPage(r, "Segnalazioni sull'accessibilità")}
	p.Crumb("Dichiarazione di accessibilità", "/accessibilita").Crumb("Segnalazioni sull'accessibilità", "")
	n := web.PageNumber(r.URL.Query())
	items, total, err := listFeedback(r.Context(), h.db, feedbackPerPage, (n-1)*feedbackPerPage)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Items = items
	p.Pager = web.NewPager(&p.Page, n, feedbackPerPage, total, "/accessibilita/segnalazioni")
	h.web.Render(w, r, "home/segnalazioni.html", p)
}

type privacyPage struct {
	page
}

func (h *Handler) privacy(w http.ResponseWriter, r *http.Request) {
	p := &privacyPage{page: h.newPage(r, "Informativa sul trattamento dei dati personali")}
	p.Crumb("Informativa privacy", "")
	h.web.Render(w, r, "home/privacy.html", p)
}
