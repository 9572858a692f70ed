package inspections

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// followUpView is what the inspection page shows of the follow-up chain:
// the follow-ups sent to check this inspection's actions, or the
// inspection this one follows up and the actions it checks.
type followUpView struct {
	CanPlan         bool
	FollowUps       []*Inspection
	Followed        *Inspection
	FollowedActions []*Action
}

func (h *Handler) loadFollowUpView(r *http.Request, in *Inspection, v *followUpView) error {
	u := web.UserOf(r)
	v.CanPlan = CanPlan(u)
	var err error
	if v.FollowUps, err = h.store.FollowUps(r.Context(), ScopeOf(u), in.ID); err != nil || in.FollowUpOf == nil {
		return err
	}
	// The follow-up's commission may not sit on the first one: it reads
	// that inspection's facts here, and its actions through their scope.
	if v.Followed, err = h.store.Inspection(r.Context(), Scope{All: true}, *in.FollowUpOf); err != nil {
		return err
	}
	return h.inspectionActions(r, v.Followed, &v.FollowedActions)
}

// followUpRequest plans a follow-up of the signed inspection of the path.
func (h *Handler) followUpRequest(w http.ResponseWriter, r *http.Request) {
	in, err := h.target(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	id, err := h.store.RequestFollowUp(r.Context(), web.UserOf(r), in.ID, parseDate(r.PostFormValue("planned_on")))
	if err != nil {
		h.showWithError(w, r, in, err)
		return
	}
	h.web.Redirect(w, r, inspectionURL(id), "Ispezione di verifica pianificata con la stessa commissione.")
}

// inspectionClose closes the inspection of the path.
func (h *Handler) inspectionClose(w http.ResponseWriter, r *http.Request) {
	in, err := h.target(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if err := h.store.Close(r.Context(), web.UserOf(r), in.ID); err != nil {
		h.showWithError(w, r, in, err)
		return
	}
	h.web.Redirect(w, r, inspectionURL(in.ID), "Ispezione chiusa.")
}

// showWithError shows the inspection page again with err next to its form.
func (h *Handler) showWithError(w http.ResponseWriter, r *http.Request, in *Inspection, err error) {
	p, perr := h.newShowPage(r, in)
	if perr != nil {
		h.web.Error(w, r, perr)
		return
	}
	h.web.FormError(w, r, "inspections/inspection.html", p, &p.Page, err)
}
