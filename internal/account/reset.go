package account

import (
	"context"
	"errors"
	"net/http"
	netmail "net/mail"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/mail"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type resetRequestPage struct {
	web.Page
}

func (h *Handler) newResetRequestPage(r *http.Request) *resetRequestPage {
	p := &resetRequestPage{Page: h.web.NewPage(r, "Password dimenticata")}
	p.Crumb("Accedi", "/login").Crumb("Password dimenticata", "")
	return p
}

func (h *Handler) resetRequestForm(w http.ResponseWriter, r *http.Request) {
	h.web.Render(w, r, "account/reset_request.html", h.newResetRequestPage(r))
}

// resetRequest gives the same answer whether or not the account exists, so
// the form cannot be used to find out who has one.
func (h *Handler) resetRequest(w http.ResponseWriter, r *http.Request) {
	p := h.newResetRequestPage(r)
	email := auth.NormalizeEmail(r.PostFormValue("email"))
	err := h.limitReset(r, email)
	if err == nil {
		err = h.sendReset(r.Context(), email)
	}
	if err != nil {
		h.web.FormError(w, r, "account/reset_request.html", p, &p.Page, err)
		return
	}
	h.message(w, r, http.StatusOK, "Controlla la tua e-mail",
		"Se l'indirizzo è registrato riceverai un'e-mail con il link per scegliere una nuova password. Il link vale un'ora.",
		"/login", "Torna all'accesso")
}

func (h *Handler) limitReset(r *http.Request, email string) error {
	if a, err := netmail.ParseAddress(email); err != nil || a.Address != email {
		return &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
			Fields: map[string]string{"email": "Inserisci un indirizzo e-mail valido."}}
	}
	okAcct, err := h.perAccount.Allow(r.Context(), "reset:account:"+email)
	if err != nil {
		return err
	}
	okIP, err := h.perIP.Allow(r.Context(), "reset:ip:"+web.From(r).ClientIP)
	if err != nil {
		return err
	}
	if !okAcct || !okIP {
		return errTooManyTries
	}
	return nil
}

// sendReset mails a reset link to an active account with that e-mail, and
// quietly does nothing otherwise. The request is audited without an actor:
// whoever asked has proved nothing yet.
func (h *Handler) sendReset(ctx context.Context, email string) error {
	u, err := h.auth.UserByEmail(ctx, h.auth.DB, email)
	if errors.Is(err, auth.ErrUserNotFound) || (err == nil && !u.Active) {
		return nil
	}
	if err != nil {
		return err
	}
	return h.auth.DB.InTx(ctx, func(tx *db.Tx) error {
		token, err := h.auth.CreateToken(ctx, tx, auth.TokenReset, u.ID, auth.ResetTTL)
		if err != nil {
			return err
		}
		if _, err := mail.Queue(ctx, tx, h.resetMessage(u, h.baseURL+"/password/reset/"+token)); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Create, "password_reset", u.ID, audit.Diff(nil, audit.Fields{
			"email": u.Email, "expires_at": tx.Now.Add(auth.ResetTTL)}))
	})
}

// The reset e-mail's texts are catalogue keys: it goes out in the
// language the user chose in their profile.
const (
	resetSubject = "Crocevia: scegli una nuova password"
	resetBody    = `Gentile %s,

abbiamo ricevuto una richiesta di reimpostare la password del tuo account su Crocevia, la piattaforma della rete per l'immigrazione della Provincia di Alessandria.

Per scegliere una nuova password apri questo link entro un'ora:

%s

Se non hai chiesto tu di reimpostare la password, ignora questo messaggio: la password attuale resta valida.
`
)

func (h *Handler) resetMessage(u *auth.User, link string) mail.Message {
	lang, cat := i18n.Normalize(u.Lang), h.web.I18n()
	return mail.Message{To: u.Email, Subject: cat.T(lang, resetSubject), Body: cat.T(lang, resetBody, u.Name, link)}
}
