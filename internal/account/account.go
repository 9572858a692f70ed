// Package account is how people get in and manage themselves: login and
// logout, the second factor, password reset, accepting an invitation, the
// profile and notification preferences, the language switch.
package account

import (
	"embed"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed templates
var templates embed.FS

// Handler serves the account pages.
type Handler struct {
	web  *web.Server
	auth *auth.Store
	// Login attempts are limited per account and per client address.
	perAccount *auth.Limiter
	perIP      *auth.Limiter
	// Demo instances do not force the second factor, so the demo accounts
	// can be tried with just a password.
	demo func() bool
}

// Deps are what the account pages need.
type Deps struct {
	Web  *web.Server
	Auth *auth.Store
	Demo func() bool
}

// New registers the templates and returns the handler.
func New(d Deps) (*Handler, error) {
	h := &Handler{web: d.Web, auth: d.Auth, demo: d.Demo,
		perAccount: &auth.Limiter{DB: d.Auth.DB, Limit: 5, Window: 15 * time.Minute},
		perIP:      &auth.Limiter{DB: d.Auth.DB, Limit: 20, Window: 15 * time.Minute},
	}
	return h, d.Web.Templates(templates, "templates", "account")
}

// Routes is the account module's route table.
func (h *Handler) Routes() []web.Route {
	return []web.Route{
		{Method: "GET", Pattern: "/login", Access: web.Public, Handler: h.loginForm},
		{Method: "POST", Pattern: "/login", Access: web.Public, Handler: h.login},
		{Method: "POST", Pattern: "/logout", Access: web.Public, Handler: h.logout},
		{Method: "POST", Pattern: "/lingua", Access: web.Public, Handler: h.language},
	}
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	if u, err := url.Parse(next); err != nil || u.Host != "" {
		return "/"
	}
	return next
}

func (h *Handler) language(w http.ResponseWriter, r *http.Request) {
	web.SetLanguage(w, r, r.PostFormValue("lang"))
	http.Redirect(w, r, safeNext(r.PostFormValue("next")), http.StatusSeeOther)
}
