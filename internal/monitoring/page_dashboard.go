package monitoring

import (
	"net/http"
	"time"
)

type dashboardPage struct {
	page
	F *Figures
}

// Horizon values for the template's sentences.
func (p *dashboardPage) InspectionHorizon() int { return InspectionHorizon }
func (p *dashboardPage) ContractHorizon() int   { return ContractHorizon }
func (p *dashboardPage) DocumentHorizon() int   { return DocumentHorizon }
func (p *dashboardPage) PresenceWindow() int    { return PresenceWindow }

func (h *Handler) dashboard(w http.ResponseWriter, r *http.Request) {
	f, err := h.Figures(r.Context(), time.Now())
	if !h.guard(w, r, err) {
		return
	}
	p := &dashboardPage{page: h.newPage(r, "Cruscotto della Prefettura"), F: f}
	p.Crumb("Cruscotto della Prefettura", "")
	h.web.Render(w, r, "monitoring/dashboard.html", p)
}
