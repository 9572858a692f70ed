// Package presences holds the daily presences that managing bodies report
// for their facilities: one row per facility and day, entered in a form or
// imported from a CSV/XLSX file, with the days missing or reported late
// flagged, and occupancy against contracted places by facility,
// municipality, managing body and month. It reads the registry's
// facilities table and never changes it.
package presences

import (
	"embed"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed templates/*.html
var templates embed.FS

// Handler serves the presences pages.
type Handler struct {
	web *web.Server
	db  *db.DB
}

// Deps are what the module needs.
type Deps struct {
	Web *web.Server
	DB  *db.DB
}

// New registers the templates and the navigation entry.
func New(d Deps) (*Handler, error) {
	if err := d.Web.Templates(templates, "templates", "presences"); err != nil {
		return nil, err
	}
	d.Web.AddNav(web.NavEntry{Label: "Presenze", URL: "/presenze", Access: viewers, Order: 25})
	d.Web.AddNav(web.NavEntry{Label: "Riconciliazione", URL: "/riconciliazione", Access: viewers, Order: 26})
	return &Handler{web: d.Web, db: d.DB}, nil
}

// viewers gates every page: to anyone else the module does not exist.
var viewers = web.Access{Roles: viewerRoles, NotFound: true}

// reporters gates the import form, which only those who may report need.
// The actions stay open to viewers so that an inspector is told 403.
var reporters = web.Access{Roles: reporterRoles, NotFound: true}

// Routes is the module's route table.
func (h *Handler) Routes() []web.Route {
	return []web.Route{
		{Method: "GET", Pattern: "/presenze", Access: viewers, Handler: h.overview},
		{Method: "GET", Pattern: "/presenze/importa", Access: reporters, Handler: h.importForm},
		{Method: "POST", Pattern: "/presenze/importa", Access: viewers, Handler: h.importPreview},
		{Method: "POST", Pattern: "/presenze/importa/conferma", Access: viewers, Handler: h.importConfirm},
		{Method: "GET", Pattern: "/presenze/occupazione", Access: viewers, Handler: h.occupancy},
		{Method: "GET", Pattern: "/presenze/occupazione/{mese}/export.csv", Access: viewers, Handler: h.occupancyCSV},
		{Method: "GET", Pattern: "/presenze/{code}", Access: viewers, Handler: h.month},
		{Method: "GET", Pattern: "/presenze/{code}/giorno", Access: viewers, Handler: h.dayForm},
		{Method: "GET", Pattern: "/riconciliazione", Access: viewers, Handler: h.reconciliations},
		{Method: "GET", Pattern: "/riconciliazione/{contract}", Access: viewers, Handler: h.reconciliationLatest},
		{Method: "GET", Pattern: "/riconciliazione/{contract}/{mese}", Access: viewers, Handler: h.reconciliation},
		{Method: "POST", Pattern: "/riconciliazione/{contract}/{mese}", Access: viewers, Handler: h.recordInvoice},
		{Method: "GET", Pattern: "/riconciliazione/{contract}/{mese}/{file}", Access: viewers, Handler: h.reconciliationFile},
		{Method: "POST", Pattern: "/presenze/{code}/giorno", Access: viewers, Handler: h.daySave},
	}
}
