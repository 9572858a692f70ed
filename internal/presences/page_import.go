package presences

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// maxFile caps an uploaded import file.
const maxFile = 4 << 20

type importPage struct {
	web.Page
	Rows    []*Checked
	Summary Summary
	// Payload carries the parsed rows to the confirmation. It needs no
	// signature: the confirmation checks every row again, with the
	// user's own permissions, exactly as a new upload would be checked.
	Payload string
	Done    bool
	Columns []string
}

func (h *Handler) newImportPage(r *http.Request) *importPage {
	p := &importPage{Page: h.web.NewPage(r, "Importa presenze"),
		Columns: append([]string{"codice struttura", "data"}, countFields...)}
	p.Crumb("Presenze", "/presenze").Crumb("Importa", "")
	return p
}

func (h *Handler) importForm(w http.ResponseWriter, r *http.Request) {
	h.web.Render(w, r, "presences/import.html", h.newImportPage(r))
}

// importPreview parses the upload and shows what an import would do,
// writing nothing.
func (h *Handler) importPreview(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	if !u.HasAnyRole(reporterRoles...) {
		h.web.Error(w, r, apperr.Forbiddenf("Non puoi registrare presenze."))
		return
	}
	p := h.newImportPage(r)
	rows, err := uploadedRows(r)
	if err != nil {
		h.web.FormError(w, r, "presences/import.html", p, &p.Page, err)
		return
	}
	checked, err := Preview(r.Context(), h.db, u, rows)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	payload, err := json.Marshal(rows)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Rows, p.Summary, p.Payload = checked, summarise(checked), string(payload)
	h.web.Render(w, r, "presences/import.html", p)
}

func uploadedRows(r *http.Request) ([]Row, error) {
	file, _, err := r.FormFile("file")
	if err != nil {
		fe := apperr.Fields{}
		fe.Add("file", "Scegli un file CSV o XLSX.")
		return nil, fe.Err()
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, maxFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFile {
		return nil, apperr.Errorf(apperr.TooLarge, "Il file è troppo grande (massimo 4 MB).")
	}
	return ParseFile(data)
}

// importConfirm writes the valid rows of a previewed file in one transaction.
func (h *Handler) importConfirm(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	if !u.HasAnyRole(reporterRoles...) {
		h.web.Error(w, r, apperr.Forbiddenf("Non puoi registrare presenze."))
		return
	}
	var rows []Row
	if err := json.Unmarshal([]byte(r.PostFormValue("rows")), &rows); err != nil || len(rows) == 0 || len(rows) > MaxRows {
		h.web.Error(w, r, apperr.Errorf(apperr.Invalid, "Importazione non valida: carica di nuovo il file."))
		return
	}
	checked, err := Import(r.Context(), h.db, u, rows)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p := h.newImportPage(r)
	p.Rows, p.Summary, p.Done = checked, summarise(checked), true
	h.web.Render(w, r, "presences/import.html", p)
}
