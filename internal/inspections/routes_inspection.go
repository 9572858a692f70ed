package inspections

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// inspectors gates the inspection pages: to anyone else they do not exist.
// Which inspections a user sees is the finer Scope.
var inspectors = web.Access{Roles: InspectionRoles, NotFound: true}

// inspectionRoutes are the planning and field-work pages.
func (h *Handler) inspectionRoutes() []web.Route {
	const p = "/ispezioni"
	route := func(method, pattern string, fn http.HandlerFunc) web.Route {
		return web.Route{Method: method, Pattern: p + pattern, Access: inspectors, Handler: fn}
	}
	plan := func(method, pattern string, fn http.HandlerFunc) web.Route {
		return web.Route{Method: method, Pattern: p + pattern, Access: planners, Handler: fn}
	}
	return []web.Route{
		route("GET", "", h.inspectionList),
		plan("GET", "/nuova", h.inspectionNew),
		plan("POST", "", h.inspectionCreate),
		plan("GET", "/piani", h.recurringList),
		plan("POST", "/piani", h.recurringCreate),
		route("GET", "/{id}", h.inspectionShow),
		route("POST", "/{id}/avvia", h.inspectionStart),
		route("POST", "/{id}/ospiti", h.inspectionGuests),
		route("POST", "/{id}/bozza", h.inspectionDraft),
		// "/{id}/compila" would clash with the checklists' "/checklist/{id}"
		// in the mux (neither is more specific); the wildcard is checked by
		// fillShow, and the checklist routes stay the more specific ones.
		// The same holds for "/{id}/verbale.pdf".
		route("GET", "/{id}/{view}", h.fillShow),
		route("POST", "/{id}/compila", h.fillSave),
		route("POST", "/{id}/voci/{item}", h.answerSave),
		route("POST", "/{id}/voci/{item}/allegati", h.evidenceUpload),
		route("POST", "/{id}/firma", h.verbaleSign),
		plan("POST", "/{id}/verifica", h.followUpRequest),
		plan("POST", "/{id}/chiudi", h.inspectionClose),
		// The verbale also answers at the English address the API and the
		// issue tracker use, with the same gate and scope.
		{Method: "GET", Pattern: "/inspections/{id}/verbale.pdf", Access: inspectors, Handler: h.verbalePDF},
	}
}

// planners gate planning: to inspectors and everyone else the planning
// pages and actions do not exist.
var planners = web.Access{Roles: []auth.Role{auth.RoleAdmin, auth.RolePrefettura}, NotFound: true}

// target loads the inspection named by the path within the user's scope.
func (h *Handler) target(r *http.Request) (*Inspection, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	return h.store.Inspection(r.Context(), ScopeOf(web.UserOf(r)), id)
}

var errClosed = apperr.Conflictf("Il verbale è firmato: l'ispezione non si modifica più.")

// editable loads the inspection named by the path and checks that the
// user may work on it.
func (h *Handler) editable(r *http.Request) (*Inspection, error) {
	in, err := h.target(r)
	if err != nil {
		return nil, err
	}
	if !CanEditInspection(web.UserOf(r), in) {
		return nil, errClosed
	}
	return in, nil
}

func inspectionURL(id int64) string { return "/ispezioni/" + itoa(id) }
