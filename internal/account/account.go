// Package account is how people get in and manage themselves: login and
// logout, the second factor, password reset, accepting an invitation, the
// profile and notification preferences, the language switch.
package account

import (
	"context"
	"embed"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/audit"
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
	// baseURL starts the links sent by e-mail.
	baseURL string
	// oidc is nil when login through SPID/CIE is not configured.
	oidc *oidcClient
}

// Deps are what the account pages need.
type Deps struct {
	Web  *web.Server
	Auth *auth.Store
	Demo func() bool
	// BaseURL is the public address of the site, without a trailing slash.
	BaseURL string
	// OIDC enables login through an OpenID Connect provider; nil disables it.
	OIDC *OIDCConfig
}

// New registers the templates and returns the handler.
func New(d Deps) (*Handler, error) {
	h := &Handler{web: d.Web, auth: d.Auth, demo: d.Demo, baseURL: strings.TrimRight(d.BaseURL, "/"),
		perAccount: &auth.Limiter{DB: d.Auth.DB, Limit: 5, Window: 15 * time.Minute},
		perIP:      &auth.Limiter{DB: d.Auth.DB, Limit: 20, Window: 15 * time.Minute},
	}
	if h.demo == nil {
		h.demo = func() bool { return false }
	}
	if d.OIDC != nil {
		h.oidc = &oidcClient{cfg: *d.OIDC}
	}
	return h, d.Web.Templates(templates, "templates", "account")
}

// Routes is the account module's route table. The two-factor pages are
// public at the gate because a user who still owes the second factor is not
// logged in yet; their handlers admit only that user or a logged-in one.
func (h *Handler) Routes() []web.Route {
	routes := []web.Route{
		{Method: "GET", Pattern: "/login", Access: web.Public, Handler: h.loginForm},
		{Method: "POST", Pattern: "/login", Access: web.Public, Handler: h.login},
		{Method: "POST", Pattern: "/logout", Access: web.Public, Handler: h.logout},
		{Method: "POST", Pattern: "/lingua", Access: web.Public, Handler: h.language},
		{Method: "GET", Pattern: "/login/otp", Access: web.Public, Handler: h.otpForm},
		{Method: "POST", Pattern: "/login/otp", Access: web.Public, Handler: h.otp},
		{Method: "GET", Pattern: "/account/2fa", Access: web.Public, Handler: h.enrolForm},
		{Method: "POST", Pattern: "/account/2fa", Access: web.Public, Handler: h.enrol},
		{Method: "GET", Pattern: "/account/2fa/disattiva", Access: web.LoggedIn, Handler: h.disableForm},
		{Method: "POST", Pattern: "/account/2fa/disattiva", Access: web.LoggedIn, Handler: h.disable},
		{Method: "GET", Pattern: "/account/2fa/codici", Access: web.LoggedIn, Handler: h.codesForm},
		{Method: "POST", Pattern: "/account/2fa/codici", Access: web.LoggedIn, Handler: h.codes},
		{Method: "GET", Pattern: "/account", Access: web.LoggedIn, Handler: h.profile},
		{Method: "POST", Pattern: "/account", Access: web.LoggedIn, Handler: h.saveProfile},
		{Method: "GET", Pattern: "/account/password", Access: web.LoggedIn, Handler: h.passwordForm},
		{Method: "POST", Pattern: "/account/password", Access: web.LoggedIn, Handler: h.changePassword},
		{Method: "GET", Pattern: "/password/reset", Access: web.Public, Handler: h.resetRequestForm},
		{Method: "POST", Pattern: "/password/reset", Access: web.Public, Handler: h.resetRequest},
		{Method: "GET", Pattern: "/password/reset/{token}", Access: web.Public, Handler: h.resetForm},
		{Method: "POST", Pattern: "/password/reset/{token}", Access: web.Public, Handler: h.reset},
		{Method: "GET", Pattern: "/invito/{token}", Access: web.Public, Handler: h.inviteForm},
		{Method: "POST", Pattern: "/invito/{token}", Access: web.Public, Handler: h.acceptInvite},
	}
	if h.oidc != nil {
		routes = append(routes,
			web.Route{Method: "GET", Pattern: "/login/oidc", Access: web.Public, Handler: h.oidcStart},
			web.Route{Method: "GET", Pattern: "/login/oidc/callback", Access: web.Public, Handler: h.oidcCallback})
	}
	return routes
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

// asUser makes u the actor of the audit trail for changes made on their
// behalf before they are logged in (second factor, reset, invitation).
func asUser(ctx context.Context, u *auth.User) context.Context {
	return audit.WithActor(ctx, audit.Actor{UserID: u.ID, Email: u.Email, OrgID: u.PrimaryOrgID()})
}

// noStore keeps pages showing secrets out of browser and proxy caches.
func noStore(w http.ResponseWriter) { w.Header().Set("Cache-Control", "no-store") }
