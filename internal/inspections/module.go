package inspections

import (
	"embed"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed templates/*.html
var templates embed.FS

// Handler serves the inspection pages.
type Handler struct {
	web   *web.Server
	store *Store
	files *files.Store
}

// Deps are what the inspection pages need.
type Deps struct {
	Web *web.Server
	DB  *db.DB
	// Files keeps evidence and signed verbali; without it the module uses
	// a store of its own over DB.
	Files *files.Store
}

// New registers the templates and the navigation entry.
func New(d Deps) (*Handler, error) {
	h := &Handler{web: d.Web, store: &Store{DB: d.DB}, files: d.Files}
	if h.files == nil {
		fs, err := files.New(d.DB, files.Config{})
		if err != nil {
			return nil, err
		}
		h.files = fs
	}
	h.store.registerFileAccess(h.files)
	h.store.registerActionFiles(h.files)
	if err := d.Web.Templates(templates, "templates", "inspections"); err != nil {
		return nil, err
	}
	d.Web.AddNav(web.NavEntry{Label: "Checklist ispezioni", URL: "/ispezioni/checklist", Access: viewers, Order: 30})
	d.Web.AddNav(web.NavEntry{Label: "Ispezioni", URL: "/ispezioni", Access: inspectors, Order: 29})
	d.Web.AddNav(web.NavEntry{Label: "Azioni correttive", URL: actionsURL,
		Access: web.Access{Roles: ActionRoles, NotFound: true}, Order: 31})
	return h, nil
}

// Store returns the checklist store, for the rooms and commands that wire
// inspections to it.
func (h *Handler) Store() *Store { return h.store }

// viewers gates every page: to anyone else the checklists do not exist.
// Editing is the finer CanEdit predicate, checked by editor.
var viewers = web.Access{Roles: Viewers, NotFound: true}

var errCannotEdit = apperr.Forbiddenf("Solo la Prefettura può modificare le checklist.")

// editor admits only users who may edit checklists.
func (h *Handler) editor(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !CanEdit(web.UserOf(r)) {
			h.web.Error(w, r, errCannotEdit)
			return
		}
		next(w, r)
	}
}

// Routes is the inspection module's route table.
func (h *Handler) Routes() []web.Route {
	const p = "/ispezioni/checklist"
	route := func(method, pattern string, fn http.HandlerFunc) web.Route {
		return web.Route{Method: method, Pattern: p + pattern, Access: viewers, Handler: fn}
	}
	routes := append(h.inspectionRoutes(), h.actionRoutes()...)
	return append(routes, []web.Route{
		route("GET", "", h.templateList),
		route("GET", "/{id}", h.templateShow),
		route("GET", "/versioni/{id}", h.versionShow),
		route("POST", "/versioni/{id}/nuova", h.editor(h.versionNew)),
		route("POST", "/versioni/{id}/pubblica", h.editor(h.versionPublish)),
		route("POST", "/versioni/{id}/sezioni", h.editor(h.sectionCreate)),
		route("GET", "/sezioni/{id}", h.editor(h.sectionEdit)),
		route("POST", "/sezioni/{id}", h.editor(h.sectionUpdate)),
		route("POST", "/sezioni/{id}/elimina", h.editor(h.sectionDelete)),
		route("POST", "/sezioni/{id}/sposta", h.editor(h.sectionMove)),
		route("GET", "/sezioni/{id}/voci/nuova", h.editor(h.itemNew)),
		route("POST", "/sezioni/{id}/voci", h.editor(h.itemCreate)),
		route("GET", "/voci/{id}", h.editor(h.itemEdit)),
		route("POST", "/voci/{id}", h.editor(h.itemUpdate)),
		route("POST", "/voci/{id}/elimina", h.editor(h.itemDelete)),
		route("POST", "/voci/{id}/sposta", h.editor(h.itemMove)),
	}...)
}
