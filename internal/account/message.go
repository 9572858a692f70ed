package account

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// messagePage is a page that only tells something: a link sent, a link
// expired, an identity without an account.
type messagePage struct {
	web.Page
	Text      string
	Link      string
	LinkLabel string
}

func (h *Handler) message(w http.ResponseWriter, r *http.Request, status int, title, text, link, linkLabel string) {
	p := &messagePage{Page: h.web.NewPage(r, title), Text: text, Link: link, LinkLabel: linkLabel}
	p.Crumb(title, "")
	h.web.RenderStatus(w, r, status, "account/message.html", p)
}

// errTooManyTries is the answer once a rate limit is reached.
var errTooManyTries = apperr.Errorf(apperr.TooManyRequests, "Troppi tentativi. Riprova tra qualche minuto.")

// errWrongPassword is shown when a sensitive change is confirmed with a
// wrong current password.
var errWrongPassword = &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
	Fields: map[string]string{"current_password": "La password attuale non è corretta."}}

// newPassword reads a new password and its confirmation from the form.
func newPassword(r *http.Request) (string, error) {
	pw := r.PostFormValue("password")
	f := apperr.Fields{}
	f.Check(len([]rune(pw)) >= auth.MinPasswordLength, "password", "La password deve avere almeno 12 caratteri.")
	f.Check(pw == r.PostFormValue("password_confirm"), "password_confirm", "Le due password non coincidono.")
	return pw, f.Err()
}

// checkCurrentPassword confirms a sensitive change by the logged-in user,
// within the same per-account limit as logins.
func (h *Handler) checkCurrentPassword(r *http.Request, u *auth.User) error {
	ok, err := h.perAccount.Allow(r.Context(), "password:user:"+itoa(u.ID))
	if err != nil {
		return err
	}
	if !ok {
		return errTooManyTries
	}
	if _, err := h.auth.Authenticate(r.Context(), u.Email, r.PostFormValue("current_password")); err != nil {
		if apperr.KindOf(err) == apperr.Unauthenticated {
			return errWrongPassword
		}
		return err
	}
	return h.perAccount.Reset(r.Context(), "password:user:"+itoa(u.ID))
}
