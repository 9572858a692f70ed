package account

import (
	"context"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// OIDCConfig is an OpenID Connect provider to log in through, usually a
// SPID/CIE gateway.
type OIDCConfig struct {
	Issuer       string
	ClientID     string
	ClientSecret string
	// Claim names the ID-token claim matched to an account: "email" or
	// "fiscal_number".
	Claim       string
	RedirectURL string
}

// oidcTimeout bounds each exchange with the provider.
const oidcTimeout = 10 * time.Second

// oidcClient discovers the provider on first use, so the server starts
// even when the provider cannot be reached.
type oidcClient struct {
	cfg      OIDCConfig
	mu       sync.Mutex
	provider *oidc.Provider
}

// setup returns the provider and the OAuth2 configuration, discovering the
// provider if it was not yet; a failed discovery is retried next time.
func (c *oidcClient) setup(ctx context.Context) (*oidc.Provider, *oauth2.Config, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.provider == nil {
		ctx, cancel := context.WithTimeout(ctx, oidcTimeout)
		defer cancel()
		p, err := oidc.NewProvider(ctx, c.cfg.Issuer)
		if err != nil {
			return nil, nil, err
		}
		c.provider = p
	}
	return c.provider, &oauth2.Config{ClientID: c.cfg.ClientID, ClientSecret: c.cfg.ClientSecret,
		Endpoint: c.provider.Endpoint(), RedirectURL: c.cfg.RedirectURL,
		Scopes: []string{oidc.ScopeOpenID, "profile", "email"}}, nil
}

// oidcState travels in a short-lived cookie from the redirect to the
// callback: it binds the answer to this browser and this request.
type oidcState struct {
	State    string `json:"s"`
	Nonce    string `json:"n"`
	Verifier string `json:"v"`
	Next     string `json:"next"`
}

const oidcCookie = "crocevia_oidc"

func (h *Handler) oidcStart(w http.ResponseWriter, r *http.Request) {
	_, conf, err := h.oidc.setup(r.Context())
	if err != nil {
		h.oidcUnavailable(w, r, err)
		return
	}
	st := oidcState{State: auth.NewToken(), Nonce: auth.NewToken(), Verifier: oauth2.GenerateVerifier(),
		Next: safeNext(r.URL.Query().Get("next"))}
	js, _ := json.Marshal(st)
	http.SetCookie(w, &http.Cookie{Name: oidcCookie, Value: base64.RawURLEncoding.EncodeToString(js),
		Path: "/login/oidc", MaxAge: 600, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: web.From(r).Secure})
	http.Redirect(w, r, conf.AuthCodeURL(st.State, oidc.Nonce(st.Nonce), oauth2.S256ChallengeOption(st.Verifier)),
		http.StatusFound)
}

// takeOIDCState reads and clears the state cookie; it is usable once.
func takeOIDCState(w http.ResponseWriter, r *http.Request) (oidcState, bool) {
	var st oidcState
	c, err := r.Cookie(oidcCookie)
	if err != nil {
		return st, false
	}
	http.SetCookie(w, &http.Cookie{Name: oidcCookie, Path: "/login/oidc", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: web.From(r).Secure})
	js, err := base64.RawURLEncoding.DecodeString(c.Value)
	if err != nil || json.Unmarshal(js, &st) != nil || st.State == "" || st.Nonce == "" {
		return st, false
	}
	got := r.URL.Query().Get("state")
	return st, subtle.ConstantTimeCompare([]byte(got), []byte(st.State)) == 1
}

func (h *Handler) oidcCallback(w http.ResponseWriter, r *http.Request) {
	st, ok := takeOIDCState(w, r)
	if !ok {
		h.message(w, r, http.StatusBadRequest, "Accesso non riuscito",
			"La richiesta di accesso non è valida o è scaduta. Riprova.", "/login", "Torna all'accesso")
		return
	}
	if r.URL.Query().Get("error") != "" {
		h.message(w, r, http.StatusUnauthorized, "Accesso non riuscito",
			"L'accesso con SPID o CIE è stato annullato o non è riuscito.", "/login", "Torna all'accesso")
		return
	}
	subject, strong, err := h.oidcSubject(r.Context(), r.URL.Query().Get("code"), st)
	if err != nil {
		h.web.Log().Warn("oidc login failed", "request_id", web.From(r).ID, "err", err)
		h.message(w, r, http.StatusUnauthorized, "Accesso non riuscito",
			"Non è stato possibile verificare la tua identità. Riprova.", "/login", "Torna all'accesso")
		return
	}
	u, err := h.oidcUser(r.Context(), subject)
	if err != nil && !errors.Is(err, auth.ErrUserNotFound) {
		h.web.Error(w, r, err)
		return
	}
	if err != nil {
		h.message(w, r, http.StatusForbidden, "Nessun account associato",
			"Nessun account attivo della rete corrisponde all'identità con cui hai effettuato l'accesso. Chiedi all'amministratore della tua organizzazione di invitarti.",
			"/login", "Torna all'accesso")
		return
	}
	// The cookie is ours, but the redirect is checked again where it is used.
	h.startSession(w, r, u, safeNext(st.Next), strong)
}

// oidcSubject exchanges the code, verifies the ID token and its nonce and
// returns the configured claim. A provider that hangs must not hold the
// request forever.
func (h *Handler) oidcSubject(ctx context.Context, code string, st oidcState) (string, bool, error) {
	ctx, cancel := context.WithTimeout(ctx, oidcTimeout)
	defer cancel()
	provider, conf, err := h.oidc.setup(ctx)
	if err != nil {
		return "", false, err
	}
	tok, err := conf.Exchange(ctx, code, oauth2.VerifierOption(st.Verifier))
	if err != nil {
		return "", false, err
	}
	raw, _ := tok.Extra("id_token").(string)
	idt, err := provider.Verifier(&oidc.Config{ClientID: h.oidc.cfg.ClientID}).Verify(ctx, raw)
	if err != nil {
		return "", false, err
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(st.Nonce)) != 1 {
		return "", false, errors.New("oidc: nonce mismatch")
	}
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return "", false, err
	}
	subject, err := claimValue(claims, h.oidc.cfg.Claim)
	return subject, strongACR(claims), err
}
