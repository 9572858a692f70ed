package web

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// Cookie names.
const (
	SessionCookie = "crocevia_session"
	csrfCookie    = "crocevia_csrf"
	langCookie    = "crocevia_lang"
)

// session loads the user from the session cookie and picks the language.
// A session whose user must use a second factor but has not yet passed it
// only reaches the two-factor pages.
func (s *Server) session(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ri := From(r)
		if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
			sess, u, err := s.deps.Auth.SessionUser(r.Context(), c.Value)
			switch {
			case err == nil && sess.MFAOK:
				ri.Session, ri.User, ri.CSRF = sess, u, sess.CSRFToken
			case err == nil:
				// Password checked, second factor still due: the user is not
				// logged in yet, only the two-factor pages see them.
				ri.Session, ri.Pending, ri.CSRF = sess, u, sess.CSRFToken
			case errors.Is(err, auth.ErrNoSession):
				http.SetCookie(w, &http.Cookie{Name: SessionCookie, Path: "/", MaxAge: -1})
			default:
				s.Error(w, r, err)
				return
			}
		}
		ri.Lang = s.language(r, ri.User)
		if ri.CSRF == "" {
			ri.CSRF = s.anonymousCSRF(w, r)
		}
		ctx := r.Context()
		if ri.User != nil {
			ctx = audit.WithActor(ctx, audit.Actor{UserID: ri.User.ID, Email: ri.User.Email, OrgID: ri.User.PrimaryOrgID()})
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// language: an explicit cookie wins, then the user's preference, then Italian.
func (s *Server) language(r *http.Request, u *auth.User) string {
	if c, err := r.Cookie(langCookie); err == nil {
		return i18n.Normalize(c.Value)
	}
	if u != nil {
		return i18n.Normalize(u.Lang)
	}
	return "it"
}

// anonymousCSRF is the double-submit token of visitors without a session:
// a random cookie that their forms must echo.
func (s *Server) anonymousCSRF(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	tok := auth.NewToken()
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: tok, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: From(r).Secure})
	r.AddCookie(&http.Cookie{Name: csrfCookie, Value: tok})
	return tok
}

// csrf refuses an unsafe request whose form field or X-CSRF-Token header
// does not carry the token. Cross-origin browser requests were already
// refused by http.CrossOriginProtection; this also covers old browsers that
// send neither Sec-Fetch-Site nor Origin.
func (s *Server) csrf(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		}
		if exempt(r) {
			next.ServeHTTP(w, r)
			return
		}
		ri := From(r)
		got := r.Header.Get("X-CSRF-Token")
		if got == "" {
			// Uploads beyond 1 MiB spill to temporary files instead of
			// memory, so a few concurrent uploads cannot exhaust it.
			if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
				_ = r.ParseMultipartForm(multipartMemory)
			}
			got = r.FormValue("csrf_token") // parses the form, within the body limit
		}
		if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(ri.CSRF)) != 1 {
			var mbe *http.MaxBytesError
			// A body cut at the limit makes FormValue find no token; the
			// capped reader keeps answering its error, which tells 413.
			if _, err := r.Body.Read(make([]byte, 1)); errors.As(err, &mbe) {
				s.Status(w, r, http.StatusRequestEntityTooLarge)
				return
			}
			s.statusWithText(w, r, http.StatusForbidden,
				"La richiesta non è stata accettata perché il modulo è scaduto o non proviene da questo sito. Ricarica la pagina e riprova.")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// multipartMemory is how much of a multipart body is kept in memory.
const multipartMemory = 1 << 20

// exemptPrefixes are paths authenticated by a bearer token instead of a
// cookie, where CSRF cannot happen: modules add theirs with ExemptCSRF.
var exemptPrefixes []string

// ExemptCSRF exempts requests under prefix that carry an Authorization
// header (a browser never adds one cross-site) or no session cookie at all
// from the token check.
func ExemptCSRF(prefix string) { exemptPrefixes = append(exemptPrefixes, prefix) }

func exempt(r *http.Request) bool {
	// Without a session cookie a request carries no ambient authority to
	// forge, so the API can answer it with its own 401.
	if _, err := r.Cookie(SessionCookie); r.Header.Get("Authorization") == "" && err == nil {
		return false
	}
	for _, p := range exemptPrefixes {
		if len(r.URL.Path) >= len(p) && r.URL.Path[:len(p)] == p {
			return true
		}
	}
	return false
}

// SetSessionCookie sets the session cookie after login.
func SetSessionCookie(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: From(r).Secure, Expires: time.Now().Add(auth.MaxAge)})
}

// ClearSessionCookie removes the session cookie at logout.
func ClearSessionCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Path: "/", MaxAge: -1, HttpOnly: true})
}

// SetLanguage stores the visitor's language choice.
func SetLanguage(w http.ResponseWriter, r *http.Request, lang string) {
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: i18n.Normalize(lang), Path: "/",
		SameSite: http.SameSiteLaxMode, Secure: From(r).Secure, MaxAge: 365 * 24 * 3600})
}
