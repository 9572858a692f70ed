package facilities

import (
	"errors"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// maxImport is the largest file an import reads: the province's registry
// in either format is a small fraction of it.
const maxImport = 10 << 20

// importPage is the upload form and, once a file is read, its report. The
// file is not kept between the report and the confirmation: the user
// chooses it again, and the confirmation writes only if the file and the
// registry still give the report shown (Digest).
type importPage struct {
	web.Page
	Report  *ImportReport
	Columns []string
}

func (h *Handler) importPage(r *http.Request, rep *ImportReport) *importPage {
	p := &importPage{Page: h.web.NewPage(r, "Importa strutture"), Report: rep, Columns: ExportColumns()}
	p.Crumb("Strutture di accoglienza", "/strutture")
	p.Crumb("Importa strutture", "")
	return p
}

func (h *Handler) importForm(w http.ResponseWriter, r *http.Request) {
	h.web.Render(w, r, "facilities/import.html", h.importPage(r, nil))
}

func (h *Handler) importPreview(w http.ResponseWriter, r *http.Request) {
	data, err := files.ReadUpload(r, "file", maxImport)
	var rep *ImportReport
	if err == nil {
		rep, err = h.store.PreviewImport(r.Context(), web.UserOf(r), data)
	}
	if err != nil {
		p := h.importPage(r, nil)
		h.web.FormError(w, r, "facilities/import.html", p, &p.Page, err)
		return
	}
	h.web.Render(w, r, "facilities/import.html", h.importPage(r, rep))
}

func (h *Handler) importConfirm(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), web.UserOf(r)
	data, err := files.ReadUpload(r, "file", maxImport)
	if err == nil {
		_, err = h.store.ConfirmImport(ctx, u, data, r.PostFormValue("digest"))
	}
	if errors.Is(err, errImportStale) {
		rep, perr := h.store.PreviewImport(ctx, u, data)
		if perr != nil {
			err = perr
		} else {
			p := h.importPage(r, rep)
			h.web.FormError(w, r, "facilities/import.html", p, &p.Page, err)
			return
		}
	}
	if err != nil {
		p := h.importPage(r, nil)
		h.web.FormError(w, r, "facilities/import.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, "/strutture", "Importazione completata.")
}
