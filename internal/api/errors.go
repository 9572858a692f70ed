package api

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/web"
)

var errUnauthenticated = apperr.Errorf(apperr.Unauthenticated,
	"Servono una sessione o un token API (intestazione Authorization: Bearer).")

// errorBody is the error envelope every failed call answers with.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

var codeOf = map[apperr.Kind]string{
	apperr.Invalid: "invalid", apperr.NotFound: "not_found", apperr.Forbidden: "forbidden",
	apperr.Unauthenticated: "unauthenticated", apperr.Conflict: "conflict", apperr.Internal: "internal",
	apperr.TooLarge: "invalid", apperr.TooManyRequests: "conflict",
}

// fail answers err in the envelope; internal details are logged, never
// shown.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := web.StatusOf(err)
	msg := apperr.MessageOf(err)
	if status == http.StatusInternalServerError {
		h.web.Log().Error("api request failed", "request_id", web.From(r).ID, "path", r.URL.Path, "err", err)
		msg = "Si è verificato un errore imprevisto. Riprova più tardi."
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="crocevia"`)
	}
	web.JSON(w, status, errorBody{Error: errorDetail{Code: codeOf[apperr.KindOf(err)], Message: msg,
		Fields: apperr.FieldsOf(err)}})
}

// invalid is a validation error on one field.
func invalid(field, msg string) error {
	f := apperr.Fields{}
	f.Check(false, field, msg)
	return f.Err()
}
