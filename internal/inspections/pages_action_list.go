package inspections

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

const actionsURL = "/azioni-correttive"

func actionURL(id int64) string { return actionsURL + "/" + itoa(id) }

type actionListPage struct {
	web.Page
	Actions  []*Action
	States   []web.Option
	Facility string
	Trend    []TrendRow
	Filtered bool
	Now      time.Time
}

func actionFilterOf(q url.Values) ActionFilter {
	var fl ActionFilter
	if v := ActionState(q.Get("state")); codeLabel(ActionStates, string(v)) != string(v) {
		fl.State = &v
	}
	if v := strings.ToUpper(strings.TrimSpace(q.Get("facility"))); v != "" {
		fl.FacilityCode = &v
	}
	return fl
}

func (h *Handler) actionList(w http.ResponseWriter, r *http.Request) {
	sc := ActionScopeOf(web.UserOf(r))
	p := &actionListPage{Page: h.web.NewPage(r, "Azioni correttive"), States: codeOptions(ActionStates), Now: time.Now().UTC()}
	p.Crumb("Azioni correttive", "")
	p.Form = r.URL.Query()
	fl := actionFilterOf(p.Form)
	p.Filtered = fl != (ActionFilter{})
	if err := h.fillActionList(r.Context(), p, sc, fl); err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "inspections/actions.html", p)
}

// fillActionList loads the list and, when one facility is chosen and the
// user sees some of its actions, its trend. The facility is typed as its
// code: at the national scale a select would list thousands.
func (h *Handler) fillActionList(ctx context.Context, p *actionListPage, sc ActionScope, fl ActionFilter) error {
	var err error
	if p.Actions, err = h.store.Actions(ctx, sc, fl, p.Now); err != nil {
		return err
	}
	if fl.FacilityCode == nil {
		return nil
	}
	all, err := h.store.Actions(ctx, sc, ActionFilter{FacilityCode: fl.FacilityCode}, p.Now)
	if err != nil || len(all) == 0 {
		return err
	}
	p.Facility = all[0].FacilityCode + " · " + all[0].FacilityName
	p.Trend, err = h.store.Trend(ctx, *fl.FacilityCode)
	return err
}
