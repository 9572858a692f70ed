package monitoring

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type typologyPage struct {
	page
	A *Analysis
}

// UrbanThreshold and MinCell for the template's explanations.
func (p *typologyPage) UrbanThreshold() int { return UrbanThreshold }
func (p *typologyPage) MinCell() int        { return MinCell }

// Bar is the width, out of 100, of a share's bar.
func (p *typologyPage) Bar(v float64) int { return int(v + 0.5) }

// analysis loads and classifies the active facilities for the user.
func (h *Handler) analysis(r *http.Request) (*Analysis, error) {
	ps, err := profiles(r.Context(), h.db)
	if err != nil {
		return nil, err
	}
	return analyse(ps, Suppressed(web.UserOf(r))), nil
}

func (h *Handler) typology(w http.ResponseWriter, r *http.Request) {
	a, err := h.analysis(r)
	if !h.guard(w, r, err) {
		return
	}
	p := &typologyPage{page: h.newPage(r, "Analisi delle tipologie"), A: a}
	p.Crumb("Analisi delle tipologie", "")
	h.web.Render(w, r, "monitoring/typology.html", p)
}
