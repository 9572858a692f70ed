// Package home serves the public home page for visitors, the dashboard of
// each role, and the site's fixed pages: the accessibility statement with
// its feedback form, and the privacy notice.
package home

import (
	"embed"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed templates
var templates embed.FS

// Deps are what the home pages need.
type Deps struct {
	Web *web.Server
	DB  *db.DB
	// BaseURL is the public address of the site, used in e-mails; empty
	// means links in e-mails are site-relative.
	BaseURL string
}

// Handler serves the home pages.
type Handler struct {
	web     *web.Server
	db      *db.DB
	baseURL string
	// Feedback reaches every admin by e-mail: a flood from one source is
	// cut off before it fills their inboxes.
	feedbackLimit *auth.Limiter
}

// FeedbackPerHour is how many accessibility reports one visitor (an IP
// address, or an account when logged in) may send in an hour.
const FeedbackPerHour = 5

// New registers the templates and the "Home" navigation entry.
func New(d Deps) (*Handler, error) {
	h := &Handler{web: d.Web, db: d.DB, baseURL: d.BaseURL,
		feedbackLimit: &auth.Limiter{DB: d.DB, Limit: FeedbackPerHour, Window: time.Hour}}
	d.Web.AddNav(web.NavEntry{Label: "Home", URL: "/", Access: web.Public, Order: 0})
	return h, d.Web.Templates(templates, "templates", "home")
}

// Routes is the home module's route table.
func (h *Handler) Routes() []web.Route {
	return []web.Route{
		{Method: "GET", Pattern: "/{$}", Access: web.Public, Handler: h.home},
		{Method: "GET", Pattern: "/accessibilita", Access: web.Public, Handler: h.statement},
		{Method: "POST", Pattern: "/accessibilita", Access: web.Public, Handler: h.sendFeedback},
		{Method: "GET", Pattern: "/accessibilita/segnalazioni", Access: web.RolesOnly(auth.RoleAdmin), Handler: h.feedbackList},
		{Method: "GET", Pattern: "/privacy", Access: web.Public, Handler: h.privacy},
	}
}
