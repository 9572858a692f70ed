package account

import (
	"net/http"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type loginPage struct {
	web.Page
	Next string
	OIDC bool
}

func (h *Handler) loginForm(w http.ResponseWriter, r *http.Request) {
	if web.UserOf(r) != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	h.web.Render(w, r, "account/login.html", h.newLoginPage(r, r.URL.Query().Get("next")))
}

func (h *Handler) newLoginPage(r *http.Request, next string) *loginPage {
	p := &loginPage{Page: h.web.NewPage(r, "Accedi"), Next: safeNext(next), OIDC: h.oidc != nil}
	p.Crumb("Accedi", "")
	return p
}

// errTooManyAttempts does not say whether the account exists either.
var errTooManyAttempts = apperr.Errorf(apperr.TooManyRequests,
	"Troppi tentativi di accesso. Riprova tra qualche minuto.")

func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	p := h.newLoginPage(r, r.PostFormValue("next"))
	email := auth.NormalizeEmail(r.PostFormValue("email"))
	ctx := r.Context()
	okAcct, err := h.perAccount.Allow(ctx, "login:account:"+email)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	okIP, err := h.perIP.Allow(ctx, "login:ip:"+web.From(r).ClientIP)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if !okAcct || !okIP {
		h.web.FormError(w, r, "account/login.html", p, &p.Page, errTooManyAttempts)
		return
	}
	u, err := h.auth.Authenticate(ctx, email, r.PostFormValue("password"))
	if err != nil {
		h.web.FormError(w, r, "account/login.html", p, &p.Page, err)
		return
	}
	_ = h.perAccount.Reset(ctx, "login:account:"+email)
	h.startSession(w, r, u, p.Next, false)
}

// startSession opens the session after the password was checked and sends
// the user on: to the second factor if they have one, to its set-up if
// their role requires one, otherwise where they were going. A strong login
// (SPID, CIE) already is multi-factor and goes straight on.
func (h *Handler) startSession(w http.ResponseWriter, r *http.Request, u *auth.User, next string, strong bool) {
	needsSetup := !strong && u.RequiresMFA() && !u.TOTPEnabled && !h.demo()
	mfaOK := strong || (!u.TOTPEnabled && !needsSetup)
	token, _, err := h.auth.CreateSession(r.Context(), u.ID, mfaOK, web.From(r).ClientIP, r.UserAgent())
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	web.SetSessionCookie(w, r, token)
	switch {
	case mfaOK:
		_ = h.auth.MarkLogin(r.Context(), u.ID, time.Now().UTC())
		http.Redirect(w, r, next, http.StatusSeeOther)
	case u.TOTPEnabled:
		http.Redirect(w, r, "/login/otp?next="+urlEscape(next), http.StatusSeeOther)
	default:
		http.Redirect(w, r, "/account/2fa?next="+urlEscape(next), http.StatusSeeOther)
	}
}

func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	if s := web.From(r).Session; s != nil {
		if err := h.auth.DeleteSession(r.Context(), s.IDHash); err != nil {
			h.web.Error(w, r, err)
			return
		}
	}
	web.ClearSessionCookie(w)
	h.web.Redirect(w, r, "/", "Sei uscito dalla piattaforma.")
}
