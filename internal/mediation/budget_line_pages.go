package mediation

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// linePage is the form of a funding line.
type linePage struct {
	web.Page
	ID     int64
	Orgs   []allocOrg
	Action string
}

// AllocField is the form field of an organisation's allocation.
func (p *linePage) AllocField(org int64) string { return allocField(org) }

func (h *Handler) linePageFor(r *http.Request, id int64) (*linePage, error) {
	title := "Nuova linea di finanziamento"
	if id != 0 {
		title = "Modifica linea di finanziamento"
	}
	p := &linePage{Page: h.web.NewPage(r, title), ID: id, Action: budgetURL + "/linee"}
	p.Crumb("Mediazione", baseURL).Crumb("Budget della mediazione", budgetURL).Crumb(title, "")
	if id != 0 {
		p.Action += "/" + strconv.FormatInt(id, 10)
	}
	var err error
	p.Orgs, err = allocationOrgs(r.Context(), h.store.DB)
	return p, err
}

func (h *Handler) newLine(w http.ResponseWriter, r *http.Request) {
	p, err := h.linePageFor(r, 0)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	d := DefaultPolicy
	p.Form = url.Values{"round_min": {strconv.Itoa(d.RoundMin)}, "minimum_min": {strconv.Itoa(d.MinimumMin)},
		"late_notice_hours": {strconv.Itoa(d.LateNoticeH)}, "late_counts": {"1"}, "active": {"1"}}
	h.web.Render(w, r, "mediation/budget_line.html", p)
}

func (h *Handler) editLine(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	var l *FundingLine
	if err == nil {
		l, err = h.store.Line(r.Context(), id)
	}
	var alloc map[int64]int
	if err == nil {
		alloc, err = h.store.Allocations(r.Context(), id)
	}
	var p *linePage
	if err == nil {
		p, err = h.linePageFor(r, id)
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Form = lineValues(l, alloc)
	h.web.Render(w, r, "mediation/budget_line.html", p)
}

// lineValues is a stored line as the form shows it.
func lineValues(l *FundingLine, alloc map[int64]int) url.Values {
	b := func(v bool) string {
		if v {
			return "1"
		}
		return ""
	}
	v := url.Values{"name": {l.Name}, "total_hours": {formHours(l.TotalMin)},
		"from": {l.From.Format(time.DateOnly)}, "to": {l.To.Format(time.DateOnly)},
		"round_min": {strconv.Itoa(l.Policy.RoundMin)}, "minimum_min": {strconv.Itoa(l.Policy.MinimumMin)},
		"travel_counts": {b(l.Policy.TravelCounts)}, "late_notice_hours": {strconv.Itoa(l.Policy.LateNoticeH)},
		"late_counts": {b(l.Policy.LateCounts)}, "active": {b(l.Active)}}
	for org, m := range alloc {
		v.Set(allocField(org), formHours(m))
	}
	return v
}

// formHours is minutes as hours with a decimal point and no
// trailing zeros, as a form field shows them.
func formHours(min int) string {
	return strconv.FormatFloat(Hours(min), 'f', -1, 64)
}

// lineForm reads the posted form; the organisations offered are the only
// allocations read.
func lineForm(r *http.Request, orgs []allocOrg) *LineForm {
	num := func(name string) int {
		n, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue(name)))
		if err != nil {
			return -1
		}
		return n
	}
	f := &LineForm{Name: r.PostFormValue("name"), TotalHours: r.PostFormValue("total_hours"),
		From: r.PostFormValue("from"), To: r.PostFormValue("to"), RoundMin: num("round_min"),
		MinimumMin: num("minimum_min"), TravelCounts: r.PostFormValue("travel_counts") != "",
		LateNoticeH: num("late_notice_hours"), LateCounts: r.PostFormValue("late_counts") != "",
		Active: r.PostFormValue("active") != "", Allocations: map[int64]string{}}
	for _, o := range orgs {
		f.Allocations[o.ID] = r.PostFormValue(allocField(o.ID))
	}
	return f
}

func (h *Handler) createLine(w http.ResponseWriter, r *http.Request) { h.saveLine(w, r, 0) }

func (h *Handler) updateLine(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err == nil {
		_, err = h.store.Line(r.Context(), id)
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.saveLine(w, r, id)
}

func (h *Handler) saveLine(w http.ResponseWriter, r *http.Request, id int64) {
	p, err := h.linePageFor(r, id)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	id, err = h.store.SaveLine(r.Context(), id, lineForm(r, p.Orgs))
	if err != nil {
		h.web.FormError(w, r, "mediation/budget_line.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, LineURL(id), "Linea di finanziamento salvata.")
}
