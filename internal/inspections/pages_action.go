package inspections

import (
	"net/http"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type actionPage struct {
	web.Page
	Action    *Action
	CanRemedy bool
	CanReview bool
	Evidence  []Evidence
	Now       time.Time
}

// actionPageFor loads the action named by the path within the user's
// scope: another body's action is a 404, whatever the ID.
func (h *Handler) actionPageFor(r *http.Request) (*actionPage, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	u := web.UserOf(r)
	sc := ActionScopeOf(u)
	a, err := h.store.Action(r.Context(), sc, id)
	if err != nil {
		return nil, err
	}
	p := &actionPage{Page: h.web.NewPage(r, "Azione correttiva"), Action: a, Now: time.Now().UTC(),
		CanRemedy: CanRemedy(u, a) && a.Pending(), CanReview: sc.reviewer()}
	if p.Evidence, err = h.store.ActionEvidence(r.Context(), a.ID); err != nil {
		return nil, err
	}
	p.Crumb("Azioni correttive", actionsURL).Crumb(a.FacilityCode, actionsURL+"?facility="+a.FacilityCode).Crumb("Azione correttiva", "")
	return p, nil
}

func (h *Handler) actionShow(w http.ResponseWriter, r *http.Request) {
	p, err := h.actionPageFor(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "inspections/action.html", p)
}

func (h *Handler) actionRemedy(w http.ResponseWriter, r *http.Request) {
	p, err := h.actionPageFor(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	var ups []files.Upload
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if ups, err = h.files.FromRequest(r, "evidence"); err != nil {
			h.web.FormError(w, r, "inspections/action.html", p, &p.Page, err)
			return
		}
	}
	if err := h.store.Remedy(r.Context(), h.files, web.UserOf(r), p.Action.ID, r.PostFormValue("remedy"), ups); err != nil {
		h.web.FormError(w, r, "inspections/action.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, actionURL(p.Action.ID), "Risposta registrata.")
}

func (h *Handler) actionReview(w http.ResponseWriter, r *http.Request) {
	p, err := h.actionPageFor(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	close := r.PostFormValue("decision") == "close"
	if err := h.store.Review(r.Context(), web.UserOf(r), p.Action.ID, close, r.PostFormValue("note")); err != nil {
		h.web.FormError(w, r, "inspections/action.html", p, &p.Page, err)
		return
	}
	msg := "Azione riaperta."
	if close {
		msg = "Azione chiusa."
	}
	h.web.Redirect(w, r, actionURL(p.Action.ID), msg)
}

// actionRoutes are the corrective-action pages; the gate admits every
// role that may own, follow or review an action, the scope does the rest.
func (h *Handler) actionRoutes() []web.Route {
	gate := web.Access{Roles: ActionRoles, NotFound: true}
	return []web.Route{
		{Method: "GET", Pattern: actionsURL, Access: gate, Handler: h.actionList},
		{Method: "GET", Pattern: actionsURL + "/{id}", Access: gate, Handler: h.actionShow},
		{Method: "POST", Pattern: actionsURL + "/{id}/risposta", Access: gate, Handler: h.actionRemedy},
		{Method: "POST", Pattern: actionsURL + "/{id}/esito", Access: gate, Handler: h.actionReview},
	}
}

// inspectionActions loads, for the inspection page, the actions its
// signed verbale gave rise to.
func (h *Handler) inspectionActions(r *http.Request, in *Inspection, out *[]*Action) error {
	if in.Phase == Planned || in.Phase == InProgress || in.Phase == DraftReport {
		return nil
	}
	var err error
	*out, err = h.store.Actions(r.Context(), ActionScopeOf(web.UserOf(r)), ActionFilter{InspectionID: &in.ID}, time.Now().UTC())
	return err
}
