package account

import (
	"errors"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// setPasswordPage is the form reached from a link sent by e-mail: a
// password reset or an invitation.
type setPasswordPage struct {
	web.Page
	Intro  string
	Email  string
	Button string
}

// tokenUser returns the active user a live token of kind belongs to.
func (h *Handler) tokenUser(r *http.Request, kind string) (*auth.User, error) {
	id, err := h.auth.TokenUser(r.Context(), h.auth.DB, kind, r.PathValue("token"))
	if err != nil {
		return nil, err
	}
	u, err := h.auth.UserByID(r.Context(), h.auth.DB, id)
	if err == nil && !u.Active {
		return nil, auth.ErrBadToken
	}
	return u, err
}

// badLink answers a link that is unknown, used or expired: 410, with the
// way to get a new one.
func (h *Handler) badLink(w http.ResponseWriter, r *http.Request, kind string, err error) {
	if !errors.Is(err, auth.ErrBadToken) && !errors.Is(err, auth.ErrUserNotFound) {
		h.web.Error(w, r, err)
		return
	}
	if kind == auth.TokenInvite {
		h.message(w, r, http.StatusGone, "Link non valido",
			"Il link di invito non è valido, è già stato usato o è scaduto. Chiedi all'amministratore della tua organizzazione un nuovo invito.",
			"/login", "Vai all'accesso")
		return
	}
	h.message(w, r, http.StatusGone, "Link non valido",
		"Il link per reimpostare la password non è valido, è già stato usato o è scaduto. Chiedine uno nuovo.",
		"/password/reset", "Chiedi un nuovo link")
}

// setPassword consumes the token and sets the password in one
// transaction, so a link can set a password only once.
func (h *Handler) setPassword(r *http.Request, kind string, u *auth.User) error {
	pw, err := newPassword(r)
	if err != nil {
		return err
	}
	ctx := asUser(r.Context(), u)
	return h.auth.DB.InTx(ctx, func(tx *db.Tx) error {
		id, err := h.auth.ConsumeToken(ctx, tx, kind, r.PathValue("token"))
		if err != nil {
			return err
		}
		if id != u.ID {
			return auth.ErrBadToken
		}
		return h.auth.SetPassword(ctx, tx, u.ID, pw)
	})
}

func (h *Handler) newResetPage(r *http.Request, u *auth.User) *setPasswordPage {
	p := &setPasswordPage{Page: h.web.NewPage(r, "Scegli una nuova password"), Email: u.Email,
		Intro: "Scegli una nuova password di almeno 12 caratteri. Tutte le sessioni aperte con la vecchia password verranno chiuse.", Button: "Salva la password"}
	p.Crumb("Accedi", "/login").Crumb("Scegli una nuova password", "")
	return p
}

func (h *Handler) resetForm(w http.ResponseWriter, r *http.Request) {
	u, err := h.tokenUser(r, auth.TokenReset)
	if err != nil {
		h.badLink(w, r, auth.TokenReset, err)
		return
	}
	noStore(w)
	h.web.Render(w, r, "account/set_password.html", h.newResetPage(r, u))
}

func (h *Handler) reset(w http.ResponseWriter, r *http.Request) {
	u, err := h.tokenUser(r, auth.TokenReset)
	if err == nil {
		err = h.setPassword(r, auth.TokenReset, u)
	}
	switch {
	case errors.Is(err, auth.ErrBadToken) || errors.Is(err, auth.ErrUserNotFound):
		h.badLink(w, r, auth.TokenReset, err)
	case err != nil:
		p := h.newResetPage(r, u)
		h.web.FormError(w, r, "account/set_password.html", p, &p.Page, err)
	default:
		_ = h.perAccount.Reset(r.Context(), "login:account:"+u.Email)
		h.web.Redirect(w, r, "/login", "Password aggiornata. Ora puoi accedere con la nuova password.")
	}
}

func (h *Handler) newInvitePage(r *http.Request, u *auth.User) *setPasswordPage {
	p := &setPasswordPage{Page: h.web.NewPage(r, "Attiva il tuo account"), Email: u.Email,
		Intro: "Sei stato invitato nella piattaforma della rete. Scegli una password di almeno 12 caratteri per attivare il tuo account.", Button: "Attiva l'account"}
	p.Crumb("Attiva il tuo account", "")
	return p
}

func (h *Handler) inviteForm(w http.ResponseWriter, r *http.Request) {
	u, err := h.tokenUser(r, auth.TokenInvite)
	if err != nil {
		h.badLink(w, r, auth.TokenInvite, err)
		return
	}
	noStore(w)
	h.web.Render(w, r, "account/set_password.html", h.newInvitePage(r, u))
}

// acceptInvite sets the first password and logs the user in, through the
// same path as a login: a role that requires the second factor goes to its
// set-up first.
func (h *Handler) acceptInvite(w http.ResponseWriter, r *http.Request) {
	u, err := h.tokenUser(r, auth.TokenInvite)
	if err == nil {
		err = h.setPassword(r, auth.TokenInvite, u)
	}
	switch {
	case errors.Is(err, auth.ErrBadToken) || errors.Is(err, auth.ErrUserNotFound):
		h.badLink(w, r, auth.TokenInvite, err)
	case err != nil:
		p := h.newInvitePage(r, u)
		h.web.FormError(w, r, "account/set_password.html", p, &p.Page, err)
	default:
		h.startSession(w, r, u, "/", false)
	}
}
