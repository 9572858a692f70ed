// Package monitoring is the Prefettura's view over the reception registry:
// the dashboard of figures that link to the lists explaining them, the map
// of facilities by municipality, and the typology analysis the university
// team reads in aggregate only. It owns no tables: it reads the registry,
// presences, inspections and corrective actions with indexed queries.
package monitoring

import (
	"context"
	"embed"
	"net/http"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed templates/*.html
var templates embed.FS

// Deps are what the monitoring pages need.
type Deps struct {
	Web *web.Server
	DB  *db.DB
	// OpenContestations counts the contestations not yet decided; nil (no
	// contestations module) leaves the dashboard without that figure.
	OpenContestations func(ctx context.Context) (int, error)
	// MapTiles is the tile server URL template ({z}/{x}/{y}); empty shows
	// the map drawn by the server only. MapAttribution is the tiles' credit.
	MapTiles       string
	MapAttribution string
}

// Handler serves the monitoring pages.
type Handler struct {
	web         *web.Server
	db          *db.DB
	inspections *inspections.Store
	registry    *facilities.Store
	contest     func(ctx context.Context) (int, error)
	tiles       Tiles
}

// New registers the templates and the navigation entries.
func New(d Deps) (*Handler, error) {
	h := &Handler{web: d.Web, db: d.DB, inspections: &inspections.Store{DB: d.DB}, registry: facilities.NewStore(d.DB),
		contest: d.OpenContestations, tiles: Tiles{URL: d.MapTiles, Attribution: d.MapAttribution}}
	if err := d.Web.Templates(templates, "templates", "monitoring"); err != nil {
		return nil, err
	}
	d.Web.AddNav(web.NavEntry{Label: "Cruscotto", URL: DashboardURL, Access: dashboardGate, Order: 19})
	d.Web.AddNav(web.NavEntry{Label: "Mappa delle strutture", URL: MapURL, Access: mapGate, Order: 21})
	d.Web.AddNav(web.NavEntry{Label: "Analisi tipologie", URL: TypologyURL, Access: typologyGate, Order: 32})
	return h, nil
}

// Page addresses.
const (
	DashboardURL = "/cruscotto"
	MapURL       = "/mappa"
	TypologyURL  = "/analisi/tipologie"
)

// The gates: to roles outside them the pages do not exist.
var (
	dashboardGate = web.Access{Roles: DashboardRoles, NotFound: true}
	mapGate       = web.Access{Roles: MapRoles, NotFound: true}
	typologyGate  = web.Access{Roles: TypologyRoles, NotFound: true}
)

// Routes is the module's route table.
func (h *Handler) Routes() []web.Route {
	return []web.Route{
		{Method: "GET", Pattern: DashboardURL, Access: dashboardGate, Handler: h.dashboard},
		{Method: "GET", Pattern: MapURL, Access: mapGate, Handler: h.mapPage},
		{Method: "GET", Pattern: MapURL + "/dati.json", Access: mapGate, Handler: h.mapJSON},
		{Method: "GET", Pattern: TypologyURL, Access: typologyGate, Handler: h.typology},
		{Method: "GET", Pattern: TypologyURL + "/export.csv", Access: typologyGate, Handler: h.typologyCSV},
		{Method: "GET", Pattern: TypologyURL + "/export.xlsx", Access: typologyGate, Handler: h.typologyXLSX},
	}
}

// guard turns a failing loader into an error page.
func (h *Handler) guard(w http.ResponseWriter, r *http.Request, err error) bool {
	if err != nil {
		h.web.Error(w, r, err)
		return false
	}
	return true
}
