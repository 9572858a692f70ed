package account

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type otpPage struct {
	web.Page
	Next string
}

func (h *Handler) newOTPPage(r *http.Request, next string) *otpPage {
	p := &otpPage{Page: h.web.NewPage(r, "Verifica in due passaggi"), Next: safeNext(next)}
	p.Crumb("Accedi", "/login").Crumb("Verifica in due passaggi", "")
	return p
}

// otpGate lets through only a session that still owes its code.
func (h *Handler) otpGate(w http.ResponseWriter, r *http.Request, next string) bool {
	ri := web.From(r)
	switch {
	case ri.User != nil:
		http.Redirect(w, r, safeNext(next), http.StatusSeeOther)
	case ri.Pending == nil:
		http.Redirect(w, r, "/login?next="+urlEscape(safeNext(next)), http.StatusSeeOther)
	case !ri.Pending.TOTPEnabled:
		http.Redirect(w, r, "/account/2fa?next="+urlEscape(safeNext(next)), http.StatusSeeOther)
	default:
		return true
	}
	return false
}

func (h *Handler) otpForm(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if h.otpGate(w, r, next) {
		h.web.Render(w, r, "account/otp.html", h.newOTPPage(r, next))
	}
}

func (h *Handler) otp(w http.ResponseWriter, r *http.Request) {
	next := r.PostFormValue("next")
	if !h.otpGate(w, r, next) {
		return
	}
	u := web.From(r).Pending
	ctx := asUser(r.Context(), u)
	p := h.newOTPPage(r, next)
	key := "otp:user:" + itoa(u.ID)
	ok, err := h.perAccount.Allow(ctx, key)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if !ok {
		h.web.FormError(w, r, "account/otp.html", p, &p.Page, errTooManyTries)
		return
	}
	recovery, err := h.secondFactor(ctx, u.ID, r.PostFormValue("code"))
	if err != nil {
		h.web.FormError(w, r, "account/otp.html", p, &p.Page, err)
		return
	}
	_ = h.perAccount.Reset(ctx, key)
	if err := h.auth.SetSessionMFA(ctx, web.From(r).Session.IDHash); err != nil {
		h.web.Error(w, r, err)
		return
	}
	_ = h.auth.MarkLogin(ctx, u.ID, time.Now().UTC())
	flash := ""
	if recovery {
		flash = "Hai usato un codice di recupero, che ora non vale più. Se te ne restano pochi, generane di nuovi dal tuo profilo."
	}
	h.web.Redirect(w, r, p.Next, flash)
}

// secondFactor accepts a code from the app or, failing the shape of one,
// a recovery code, and tells which it was.
func (h *Handler) secondFactor(ctx context.Context, userID int64, code string) (recovery bool, err error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return false, &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
			Fields: map[string]string{"code": "Inserisci il codice."}}
	}
	if isAppCode(code) {
		return false, h.auth.CheckTOTP(ctx, userID, code)
	}
	return true, h.auth.DB.InTx(ctx, func(tx *db.Tx) error {
		return h.auth.UseRecoveryCode(ctx, tx, userID, code)
	})
}

// isAppCode reports whether code looks like six digits from an app.
func isAppCode(code string) bool {
	code = strings.ReplaceAll(code, " ", "")
	if len(code) != 6 {
		return false
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
