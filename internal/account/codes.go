package account

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type recoveryPage struct {
	web.Page
	Next  string
	Codes []string
}

// showCodes shows the recovery codes, once: they are not stored in clear.
func (h *Handler) showCodes(w http.ResponseWriter, r *http.Request, u *auth.User, next string, codes []string) {
	p := &recoveryPage{Page: h.web.NewPage(r, "Codici di recupero"), Next: safeNext(next), Codes: codes}
	p.User = u
	p.Crumb("Il tuo profilo", "/account").Crumb("Codici di recupero", "")
	noStore(w)
	h.web.Render(w, r, "account/recovery.html", p)
}

func (h *Handler) newCodesPage(r *http.Request) *confirmPage {
	p := &confirmPage{Page: h.web.NewPage(r, "Nuovi codici di recupero"),
		Intro:  "I nuovi codici sostituiscono tutti quelli precedenti, anche quelli non ancora usati. Per confermare inserisci la password attuale.",
		Action: "/account/2fa/codici", Button: "Genera nuovi codici"}
	p.Crumb("Il tuo profilo", "/account").Crumb("Nuovi codici di recupero", "")
	return p
}

func (h *Handler) codesForm(w http.ResponseWriter, r *http.Request) {
	if !web.UserOf(r).TOTPEnabled {
		h.web.Redirect(w, r, "/account", "La verifica in due passaggi non è attiva.")
		return
	}
	h.web.Render(w, r, "account/confirm.html", h.newCodesPage(r))
}

// codes replaces the recovery codes of a user who is running out of them.
func (h *Handler) codes(w http.ResponseWriter, r *http.Request) {
	u, p, ctx := web.UserOf(r), h.newCodesPage(r), r.Context()
	if !u.TOTPEnabled {
		h.web.Redirect(w, r, "/account", "La verifica in due passaggi non è attiva.")
		return
	}
	var codes []string
	err := h.checkCurrentPassword(r, u)
	if err == nil {
		err = h.auth.DB.InTx(ctx, func(tx *db.Tx) error {
			var err error
			codes, err = h.auth.NewRecoveryCodes(ctx, tx, u.ID)
			return err
		})
	}
	if err != nil {
		h.web.FormError(w, r, "account/confirm.html", p, &p.Page, err)
		return
	}
	h.showCodes(w, r, u, "/account", codes)
}
