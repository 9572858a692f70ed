package api

import (
	_ "embed"
	"net/http"
)

//go:embed openapi.json
var openAPIDoc []byte

// openAPI serves the API's description, public like any documentation.
func (h *Handler) openAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(openAPIDoc)
}

// Document is the OpenAPI description of every /api/v1 route, this
// module's and the other modules' alike.
func Document() []byte { return openAPIDoc }
