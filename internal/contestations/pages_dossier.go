package contestations

import (
	"bytes"
	"net/http"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

func (h *Handler) dossier(r *http.Request) (*Dossier, []byte, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, nil, err
	}
	d, err := h.store.Dossier(r.Context(), ScopeOf(web.UserOf(r)), id)
	if err != nil {
		return nil, nil, err
	}
	pdf, err := renderDossier(d, time.Now().UTC())
	return d, pdf, err
}

// fileName is the dossier's download name; facility codes are ASCII.
func fileName(d *Dossier, ext string) string {
	return "contestazione-" + itoa(d.C.ID) + "-" + d.C.FacilityCode + "." + ext
}

func (h *Handler) dossierPDF(w http.ResponseWriter, r *http.Request) {
	d, pdf, err := h.dossier(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	web.Attachment(w, "application/pdf", fileName(d, "pdf"))
	_, _ = w.Write(pdf)
}

// dossierZIP builds the archive in memory first: an error halfway must
// give an error page, not a truncated download.
func (h *Handler) dossierZIP(w http.ResponseWriter, r *http.Request) {
	d, pdf, err := h.dossier(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := writeZip(r.Context(), &buf, h.files, d, pdf); err != nil {
		h.web.Error(w, r, err)
		return
	}
	web.Attachment(w, "application/zip", fileName(d, "zip"))
	_, _ = buf.WriteTo(w)
}
