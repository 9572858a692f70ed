package account

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

const (
	testClientID     = "crocevia"
	testClientSecret = "segreto-del-client"
)

// fakeProvider is an OpenID Connect provider: discovery, JWKS, an
// authorization endpoint that logs in whoever loginAs named, and a token
// endpoint that answers each code with an RSA-signed ID token.
type fakeProvider struct {
	*httptest.Server
	key *rsa.PrivateKey
	// discoveries counts the fetches of the discovery document; down makes
	// the provider answer 503 to them.
	discoveries atomic.Int32
	down        atomic.Bool

	mu       sync.Mutex
	identity map[string]any
	grants   map[string]grant
}

// grant is what the provider remembers about a code it issued.
type grant struct {
	redirect, challenge, nonce string
	claims                     map[string]any
}

func newFakeProvider(t *testing.T) *fakeProvider {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &fakeProvider{key: key, grants: map[string]grant{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", p.discovery)
	mux.HandleFunc("GET /jwks", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{
			{Key: &key.PublicKey, KeyID: "k1", Algorithm: "RS256", Use: "sig"}}})
	})
	mux.HandleFunc("GET /authorize", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	p.Server = httptest.NewServer(mux)
	t.Cleanup(p.Close)
	return p
}

func (p *fakeProvider) discovery(w http.ResponseWriter, r *http.Request) {
	p.discoveries.Add(1)
	if p.down.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"issuer": p.URL, "authorization_endpoint": p.URL + "/authorize",
		"token_endpoint": p.URL + "/token", "jwks_uri": p.URL + "/jwks",
		"response_types_supported": []string{"code"}, "subject_types_supported": []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"}})
}

// loginAs sets the claims of the person who logs in at the provider next.
func (p *fakeProvider) loginAs(claims map[string]any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.identity = claims
}

// authorize checks the request the way a provider does and sends the
// browser back with a code bound to its nonce and PKCE challenge.
func (p *fakeProvider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("response_type") != "code" || q.Get("client_id") != testClientID || q.Get("state") == "" ||
		q.Get("nonce") == "" || q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" ||
		!strings.Contains(" "+q.Get("scope")+" ", " openid ") {
		http.Error(w, "invalid_request", http.StatusBadRequest)
		return
	}
	code := auth.NewToken()
	p.mu.Lock()
	p.grants[code] = grant{redirect: q.Get("redirect_uri"), challenge: q.Get("code_challenge"),
		nonce: q.Get("nonce"), claims: p.identity}
	p.mu.Unlock()
	back := url.Values{"code": {code}, "state": {q.Get("state")}}
	http.Redirect(w, r, q.Get("redirect_uri")+"?"+back.Encode(), http.StatusFound)
}

func (p *fakeProvider) token(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	g, ok := p.grants[r.FormValue("code")]
	delete(p.grants, r.FormValue("code"))
	p.mu.Unlock()
	id, secret, basic := r.BasicAuth()
	if !basic {
		id, secret = r.FormValue("client_id"), r.FormValue("client_secret")
	}
	sum := sha256.Sum256([]byte(r.FormValue("code_verifier")))
	if !ok || id != testClientID || secret != testClientSecret || r.FormValue("redirect_uri") != g.redirect ||
		base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant"})
		return
	}
	idToken, err := p.sign(g)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"access_token": "at", "token_type": "Bearer",
		"expires_in": 300, "id_token": idToken})
}

// sign issues the ID token: the registered claims, the nonce of the
// request, a level of assurance and the identity's claims, which may
// override any of them.
func (p *fakeProvider) sign(g grant) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: p.key},
		(&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", "k1"))
	if err != nil {
		return "", err
	}
	now := time.Now()
	std := jwt.Claims{Issuer: p.URL, Subject: "utente-1", Audience: jwt.Audience{testClientID},
		IssuedAt: jwt.NewNumericDate(now), Expiry: jwt.NewNumericDate(now.Add(5 * time.Minute))}
	// A SPID level 2 login unless the identity says otherwise.
	base := map[string]any{"nonce": g.nonce, "acr": "https://www.spid.gov.it/SpidL2"}
	return jwt.Signed(signer).Claims(std).Claims(base).Claims(g.claims).Serialize()
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// visit takes the browser to the provider's authorization endpoint and
// returns the address the provider sends it back to.
func (p *fakeProvider) visit(t *testing.T, authURL string) *url.URL {
	t.Helper()
	if !strings.HasPrefix(authURL, p.URL+"/authorize?") {
		t.Fatalf("redirect to %q; want the provider's authorization endpoint", authURL)
	}
	client := p.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	res, err := client.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusFound {
		t.Fatalf("provider answered %d to %s", res.StatusCode, authURL)
	}
	back, err := url.Parse(res.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	return back
}
