// Package home serves the public home page for visitors, the dashboard of
// each role, and the site's fixed pages (accessibility statement, privacy).
package home

import (
	"embed"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed templates
var templates embed.FS

// Handler serves the home pages.
type Handler struct {
	web *web.Server
}

// New registers the templates.
func New(w *web.Server) (*Handler, error) {
	return &Handler{web: w}, w.Templates(templates, "templates", "home")
}

// Routes is the home module's route table.
func (h *Handler) Routes() []web.Route {
	return []web.Route{
		{Method: "GET", Pattern: "/{$}", Access: web.Public, Handler: h.home},
	}
}

type homePage struct {
	web.Page
}

func (h *Handler) home(w http.ResponseWriter, r *http.Request) {
	p := &homePage{Page: h.web.NewPage(r, "Home")}
	h.web.Render(w, r, "home/home.html", p)
}
