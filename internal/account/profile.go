package account

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type profilePage struct {
	web.Page
	Langs []web.Option
	// Notify is the checkbox's value before any submission.
	Notify     string
	CanDisable bool
	CodesLeft  int
}

var langOptions = []web.Option{{Value: "it", Label: "Italiano"}, {Value: "en", Label: "English"}}

// CanDisableTOTP reports whether u may turn their second factor off: only
// when none of their roles requires it, or on a demo instance.
func CanDisableTOTP(u *auth.User, demo bool) bool { return demo || !u.RequiresMFA() }

func (h *Handler) newProfilePage(r *http.Request) (*profilePage, error) {
	u := web.UserOf(r)
	p := &profilePage{Page: h.web.NewPage(r, "Il tuo profilo"), Langs: langOptions,
		CanDisable: CanDisableTOTP(u, h.demo())}
	if u.EmailNotifications {
		p.Notify = "1"
	}
	p.Crumb("Il tuo profilo", "")
	var err error
	p.CodesLeft, err = h.auth.RecoveryCodesLeft(r.Context(), h.auth.DB, u.ID)
	return p, err
}

func (h *Handler) profile(w http.ResponseWriter, r *http.Request) {
	p, err := h.newProfilePage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "account/profile.html", p)
}

func (h *Handler) saveProfile(w http.ResponseWriter, r *http.Request) {
	p, err := h.newProfilePage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	in := auth.UserUpdate{Name: r.PostFormValue("name"), FiscalCode: r.PostFormValue("fiscal_code"),
		Lang: r.PostFormValue("lang"), EmailNotifications: r.PostFormValue("email_notifications") == "1"}
	ctx := r.Context()
	err = h.auth.DB.InTx(ctx, func(tx *db.Tx) error {
		return h.auth.UpdateUser(ctx, tx, web.UserOf(r).ID, in)
	})
	if err != nil {
		h.web.FormError(w, r, "account/profile.html", p, &p.Page, err)
		return
	}
	// The language cookie wins over the profile, so it follows the choice.
	web.SetLanguage(w, r, in.Lang)
	h.web.Redirect(w, r, "/account", "Profilo aggiornato.")
}

type passwordPage struct {
	web.Page
}

func (h *Handler) newPasswordPage(r *http.Request) *passwordPage {
	p := &passwordPage{Page: h.web.NewPage(r, "Cambia la password")}
	p.Crumb("Il tuo profilo", "/account").Crumb("Cambia la password", "")
	return p
}

func (h *Handler) passwordForm(w http.ResponseWriter, r *http.Request) {
	h.web.Render(w, r, "account/password.html", h.newPasswordPage(r))
}

// changePassword replaces the password, which ends every session of the
// user; this browser gets a fresh one, already past the second factor.
func (h *Handler) changePassword(w http.ResponseWriter, r *http.Request) {
	u, p, ctx := web.UserOf(r), h.newPasswordPage(r), r.Context()
	pw, err := newPassword(r)
	if err == nil {
		err = h.checkCurrentPassword(r, u)
	}
	if err == nil {
		err = h.auth.DB.InTx(ctx, func(tx *db.Tx) error { return h.auth.SetPassword(ctx, tx, u.ID, pw) })
	}
	if err != nil {
		h.web.FormError(w, r, "account/password.html", p, &p.Page, err)
		return
	}
	token, _, err := h.auth.CreateSession(ctx, u.ID, true, web.From(r).ClientIP, r.UserAgent())
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	web.SetSessionCookie(w, r, token)
	h.web.Redirect(w, r, "/account", "Password aggiornata. Le altre sessioni aperte sono state chiuse.")
}
