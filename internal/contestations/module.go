package contestations

import (
	"context"
	"embed"
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/notify"
	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed templates/*.html
var templates embed.FS

// Handler serves the contestation pages.
type Handler struct {
	web   *web.Server
	store *Store
	files *files.Store
}

// Deps are what the contestation pages need.
type Deps struct {
	Web    *web.Server
	DB     *db.DB
	Files  *files.Store
	Notify *notify.Service // nil: no notifications
}

// New registers the templates, the navigation entry and who may download
// a contestation's files.
func New(d Deps) (*Handler, error) {
	h := &Handler{web: d.Web, store: &Store{DB: d.DB, Notices: d.Notify}, files: d.Files}
	if h.files == nil {
		fs, err := files.New(d.DB, files.Config{})
		if err != nil {
			return nil, err
		}
		h.files = fs
	}
	h.files.RegisterAccess(entity, h.store.fileAccess)
	if err := d.Web.Templates(templates, "templates", "contestations"); err != nil {
		return nil, err
	}
	d.Web.AddNav(web.NavEntry{Label: "Contestazioni", URL: listURL, Access: gate, Order: 32})
	return h, nil
}

// Store returns the contestation store, for the dashboard.
func (h *Handler) Store() *Store { return h.store }

// fileAccess lets a contestation's documents be read by whoever may read
// the contestation; to anyone else they do not exist.
func (s *Store) fileAccess(ctx context.Context, u *auth.User, entityID string) error {
	id, err := strconv.ParseInt(entityID, 10, 64)
	if err != nil {
		return errNotFound
	}
	_, err = s.Contestation(ctx, ScopeOf(u), id)
	return err
}

// gate admits the roles that may see some contestation; the scope does the rest.
var gate = web.Access{Roles: Roles, NotFound: true}

// managers gate the Prefettura's forms: to everyone else they do not exist.
var managers = web.Access{Roles: []auth.Role{auth.RoleAdmin, auth.RolePrefettura}, NotFound: true}

// Routes is the module's route table.
func (h *Handler) Routes() []web.Route {
	r := func(method, pattern string, a web.Access, fn http.HandlerFunc) web.Route {
		return web.Route{Method: method, Pattern: listURL + pattern, Access: a, Handler: fn}
	}
	return []web.Route{
		r("GET", "", gate, h.list),
		r("GET", "/nuova", managers, h.newForm),
		r("POST", "", managers, h.create),
		r("GET", "/{id}", gate, h.show),
		r("POST", "/{id}/rilievi", managers, h.reprice),
		r("POST", "/{id}/rilievi/aggiungi", managers, h.addFindings),
		r("POST", "/{id}/notifica", managers, h.notify),
		r("POST", "/{id}/controdeduzioni", gate, h.reply),
		r("POST", "/{id}/decisione", managers, h.decide),
		r("POST", "/{id}/esecuzione", managers, h.execute),
		r("GET", "/{id}/dossier.pdf", gate, h.dossierPDF),
		r("GET", "/{id}/dossier.zip", gate, h.dossierZIP),
	}
}
