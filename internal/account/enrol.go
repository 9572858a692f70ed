package account

import (
	"bytes"
	"encoding/base64"
	"html/template"
	"image/png"
	"net/http"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type enrolPage struct {
	web.Page
	Next string
	// Required is true when the user's role does not let them go on
	// without the second factor.
	Required bool
	Secret   string
	QR       template.URL
}

// person is who the two-factor pages serve: the logged-in user, or the one
// who gave the right password and still owes the second factor.
func person(r *http.Request) (u *auth.User, pending bool) {
	ri := web.From(r)
	if ri.User != nil {
		return ri.User, false
	}
	return ri.Pending, ri.Pending != nil
}

func (h *Handler) newEnrolPage(r *http.Request, u *auth.User, next string) *enrolPage {
	p := &enrolPage{Page: h.web.NewPage(r, "Attiva la verifica in due passaggi"), Next: safeNext(next),
		Required: u.RequiresMFA() && !h.demo()}
	if p.User != nil {
		p.Crumb("Il tuo profilo", "/account")
	}
	p.Crumb("Verifica in due passaggi", "")
	return p
}

// enrolGate sends away whoever should not be on the enrolment page and
// returns the user who should.
func (h *Handler) enrolGate(w http.ResponseWriter, r *http.Request, next string) *auth.User {
	u, pending := person(r)
	switch {
	case u == nil:
		http.Redirect(w, r, "/login?next=/account/2fa", http.StatusSeeOther)
	case u.TOTPEnabled && pending:
		http.Redirect(w, r, "/login/otp?next="+urlEscape(safeNext(next)), http.StatusSeeOther)
	case u.TOTPEnabled:
		h.web.Redirect(w, r, "/account", "La verifica in due passaggi è già attiva.")
	default:
		return u
	}
	return nil
}

func (h *Handler) enrolForm(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	u := h.enrolGate(w, r, next)
	if u == nil {
		return
	}
	p := h.newEnrolPage(r, u, next)
	if err := h.fillEnrol(r, u, p); err != nil {
		h.web.Error(w, r, err)
		return
	}
	noStore(w)
	h.web.Render(w, r, "account/enrol.html", p)
}

// fillEnrol puts the candidate secret on the page, as text and as a QR
// code embedded in the page (the CSP allows data: images).
func (h *Handler) fillEnrol(r *http.Request, u *auth.User, p *enrolPage) error {
	ctx := asUser(r.Context(), u)
	var secret string
	err := h.auth.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		secret, err = h.auth.TOTPCandidate(ctx, tx, u.ID)
		return err
	})
	if err != nil {
		return err
	}
	key, err := auth.TOTPKey(u.Email, secret)
	if err != nil {
		return err
	}
	img, err := key.Image(240, 240)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	p.QR = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()))
	p.Secret = groupsOf4(secret)
	return nil
}

func groupsOf4(s string) string {
	var parts []string
	for len(s) > 4 {
		parts, s = append(parts, s[:4]), s[4:]
	}
	return strings.Join(append(parts, s), " ")
}

func (h *Handler) enrol(w http.ResponseWriter, r *http.Request) {
	next := r.PostFormValue("next")
	u := h.enrolGate(w, r, next)
	if u == nil {
		return
	}
	_, pending := person(r)
	ctx := asUser(r.Context(), u)
	p := h.newEnrolPage(r, u, next)
	codes, err := h.confirmTOTP(r, u)
	if err != nil {
		if ferr := h.fillEnrol(r, u, p); ferr != nil {
			err = ferr
		}
		noStore(w)
		h.web.FormError(w, r, "account/enrol.html", p, &p.Page, err)
		return
	}
	if err := h.auth.SetSessionMFA(ctx, web.From(r).Session.IDHash); err != nil {
		h.web.Error(w, r, err)
		return
	}
	if pending {
		_ = h.auth.MarkLogin(ctx, u.ID, time.Now().UTC())
	}
	h.showCodes(w, r, u, p.Next, codes)
}

// confirmTOTP checks the code against the candidate secret and, when it
// matches, turns the second factor on and hands out the recovery codes.
func (h *Handler) confirmTOTP(r *http.Request, u *auth.User) ([]string, error) {
	ctx := asUser(r.Context(), u)
	key := "2fa:user:" + itoa(u.ID)
	if ok, err := h.perAccount.Allow(ctx, key); err != nil || !ok {
		if err == nil {
			err = errTooManyTries
		}
		return nil, err
	}
	var codes []string
	err := h.auth.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := h.auth.ConfirmTOTP(ctx, tx, u.ID, r.PostFormValue("code")); err != nil {
			return err
		}
		var err error
		codes, err = h.auth.NewRecoveryCodes(ctx, tx, u.ID)
		return err
	})
	if err == nil {
		_ = h.perAccount.Reset(ctx, key)
	}
	return codes, err
}
