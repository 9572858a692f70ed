package questions

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

// flowTemplates are the workflow's pages (flow_*.html) and partials.
//
//go:embed templates/*.html
var flowTemplates embed.FS

const flowURL = "/domande"

// Handler serves the logged-in workflow: asking, triage, answering,
// validating.
type Handler struct {
	web   *web.Server
	store *Store
	files *files.Store
}

// Deps are what the workflow pages need.
type Deps struct {
	Web    *web.Server
	DB     *db.DB
	Files  *files.Store
	Notify *notify.Service // nil: no notifications
}

// New registers the templates, the navigation entry and who may download
// a question's attachments.
func New(d Deps) (*Handler, error) {
	h := &Handler{web: d.Web, store: &Store{DB: d.DB, Notices: d.Notify}, files: d.Files}
	if h.files == nil {
		fs, err := files.New(d.DB, files.Config{})
		if err != nil {
			return nil, err
		}
		h.files = fs
	}
	h.files.RegisterAccess(flowEntity, h.store.fileAccess)
	if err := d.Web.Templates(flowTemplates, "templates", "questions"); err != nil {
		return nil, err
	}
	d.Web.AddNav(web.NavEntry{Label: "Domande", URL: flowURL, Access: web.LoggedIn, Order: 40})
	return h, nil
}

// Store returns the workflow's store.
func (h *Handler) Store() *Store { return h.store }

// fileAccess lets a question's attachments be read by whoever may read
// the question; to anyone else they do not exist.
func (s *Store) fileAccess(ctx context.Context, u *auth.User, entityID string) error {
	id, err := strconv.ParseInt(entityID, 10, 64)
	if err != nil {
		return errNoQuestion
	}
	_, err = s.Question(ctx, ScopeOf(u), id)
	return err
}

// flowCoordinators gate triage and routing: to everyone else they do not exist.
var flowCoordinators = web.Access{Roles: Coordinators, NotFound: true}

// Routes is the workflow's route table. Every action checks the user's
// scope and role on the question itself.
func (h *Handler) Routes() []web.Route {
	r := func(method, pattern string, a web.Access, fn http.HandlerFunc) web.Route {
		return web.Route{Method: method, Pattern: flowURL + pattern, Access: a, Handler: fn}
	}
	in := web.LoggedIn
	return []web.Route{
		r("GET", "", in, h.list),
		r("GET", "/nuova", in, h.newForm),
		r("POST", "", in, h.create),
		r("GET", "/smistamento", flowCoordinators, h.triage),
		r("GET", "/argomenti", flowCoordinators, h.topics),
		r("POST", "/argomenti", flowCoordinators, h.saveTopics),
		r("GET", "/{id}", in, h.show),
		r("POST", "/{id}/assegna", in, h.assign),
		r("POST", "/{id}/unisci", in, h.merge),
		r("POST", "/{id}/respingi", in, h.reject),
		r("POST", "/{id}/chiedi-informazioni", in, h.requestInfo),
		r("POST", "/{id}/informazioni", in, h.addInfo),
		r("POST", "/{id}/risposta", in, h.saveDraft),
		r("POST", "/{id}/invia-validazione", in, h.submit),
		r("POST", "/{id}/nuova-versione", in, h.newVersion),
		r("POST", "/{id}/valida", in, h.validate),
		r("POST", "/{id}/rimanda", in, h.sendBack),
		r("POST", "/{id}/rifiuta", in, h.rejectAnswer),
		r("POST", "/{id}/supera", in, h.supersede),
		r("POST", "/{id}/archivia", in, h.archive),
	}
}
