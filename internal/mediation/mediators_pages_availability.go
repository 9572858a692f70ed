package mediation

import (
	"context"
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// The actions a mediator takes on their own profile, as the coordinators
// do on any: the weekly availability, leave, the feed's secret.

type availabilityPage struct {
	web.Page
	M    *Mediator
	Days []weekdayWindows
	Rows []int
}

// Name is the name of the field of day's row, part "from" or "to".
func (p *availabilityPage) Name(day, row int, part string) string {
	return "w" + strconv.Itoa(day) + "_" + strconv.Itoa(row) + "_" + part
}

func (h *Handler) availabilityPageFor(r *http.Request, m *Mediator) *availabilityPage {
	p := &availabilityPage{Page: h.web.NewPage(r, "Disponibilità settimanale"), M: m}
	p.Crumb("Mediazione", baseURL)
	if CanCoordinate(web.UserOf(r)) {
		p.Crumb("Mediatori", mediatorsURL)
	}
	p.Crumb(m.Name, m.URL()).Crumb("Disponibilità settimanale", "")
	for d := 1; d <= 7; d++ {
		p.Days = append(p.Days, weekdayWindows{Day: d, Name: WeekdayName(d)})
	}
	return p
}

func (h *Handler) availabilityForm(w http.ResponseWriter, r *http.Request) {
	m, err := h.mediatorOf(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p := h.availabilityPageFor(r, m)
	var rows int
	p.Form, rows = windowValues(m.Weekly)
	p.Rows = make([]int, rows)
	for i := range p.Rows {
		p.Rows[i] = i
	}
	h.web.Render(w, r, "mediation/mediator_availability.html", p)
}

func (h *Handler) availabilitySave(w http.ResponseWriter, r *http.Request) {
	m, err := h.mediatorOf(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	ws, err := windowsFrom(r.PostForm)
	if err == nil {
		err = h.store.SetAvailability(r.Context(), web.UserOf(r), m.ID, ws)
	}
	if err != nil {
		p := h.availabilityPageFor(r, m)
		_, rows := windowValues(ws)
		for row := range maxWindowRows {
			for d := 1; d <= 7; d++ {
				if r.PostForm.Get(p.Name(d, row, "from"))+r.PostForm.Get(p.Name(d, row, "to")) != "" {
					rows = max(rows, row+1)
				}
			}
		}
		for i := range rows {
			p.Rows = append(p.Rows, i)
		}
		h.web.FormError(w, r, "mediation/mediator_availability.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, m.URL(), "Disponibilità aggiornata.")
}

func (h *Handler) leaveAdd(w http.ResponseWriter, r *http.Request) {
	m, err := h.mediatorOf(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	lf := LeaveForm{From: r.PostFormValue("from"), To: r.PostFormValue("to"), Note: r.PostFormValue("note")}
	if _, err := h.store.AddLeave(r.Context(), web.UserOf(r), m.ID, lf); err != nil {
		p, perr := h.mediatorPageFor(r, m)
		if perr != nil {
			h.web.Error(w, r, perr)
			return
		}
		h.web.FormError(w, r, "mediation/mediator_show.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, m.URL()+"#assenze", "Assenza registrata.")
}

func (h *Handler) leaveRemove(w http.ResponseWriter, r *http.Request) {
	m, err := h.mediatorOf(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	lid, err := web.PathID(r, "leave")
	if err == nil {
		err = h.store.RemoveLeave(r.Context(), web.UserOf(r), m.ID, lid)
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Redirect(w, r, m.URL()+"#assenze", "Assenza eliminata.")
}

func (h *Handler) feedRegenerate(w http.ResponseWriter, r *http.Request) {
	m, err := h.mediatorOf(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if err := h.store.RegenerateToken(r.Context(), web.UserOf(r), m.ID); err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Redirect(w, r, m.URL()+"#calendario", "Nuovo indirizzo del calendario creato: quello vecchio non funziona più.")
}

// municipalityNames are the names of the municipalities of codes, by name.
func municipalityNames(ctx context.Context, q db.Querier, codes []string) ([]string, error) {
	if len(codes) == 0 {
		return nil, nil
	}
	args := make([]any, len(codes))
	for i, c := range codes {
		args[i] = c
	}
	opts, err := web.QueryOptions(ctx, q, `SELECT istat_code, name FROM municipalities WHERE istat_code IN (`+
		marks(len(codes))+`) ORDER BY name`, args...)
	out := make([]string, 0, len(opts))
	for _, o := range opts {
		out = append(out, o.Label)
	}
	return out, err
}
