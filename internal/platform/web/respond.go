package web

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"sort"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/apperr"
)

// Render writes page name with data and status 200.
func (s *Server) Render(w http.ResponseWriter, r *http.Request, name string, data any) {
	s.RenderStatus(w, r, http.StatusOK, name, data)
}

// RenderStatus writes page name with data and the given status.
func (s *Server) RenderStatus(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	if err := s.renderer.render(w, status, name, data); err != nil {
		s.Error(w, r, err)
	}
}

// FormError re-shows a form after a failed submission: validation errors go
// next to their fields with the user's input kept (status 422); any other
// error is answered by Error. data must be a pointer to the page struct and
// page the Page embedded in it, so the messages set here are rendered.
func (s *Server) FormError(w http.ResponseWriter, r *http.Request, name string, data any, page *Page, err error) {
	switch apperr.KindOf(err) {
	case apperr.Invalid, apperr.Conflict, apperr.Unauthenticated, apperr.TooManyRequests:
		page.WithErr(err)
		s.RenderStatus(w, r, StatusOf(err), name, data)
	default:
		s.Error(w, r, err)
	}
}

// Redirect answers a successful POST: see-other to url, with a flash message.
func (s *Server) Redirect(w http.ResponseWriter, r *http.Request, url, flash string) {
	if flash != "" {
		http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: base64.RawURLEncoding.EncodeToString([]byte(flash)),
			Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: From(r).Secure, MaxAge: 60})
	}
	http.Redirect(w, r, url, http.StatusSeeOther)
}

const flashCookie = "crocevia_flash"

// takeFlash reads and clears the flash message. Only catalogue keys are ever
// written there, and the template escapes it, so a forged cookie can at most
// show a harmless string.
func (s *Server) takeFlash(r *http.Request) string {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return ""
	}
	b, err := base64.RawURLEncoding.DecodeString(c.Value)
	if err != nil || len(b) > 300 {
		return ""
	}
	if rw, ok := r.Context().Value(responseKey{}).(http.ResponseWriter); ok {
		http.SetCookie(rw, &http.Cookie{Name: flashCookie, Path: "/", MaxAge: -1})
	}
	return string(b)
}

type responseKey struct{}

// JSON writes v as JSON with status.
func JSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func sortNav(n []NavEntry) {
	sort.SliceStable(n, func(i, j int) bool { return n[i].Order < n[j].Order })
}

// PathID parses the path parameter name as a positive ID; anything else is
// a not-found error, so /x/abc answers 404 and never 500.
func PathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.NotFoundf("Pagina non trovata.")
	}
	return id, nil
}

// Attachment sets the headers of a download named name: the browser saves
// it rather than shows it, and no cache keeps a copy of personal or
// contractual data. name must be plain ASCII without quotes.
func Attachment(w http.ResponseWriter, contentType, name string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "private, no-store")
}
