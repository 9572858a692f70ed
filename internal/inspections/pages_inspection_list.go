package inspections

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type listPage struct {
	web.Page
	Inspections []*Inspection
	Overdue     []Overdue
	CanPlan     bool
	Phases      []web.Option
	Kinds       []web.Option
	Filtered    bool
}

func codeOptions(codes []Code) []web.Option {
	out := make([]web.Option, len(codes))
	for i, c := range codes {
		out[i] = web.Option{Value: c.Value, Label: c.Label}
	}
	return out
}

// filterOf reads the list filters from the query string; the form keeps
// them, since the page's Form is the query.
func filterOf(q url.Values, userID int64) Filter {
	var fl Filter
	if v := Phase(q.Get("stato")); codeLabel(Phases, string(v)) != string(v) {
		fl.Phase = &v
	}
	if v := Kind(q.Get("tipo")); codeLabel(Kinds, string(v)) != string(v) {
		fl.Kind = &v
	}
	if n, err := strconv.ParseInt(q.Get("struttura"), 10, 64); err == nil && n > 0 {
		fl.FacilityID = &n
	}
	if code := strings.ToUpper(strings.TrimSpace(q.Get("codice"))); code != "" {
		fl.FacilityCode = &code
	}
	if q.Get("mie") == "1" {
		fl.MemberID = &userID
	}
	return fl
}

func (h *Handler) inspectionList(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	sc := ScopeOf(u)
	p := &listPage{Page: h.web.NewPage(r, "Ispezioni"), CanPlan: CanPlan(u),
		Phases: codeOptions(Phases), Kinds: codeOptions(Kinds)}
	p.Crumb("Ispezioni", "")
	p.Form = r.URL.Query()
	fl := filterOf(p.Form, u.ID)
	p.Filtered = fl != (Filter{})
	var err error
	if p.Inspections, err = h.store.Inspections(r.Context(), sc, fl); err != nil {
		h.web.Error(w, r, err)
		return
	}
	if p.CanPlan {
		if p.Overdue, err = h.store.OverdueOn(r.Context(), time.Now().UTC()); err != nil {
			h.web.Error(w, r, err)
			return
		}
	}
	h.web.Render(w, r, "inspections/inspection_list.html", p)
}
