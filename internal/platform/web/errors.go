package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/crocevia/crocevia/internal/platform/apperr"
)

var statusOf = map[apperr.Kind]int{
	apperr.Internal:        http.StatusInternalServerError,
	apperr.Invalid:         http.StatusUnprocessableEntity,
	apperr.NotFound:        http.StatusNotFound,
	apperr.Conflict:        http.StatusConflict,
	apperr.Forbidden:       http.StatusForbidden,
	apperr.Unauthenticated: http.StatusUnauthorized,
	apperr.TooLarge:        http.StatusRequestEntityTooLarge,
	apperr.TooManyRequests: http.StatusTooManyRequests,
}

// StatusOf maps a service error to its HTTP status: the one place this
// mapping lives.
func StatusOf(err error) int {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	return statusOf[apperr.KindOf(err)]
}

var statusTitles = map[int]string{
	http.StatusBadRequest:            "Richiesta non valida",
	http.StatusUnauthorized:          "Accesso richiesto",
	http.StatusForbidden:             "Accesso non consentito",
	http.StatusNotFound:              "Pagina non trovata",
	http.StatusConflict:              "Operazione in conflitto",
	http.StatusRequestEntityTooLarge: "File o richiesta troppo grandi",
	http.StatusUnprocessableEntity:   "Dati non validi",
	http.StatusTooManyRequests:       "Troppi tentativi",
	http.StatusInternalServerError:   "Errore del servizio",
}

var statusTexts = map[int]string{
	http.StatusBadRequest:            "La richiesta non è stata compresa.",
	http.StatusUnauthorized:          "Per continuare devi accedere.",
	http.StatusForbidden:             "Non hai i permessi per questa pagina o per questa operazione.",
	http.StatusNotFound:              "La pagina che cerchi non esiste o è stata spostata.",
	http.StatusConflict:              "L'operazione è in conflitto con lo stato attuale dei dati.",
	http.StatusRequestEntityTooLarge: "La richiesta supera la dimensione massima consentita.",
	http.StatusUnprocessableEntity:   "Alcuni dati non sono validi.",
	http.StatusTooManyRequests:       "Hai fatto troppi tentativi. Riprova tra qualche minuto.",
	http.StatusInternalServerError:   "Si è verificato un errore imprevisto. Riprova più tardi.",
}

type errorPage struct {
	Page
	Status int
	Text   string
}

// Status renders the error page for status.
func (s *Server) Status(w http.ResponseWriter, r *http.Request, status int) {
	s.statusWithText(w, r, status, statusTexts[status])
}

func (s *Server) statusWithText(w http.ResponseWriter, r *http.Request, status int, text string) {
	title := statusTitles[status]
	if title == "" {
		title = http.StatusText(status)
	}
	p := errorPage{Page: s.NewPage(r, title), Status: status, Text: text}
	if err := s.renderer.render(w, status, "error.html", p); err != nil {
		s.deps.Log.Error("render error page", "err", err)
		http.Error(w, title, status)
	}
}

// NotFound renders the Italian 404 page.
func (s *Server) NotFound(w http.ResponseWriter, r *http.Request) {
	s.Status(w, r, http.StatusNotFound)
}

// Error answers a failed request: the status comes from the error's kind,
// the user sees the error's safe message, and internal errors are logged
// once, here, with the request ID.
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	status := StatusOf(err)
	if status == http.StatusInternalServerError {
		s.deps.Log.Error("request failed", "request_id", From(r).ID, "path", r.URL.Path, "err", err)
	}
	if status == http.StatusUnauthorized && From(r).User == nil && r.Method == http.MethodGet {
		http.Redirect(w, r, "/login?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	text := apperr.MessageOf(err)
	if text == "" {
		text = statusTexts[status]
	}
	s.statusWithText(w, r, status, text)
}

// errorMessage splits an error into the message above a form and the
// messages next to its fields.
func errorMessage(err error) (string, map[string]string) {
	fields := apperr.FieldsOf(err)
	if fields == nil {
		fields = map[string]string{}
	}
	msg := apperr.MessageOf(err)
	if msg == "" {
		msg = statusTexts[http.StatusInternalServerError]
	}
	return msg, fields
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }
