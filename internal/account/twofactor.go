package account

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// confirmPage asks the current password before a change to the second
// factor.
type confirmPage struct {
	web.Page
	Intro  string
	Action string
	Button string
}

func (h *Handler) newDisablePage(r *http.Request) *confirmPage {
	p := &confirmPage{Page: h.web.NewPage(r, "Disattiva la verifica in due passaggi"),
		Intro:  "Senza la verifica in due passaggi basterà la password per accedere al tuo account. Per confermare inserisci la password attuale.",
		Action: "/account/2fa/disattiva", Button: "Disattiva"}
	p.Crumb("Il tuo profilo", "/account").Crumb("Disattiva la verifica in due passaggi", "")
	return p
}

// disableGate refuses users without the second factor, or whose role
// requires it.
func (h *Handler) disableGate(w http.ResponseWriter, r *http.Request) bool {
	u := web.UserOf(r)
	switch {
	case !u.TOTPEnabled:
		h.web.Redirect(w, r, "/account", "La verifica in due passaggi non è attiva.")
	case !CanDisableTOTP(u, h.demo()):
		h.message(w, r, http.StatusForbidden, "Disattiva la verifica in due passaggi",
			"Il tuo ruolo richiede la verifica in due passaggi: non puoi disattivarla.", "/account", "Torna al profilo")
	default:
		return true
	}
	return false
}

func (h *Handler) disableForm(w http.ResponseWriter, r *http.Request) {
	if h.disableGate(w, r) {
		h.web.Render(w, r, "account/confirm.html", h.newDisablePage(r))
	}
}

func (h *Handler) disable(w http.ResponseWriter, r *http.Request) {
	if !h.disableGate(w, r) {
		return
	}
	u, p, ctx := web.UserOf(r), h.newDisablePage(r), r.Context()
	err := h.checkCurrentPassword(r, u)
	if err == nil {
		err = h.auth.DB.InTx(ctx, func(tx *db.Tx) error { return h.auth.DisableTOTP(ctx, tx, u.ID) })
	}
	if err != nil {
		h.web.FormError(w, r, "account/confirm.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, "/account", "Verifica in due passaggi disattivata.")
}
