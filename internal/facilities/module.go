// Package facilities is the registry of the province's reception
// facilities: facilities with permanent codes, their compliance documents,
// the contracts that pay for them with their penalty grids, the history of
// every change by period, and the caps of places per municipality. Other
// rooms (presences, inspections, contestations) name a facility by its ID
// or code and a contract by its ID.
package facilities

import (
	"embed"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed templates/*.html
var templates embed.FS

// Handler serves the registry's pages.
type Handler struct {
	web     *web.Server
	store   *Store
	auth    *auth.Store
	related []Related
}

// Deps are what the registry needs.
type Deps struct {
	Web  *web.Server
	Auth *auth.Store
}

// New registers the templates and the navigation entry.
func New(d Deps) (*Handler, error) {
	h := &Handler{web: d.Web, store: NewStore(d.Auth.DB), auth: d.Auth}
	if err := d.Web.Templates(templates, "templates", "facilities"); err != nil {
		return nil, err
	}
	d.Web.AddNav(web.NavEntry{Label: "Strutture", URL: "/strutture", Access: viewers, Order: 20})
	return h, nil
}

// Store returns the registry's store, for the modules that name facilities.
func (h *Handler) Store() *Store { return h.store }

// viewers gates every page: to anyone else the module does not exist.
var viewers = web.Access{Roles: viewerRoles, NotFound: true}

// forms gates the pages that only show a form to change the registry:
// those who may not change it have no such page. The actions behind them
// stay open to viewers, so that an inspector or a managing body is told 403
// and a managing body asking about another's record 404.
var forms = web.Access{Roles: []auth.Role{auth.RoleAdmin, auth.RolePrefettura}, NotFound: true}

// staff gates the caps pages, which sum every managing body's places.
var staff = web.Access{Roles: staffRoles, NotFound: true}

// Routes is the registry's route table.
func (h *Handler) Routes() []web.Route {
	return []web.Route{
		{Method: "GET", Pattern: "/strutture", Access: viewers, Handler: h.list},
		{Method: "GET", Pattern: "/strutture/nuova", Access: forms, Handler: h.newForm},
		{Method: "POST", Pattern: "/strutture", Access: viewers, Handler: h.create},
		{Method: "GET", Pattern: "/strutture/{code}", Access: viewers, Handler: h.show},
		{Method: "GET", Pattern: "/strutture/{code}/modifica", Access: forms, Handler: h.editForm},
		{Method: "POST", Pattern: "/strutture/{code}", Access: viewers, Handler: h.update},
		{Method: "POST", Pattern: "/strutture/{code}/stato", Access: viewers, Handler: h.changeState},
		{Method: "GET", Pattern: "/strutture/{code}/documenti/nuovo", Access: forms, Handler: h.docNew},
		{Method: "POST", Pattern: "/strutture/{code}/documenti", Access: viewers, Handler: h.docCreate},
		{Method: "GET", Pattern: "/strutture/{code}/documenti/{id}", Access: forms, Handler: h.docEdit},
		{Method: "POST", Pattern: "/strutture/{code}/documenti/{id}", Access: viewers, Handler: h.docUpdate},
		{Method: "GET", Pattern: "/contratti", Access: viewers, Handler: h.contractList},
		{Method: "GET", Pattern: "/contratti/nuovo", Access: forms, Handler: h.contractNew},
		{Method: "POST", Pattern: "/contratti", Access: viewers, Handler: h.contractCreate},
		{Method: "GET", Pattern: "/contratti/{id}", Access: viewers, Handler: h.contractShow},
		{Method: "GET", Pattern: "/contratti/{id}/modifica", Access: forms, Handler: h.contractEdit},
		{Method: "POST", Pattern: "/contratti/{id}", Access: viewers, Handler: h.contractUpdate},
		{Method: "POST", Pattern: "/contratti/{id}/penali", Access: viewers, Handler: h.penaltyAdd},
		{Method: "POST", Pattern: "/contratti/{id}/penali/{pid}/elimina", Access: viewers, Handler: h.penaltyRemove},
		{Method: "POST", Pattern: "/contratti/{id}/strutture", Access: viewers, Handler: h.linkFacility},
		{Method: "POST", Pattern: "/contratti/{id}/strutture/rimuovi", Access: viewers, Handler: h.unlinkFacility},
		{Method: "GET", Pattern: "/facilities/export.csv", Access: viewers, Handler: h.exportCSV},
		{Method: "GET", Pattern: "/facilities/export.xlsx", Access: viewers, Handler: h.exportXLSX},
		{Method: "GET", Pattern: "/facilities/import", Access: forms, Handler: h.importForm},
		{Method: "POST", Pattern: "/facilities/import", Access: forms, Handler: h.importPreview},
		{Method: "POST", Pattern: "/facilities/import/confirm", Access: forms, Handler: h.importConfirm},
		{Method: "GET", Pattern: "/comuni/tetti", Access: staff, Handler: h.caps},
		{Method: "GET", Pattern: "/comuni/tetti/{istat}", Access: staff, Handler: h.capShow},
		{Method: "POST", Pattern: "/comuni/tetti/{istat}", Access: staff, Handler: h.capUpdate},
	}
}
